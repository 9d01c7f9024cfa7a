/* fuzz-fingerprint.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the fingerprint library, built only with clang,
 * with the library instrumented too:
 *
 *   export CC=clang CFLAGS=-fsanitize=fuzzer-no-link
 *   meson setup _build-fuzz -Db_sanitize=address,undefined
 *   ninja -C _build-fuzz tests/fingerprint/fuzz-fingerprint
 *   _build-fuzz/tests/fingerprint/fuzz-fingerprint -max_total_time=600
 *
 * The first byte of an input picks what the rest is: PCM (floats) for
 * extraction, hashes for the matcher, or an index file for the loader.
 * Hashes are matched against an index of one made-up song. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fanfare-fp-extract.h"
#include "fanfare-fp-index.h"
#include "fanfare-fp-match.h"
#include "fanfare-test-music.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static FanfareFpIndex *
small_index (void)
{
  static FanfareFpIndex *index;

  if (index == NULL)
    {
      gsize n;
      g_autofree float *samples = fanfare_test_music_new (40, 20.0, &n);
      g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (samples, n);

      index = fanfare_fp_index_new ();
      fanfare_fp_index_add (index, "song", n / FANFARE_FP_HOP, hashes);
    }

  return index;
}

/* Hashes of a clip of the song, for the indexes the fuzzer makes. */
static GArray *
clip (void)
{
  static GArray *hashes;

  if (hashes == NULL)
    {
      gsize n;
      g_autofree float *samples = fanfare_test_music_new (40, 6.0, &n);

      hashes = fanfare_fp_extract_hashes (samples, n);
    }

  return hashes;
}

static void
match (FanfareFpIndex *index,
       GArray         *hashes)
{
  FanfareFpMatch result;

  fanfare_fp_match (index, hashes, &result);
}

static void
fuzz_pcm (const guint8 *data,
          size_t        size)
{
  g_autofree float *samples = g_new (float, size / sizeof (float) + 1);
  g_autoptr(GArray) hashes = NULL;

  memcpy (samples, data, size / sizeof (float) * sizeof (float));
  hashes = fanfare_fp_extract_hashes (samples, size / sizeof (float));
  for (guint i = 0; i < hashes->len; i++)
    if (g_array_index (hashes, FanfareFpHash, i).hash >= 1u << 23)
      __builtin_trap ();
  match (small_index (), hashes);
}

static void
fuzz_hashes (const guint8 *data,
             size_t        size)
{
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (FanfareFpHash));

  g_array_set_size (hashes, size / sizeof (FanfareFpHash));
  memcpy (hashes->data, data, hashes->len * sizeof (FanfareFpHash));
  match (small_index (), hashes);
}

static void
fuzz_index_file (const guint8 *data,
                 size_t        size)
{
  static char *path;
  g_autoptr(FanfareFpIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_strdup_printf ("%s/fuzz-fingerprint-%d.ffp", g_get_tmp_dir (), (int) getpid ());

  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return;
  index = fanfare_fp_index_load (path, &error);
  if (index == NULL && error == NULL)
    __builtin_trap ();
  if (index != NULL)
    {
      gsize n;

      for (guint32 h = 0; h < (1u << 23); h += 65537)
        fanfare_fp_index_lookup (index, h, &n);
      match (index, clip ());
    }
  g_unlink (path);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  if (size == 0)
    return 0;

  switch (data[0] % 3)
    {
    case 0:
      fuzz_pcm (data + 1, size - 1);
      break;

    case 1:
      fuzz_hashes (data + 1, size - 1);
      break;

    default:
      fuzz_index_file (data + 1, size - 1);
      break;
    }

  return 0;
}
