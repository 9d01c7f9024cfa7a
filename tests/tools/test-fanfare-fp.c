/* test-fanfare-fp.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* fanfare-fp as a script would use it: songs written as WAV files are
 * indexed (a file that is not audio is reported and skipped), a clip of
 * one, encoded with Opus at 32 kbit/s, is named with where it starts, in
 * words and in JSON, and a clip of a song not indexed exits 1 in silence. */

#include "config.h"

#include <gio/gio.h>
#include <gst/gst.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fanfare-fp-extract.h"
#include "fanfare-test-music.h"

#define N_SONGS      5
#define SONG_SECONDS 30.0

static const char *fanfare_fp;

static void
write_wav (const char  *path,
           const float *samples,
           gsize        n)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint32 data_size = n * 2, riff_size = 36 + data_size, rate = FANFARE_FP_SAMPLE_RATE;
  guint32 byte_rate = rate * 2, fmt_size = 16;
  guint16 format = 1, channels = 1, align = 2, bits = 16;
  g_autoptr(GError) error = NULL;

  g_byte_array_append (bytes, (const guint8 *) "RIFF", 4);
  g_byte_array_append (bytes, (const guint8 *) &riff_size, 4);
  g_byte_array_append (bytes, (const guint8 *) "WAVEfmt ", 8);
  g_byte_array_append (bytes, (const guint8 *) &fmt_size, 4);
  g_byte_array_append (bytes, (const guint8 *) &format, 2);
  g_byte_array_append (bytes, (const guint8 *) &channels, 2);
  g_byte_array_append (bytes, (const guint8 *) &rate, 4);
  g_byte_array_append (bytes, (const guint8 *) &byte_rate, 4);
  g_byte_array_append (bytes, (const guint8 *) &align, 2);
  g_byte_array_append (bytes, (const guint8 *) &bits, 2);
  g_byte_array_append (bytes, (const guint8 *) "data", 4);
  g_byte_array_append (bytes, (const guint8 *) &data_size, 4);
  for (gsize i = 0; i < n; i++)
    {
      gint16 v = (gint16) lrint (CLAMP (samples[i], -1.0f, 1.0f) * 32767.0);

      g_byte_array_append (bytes, (const guint8 *) &v, 2);
    }

  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error));
  g_assert_no_error (error);
}

/* Seconds @start to @start + 6 of song @seed, through Opus at 32 kbit/s. */
static void
write_opus_clip (const char *path,
                 const char *dir,
                 guint32     seed,
                 double      start)
{
  g_autofree char *wav = g_build_filename (dir, "clip.wav", NULL);
  g_autofree char *description = NULL;
  g_autofree float *song = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gsize n;

  song = fanfare_test_music_new (seed, SONG_SECONDS, &n);
  write_wav (wav, song + (gsize) (start * FANFARE_FP_SAMPLE_RATE), 6 * FANFARE_FP_SAMPLE_RATE);

  description = g_strdup_printf ("filesrc location=\"%s\" ! wavparse ! audioconvert ! audioresample"
                                 " ! opusenc bitrate=32000 ! oggmux ! filesink location=\"%s\"", wav, path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) fanfare_fp);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static void
test_index_and_query (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fanfare-fp-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "songs.fpi", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.mp3", NULL);
  g_autofree char *clip = g_build_filename (dir, "clip.opus", NULL);
  g_autofree char *stranger = g_build_filename (dir, "stranger.opus", NULL);
  g_autofree char *list = g_build_filename (dir, "list.tsv", NULL);
  g_autoptr(GString) list_text = g_string_new (NULL);
  g_autoptr(GPtrArray) songs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) fields = NULL;
  int status;

  for (guint i = 0; i < N_SONGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("song-%u.wav", i);
      g_autofree float *song = NULL;
      gsize n;

      song = fanfare_test_music_new (i + 1, SONG_SECONDS, &n);
      g_ptr_array_add (songs, g_build_filename (dir, name, NULL));
      write_wav (songs->pdata[i], song, n);
    }
  g_assert_true (g_file_set_contents (notes, "not music at all", -1, NULL));

  /* Three by name, one by --id, one from a list; the notes are skipped. */
  status = run (&out, &err, "index", db, songs->pdata[0], songs->pdata[1], notes, songs->pdata[2],
                "--id", "fourth", songs->pdata[3], NULL);
  g_assert_cmpint (status, ==, 3);
  g_assert_nonnull (strstr (err, "notes.mp3"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_string_append_printf (list_text, "fifth\t%s\n", (char *) songs->pdata[4]);
  g_assert_true (g_file_set_contents (list, list_text->str, -1, NULL));
  g_assert_cmpint (run (&out, &err, "index", db, "--list", list, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "stats", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "tracks: 5\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A clip of the third song, 12 s in, through Opus. */
  write_opus_clip (clip, dir, 3, 12.0);
  g_assert_cmpint (run (&out, &err, "query", db, clip, NULL), ==, 0);
  fields = g_strsplit (g_strchomp (out), " ", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpstr (fields[0], ==, "song-2.wav");
  g_assert_cmpint (atoi (fields[1]), >=, 8);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[2], NULL), 12.0, 0.2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  write_opus_clip (clip, dir, 4, 20.0);
  g_assert_cmpint (run (&out, &err, "query", db, clip, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"id\": \"fourth\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A song that is not there: nothing, and exit 1. */
  write_opus_clip (stranger, dir, 500, 5.0);
  g_assert_cmpint (run (&out, &err, "query", db, stranger, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not an index: said so. */
  g_assert_cmpint (run (&out, &err, "query", notes, clip, NULL), ==, 3);
  g_assert_nonnull (strstr (err, "not a fingerprint index"));

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  fanfare_fp = g_getenv ("FANFARE_FP");
  g_assert_nonnull (fanfare_fp);

  g_test_add_func ("/tools/fanfare-fp/index-and-query", test_index_and_query);

  return g_test_run ();
}
