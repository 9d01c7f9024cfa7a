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
#include "fanfare-test-music.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

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
  g_autoptr(GBytes) packed = fanfare_fp_hashes_pack (hashes);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));

  return g_strdup_printf ("{\"version\": %d, \"hashes\": \"%s\"}", version, base64);
}

/**
 * fanfare_test_import_songs:
 * @titles: (array zero-terminated=1): one made-up song each, of
 *   fanfare_test_music_new (@first_seed + i, @seconds)
 *
 * Imports an album of made-up songs into the server at @data_dir, by the
 * user "lin" that it creates, as an artist imports music.
 */
void
fanfare_test_import_songs (const char         *data_dir,
                           const char         *album,
                           const char * const *titles,
                           guint32             first_seed,
                           double              seconds)
{
  g_autofree char *music = fanfare_test_make_data_dir ();
  g_autofree char *album_dir = g_build_filename (music, album, NULL);
  g_autofree char *output = NULL;
  g_autofree char *expected = NULL;
  const char *create[] = { "create-user", "--data-dir", data_dir, "--username", "lin", NULL };
  const char *import[] = { "import", music, "--data-dir", data_dir, "--artist", "lin", NULL };
  guint n_titles = g_strv_length ((char **) titles);

  g_mkdir_with_parents (album_dir, 0700);
  for (guint i = 0; i < n_titles; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.wav", titles[i]);
      g_autofree char *path = g_build_filename (album_dir, name, NULL);
      g_autofree float *samples = NULL;
      gsize n_samples;

      samples = fanfare_test_music_new (first_seed + i, seconds, &n_samples);
      fanfare_test_write_wav (path, samples, n_samples);
    }

  g_assert_cmpint (fanfare_test_run_command (create, "identify secret 12\n", NULL), ==, 0);
  g_assert_cmpint (fanfare_test_run_command (import, NULL, &output), ==, 0);
  expected = g_strdup_printf ("Imported 1 albums, %u tracks; skipped 0 files\n", n_titles);
  g_assert_cmpstr (output, ==, expected);
  fanfare_test_remove_tree (music);
}
