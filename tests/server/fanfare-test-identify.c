/* fanfare-test-identify.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What identification tests and benchmarks share: audio files to import
 * and the body of POST /api/v1/identify, made as a client makes it. */

#include "config.h"

#include "fanfare-fp-extract.h"
#include "fanfare-test-identify.h"

/* A mono 16-bit WAV file at the fingerprints' own rate. */
void
fanfare_test_write_wav (const char  *path,
                        const float *samples,
                        gsize        n_samples)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint32 data_size = n_samples * 2;
  guint8 header[44] = "RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\x02\0\x10\0data";

  for (guint i = 0; i < 4; i++)
    {
      header[4 + i] = (36 + data_size) >> (8 * i);
      header[24 + i] = (guint32) FANFARE_FP_SAMPLE_RATE >> (8 * i);
      header[28 + i] = (guint32) (FANFARE_FP_SAMPLE_RATE * 2) >> (8 * i);
      header[40 + i] = data_size >> (8 * i);
    }
  g_byte_array_append (bytes, header, sizeof header);
  for (gsize i = 0; i < n_samples; i++)
    {
      gint16 value = (gint16) CLAMP (samples[i] * 32767.0f, -32767.0f, 32767.0f);
      guint8 le[2] = { value & 0xff, (value >> 8) & 0xff };

      g_byte_array_append (bytes, le, 2);
    }

  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
}

/* The body the API asks for: version and base64 of 10-byte records. */
char *
fanfare_test_identify_body (const float *samples,
                            gsize        n_samples,
                            int          version)
{
  g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (samples, n_samples);
  g_autoptr(GByteArray) packed = g_byte_array_new ();
  g_autofree char *base64 = NULL;

  for (guint i = 0; i < hashes->len; i++)
    {
      const FanfareFpHash *hash = &g_array_index (hashes, FanfareFpHash, i);
      guint8 record[10] = {
        hash->hash & 0xff, (hash->hash >> 8) & 0xff, (hash->hash >> 16) & 0xff, hash->hash >> 24,
        hash->frame & 0xff, (hash->frame >> 8) & 0xff,
        hash->span & 0xff, hash->span >> 8,
        hash->pitch & 0xff, hash->pitch >> 8,
      };

      g_byte_array_append (packed, record, sizeof record);
    }
  base64 = g_base64_encode (packed->data, packed->len);

  return g_strdup_printf ("{\"version\": %d, \"hashes\": \"%s\"}", version, base64);
}
