/* test-identifier.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The identification engine hears a made-up song through its real
 * GStreamer pipeline, from a WAV file instead of a sound card, and names
 * it: by asking a real server, or offline from a local index. */

#include "config.h"

#include <gst/gst.h>
#include <string.h>

#include "fanfare-fp-extract.h"
#include "fanfare-fp-match.h"
#include "fanfare-identifier.h"
#include "fanfare-identify-history.h"
#include "fanfare-local-fingerprints.h"
#include "fanfare-test-client.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"
#include "fanfare-test-utils.h"

#define SONG_SECONDS 30.0

typedef struct {
  char         *dir;
  GPtrArray    *titles;
  GArray       *times;
  GArray       *offsets;
  int           finished; /* -1 until it finishes; then whether found */
  GError       *error;
  GAsyncResult *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = fanfare_test_make_tmpdir ();
  fixture->titles = g_ptr_array_new_with_free_func (g_free);
  fixture->times = g_array_new (FALSE, FALSE, sizeof (double));
  fixture->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  fixture->finished = -1;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->titles);
  g_array_unref (fixture->times);
  g_array_unref (fixture->offsets);
  g_clear_error (&fixture->error);
}

/* A WAV of @seconds of song @seed from @start, then of the next pieces. */
static char *
write_clip (Fixture *fixture,
            guint32  seed,
            double   start,
            double   seconds,
            guint32  then_seed,
            double   then_start,
            double   then_seconds)
{
  g_autofree char *path = g_build_filename (fixture->dir, "clip.wav", NULL);
  gsize n_samples, n_then = 0;
  g_autofree float *song = fanfare_test_music_new (seed, SONG_SECONDS, &n_samples);
  g_autofree float *then = then_seconds > 0 ? fanfare_test_music_new (then_seed, SONG_SECONDS, &n_then) : NULL;
  gsize n = seconds * FANFARE_FP_SAMPLE_RATE;
  gsize m = then_seconds * FANFARE_FP_SAMPLE_RATE;
  g_autofree float *clip = g_new (float, n + m);

  memcpy (clip, song + (gsize) (start * FANFARE_FP_SAMPLE_RATE), n * sizeof (float));
  if (m > 0)
    memcpy (clip + n, then + (gsize) (then_start * FANFARE_FP_SAMPLE_RATE), m * sizeof (float));
  fanfare_test_write_wav (path, clip, n + m);

  return g_strdup_printf ("filesrc location=\"%s\" ! wavparse", path);
}

static void
identified_cb (FanfareIdentifier *identifier,
               FanfareTrack      *track,
               double             offset,
               double             confidence,
               double             at,
               Fixture           *fixture)
{
  g_assert_cmpfloat (confidence, >, 0.0);
  g_ptr_array_add (fixture->titles, g_strdup (fanfare_track_get_title (track)));
  g_array_append_val (fixture->times, at);
  g_array_append_val (fixture->offsets, offset);
}

static void
finished_cb (FanfareIdentifier *identifier,
             gboolean           found,
             Fixture           *fixture)
{
  g_assert_false (fanfare_identifier_get_listening (identifier));
  fixture->finished = found;
}

static void
failed_cb (FanfareIdentifier *identifier,
           const GError      *error,
           Fixture           *fixture)
{
  fixture->error = g_error_copy (error);
}

static gboolean
is_done (gpointer  user_data)
{
  Fixture *fixture = user_data;

  return fixture->finished >= 0 || fixture->error != NULL;
}

static void
listen (Fixture           *fixture,
        FanfareIdentifier *identifier,
        const char        *source)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect (identifier, "identified", G_CALLBACK (identified_cb), fixture);
  g_signal_connect (identifier, "finished", G_CALLBACK (finished_cb), fixture);
  g_signal_connect (identifier, "failed", G_CALLBACK (failed_cb), fixture);
  fanfare_identifier_set_source_description (identifier, source);
  g_assert_true (fanfare_identifier_start (identifier, &error));
  g_assert_no_error (error);
  g_assert_true (fanfare_identifier_get_listening (identifier));
  g_assert_true (fanfare_test_wait_for (is_done, fixture, 60000));
  g_assert_no_error (fixture->error);
}

static gboolean
is_last_reference (gpointer  user_data)
{
  return G_OBJECT (user_data)->ref_count == 1;
}

/* A worker thread lets go of its task, and so of the identifier, just
 * after the main thread has its answer. */
static void
release (FanfareIdentifier *identifier)
{
  g_assert_true (fanfare_test_wait_for (is_last_reference, identifier, 5000));
  g_assert_finalize_object (identifier);
}

/* The user's own music, as an index the app keeps. */
static FanfareTrack *
lookup_local (const char *id,
              gpointer    user_data)
{
  return g_object_new (FANFARE_TYPE_TRACK, "id", id, "title", id, NULL);
}

static FanfareFpIndex *
local_index (guint32  first_seed,
             guint    n_songs)
{
  FanfareFpIndex *index = fanfare_fp_index_new ();

  for (guint i = 0; i < n_songs; i++)
    {
      gsize n_samples;
      g_autofree float *song = fanfare_test_music_new (first_seed + i, SONG_SECONDS, &n_samples);
      g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (song, n_samples);
      g_autofree char *id = g_strdup_printf ("Local Song %u", first_seed + i);

      fanfare_fp_index_add (index, id, n_samples / FANFARE_FP_HOP, hashes);
    }

  return index;
}

static void
test_platform (Fixture       *fixture,
               gconstpointer  data)
{
  const char *titles[] = { "Harbour Lights", "Paper Kites", NULL };
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  g_autofree char *cache_dir = fanfare_test_make_tmpdir ();
  g_autofree char *source = write_clip (fixture, 301, 11.5, 12.0, 0, 0, 0);
  FanfareTestServer *server;
  g_autoptr(FanfareClient) client = NULL;
  g_autoptr(FanfareIdentifier) identifier = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_test_import_songs (data_dir, "Two Songs", titles, 300, SONG_SECONDS);
  server = fanfare_test_server_start (data_dir, NULL);
  client = fanfare_client_new (server->url, cache_dir);
  fanfare_client_register_async (client, "listener", NULL, "identify secret 78", NULL,
                                 fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  user = fanfare_client_register_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  fanfare_test_note_secret (fanfare_client_get_token (client));

  identifier = fanfare_identifier_new (client);
  listen (fixture, identifier, source);

  g_assert_cmpint (fixture->finished, ==, TRUE);
  g_assert_cmpuint (fixture->titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->titles, 0), ==, "Paper Kites");
  g_assert_cmpfloat_with_epsilon (g_array_index (fixture->offsets, double, 0), 11.5, 0.2);
  /* Sure within five seconds of clean audio. */
  g_assert_cmpfloat (fanfare_identifier_get_heard (identifier), <=, 5.0);
  g_test_message ("clean audio: a sure match after %.0f s", fanfare_identifier_get_heard (identifier));

  release (g_steal_pointer (&identifier));
  g_assert_finalize_object (g_steal_pointer (&client));
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (cache_dir);
}

/* With no platform, the local index names the user's own song. */
static void
test_local (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *source = write_clip (fixture, 402, 4.0, 10.0, 0, 0, 0);
  g_autoptr(FanfareIdentifier) identifier = fanfare_identifier_new (NULL);

  fanfare_identifier_set_local_index (identifier, local_index (400, 4), lookup_local, NULL);
  listen (fixture, identifier, source);

  g_assert_cmpint (fixture->finished, ==, TRUE);
  g_assert_cmpuint (fixture->titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->titles, 0), ==, "Local Song 402");
  g_assert_cmpfloat (fanfare_identifier_get_heard (identifier), <=, 5.0);
  release (g_steal_pointer (&identifier));
}

/* Music nobody knows: listening gives up after 15 s, with no match. */
static void
test_no_match (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *source = write_clip (fixture, 977, 0.0, 25.0, 0, 0, 0);
  g_autoptr(FanfareIdentifier) identifier = fanfare_identifier_new (NULL);

  fanfare_identifier_set_local_index (identifier, local_index (400, 4), lookup_local, NULL);
  listen (fixture, identifier, source);

  g_assert_cmpint (fixture->finished, ==, FALSE);
  g_assert_cmpuint (fixture->titles->len, ==, 0);
  g_assert_cmpfloat (fanfare_identifier_get_heard (identifier), >=, FANFARE_IDENTIFIER_MAX_SECONDS);
  g_assert_cmpfloat (fanfare_identifier_get_progress (identifier), ==, 1.0);
  release (g_steal_pointer (&identifier));
}

/* With no platform and no music of one's own, listening says why it
 * cannot start. */
static void
test_nobody_to_ask (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FanfareIdentifier) identifier = fanfare_identifier_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (fanfare_identifier_start (identifier, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
  g_assert_false (fanfare_identifier_get_listening (identifier));
}

/* Continuous listening follows a mix from one song to the next. */
static void
test_continuous (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source = write_clip (fixture, 401, 2.0, 14.0, 403, 6.0, 14.0);
  g_autoptr(FanfareIdentifier) identifier = fanfare_identifier_new (NULL);

  fanfare_identifier_set_local_index (identifier, local_index (400, 4), lookup_local, NULL);
  fanfare_identifier_set_continuous (identifier, TRUE);
  listen (fixture, identifier, source);

  g_assert_cmpint (fixture->finished, ==, TRUE);
  g_assert_cmpuint (fixture->titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->titles, 0), ==, "Local Song 401");
  g_assert_cmpstr (g_ptr_array_index (fixture->titles, 1), ==, "Local Song 403");
  g_assert_cmpfloat (g_array_index (fixture->times, double, 0), <, 5.0);
  g_assert_cmpfloat (g_array_index (fixture->times, double, 1), >, 7.0);
  g_assert_cmpfloat (g_array_index (fixture->times, double, 1), <, 20.0);
  release (g_steal_pointer (&identifier));
}

static void
update_fingerprints (Fixture                  *fixture,
                     FanfareLocalFingerprints *fingerprints,
                     GListModel               *tracks)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_local_fingerprints_update_async (fingerprints, tracks, NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  g_assert_true (fanfare_local_fingerprints_update_finish (fingerprints, result, &error));
  g_assert_no_error (error);
}

/* Writes the file of the library's track @id: @seconds of song @seed. */
static char *
write_library_file (Fixture *fixture,
                    guint32  id,
                    guint32  seed,
                    double   seconds)
{
  g_autofree char *name = g_strdup_printf ("song-%u.wav", id);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  gsize n_samples;
  g_autofree float *song = fanfare_test_music_new (seed, seconds, &n_samples);

  fanfare_test_write_wav (path, song, n_samples);

  return g_filename_to_uri (path, NULL, NULL);
}

static void
add_library_song (Fixture    *fixture,
                  GListStore *tracks,
                  guint32     seed)
{
  g_autofree char *uri = write_library_file (fixture, seed, seed, SONG_SECONDS);
  g_autofree char *id = g_strdup_printf ("%u", seed);
  g_autofree char *title = g_strdup_printf ("Own Song %u", seed);
  g_autoptr(FanfareTrack) track = NULL;

  track = g_object_new (FANFARE_TYPE_TRACK, "id", id, "title", title, "uri", uri, NULL);
  g_list_store_append (tracks, track);
}

/* The title of the track the local index names for 5 s of song @seed,
 * or NULL. */
static char *
identify_locally (FanfareLocalFingerprints *fingerprints,
                  guint32                   seed)
{
  g_autoptr(FanfareFpIndex) index = fanfare_local_fingerprints_load_index (fingerprints);
  gsize n_samples;
  g_autofree float *song = fanfare_test_music_new (seed, SONG_SECONDS, &n_samples);
  g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (song + 8 * FANFARE_FP_SAMPLE_RATE, 5 * FANFARE_FP_SAMPLE_RATE);
  g_autoptr(FanfareTrack) track = NULL;
  FanfareFpMatch match;

  if (!fanfare_fp_match (index, hashes, &match))
    return NULL;
  track = fanfare_local_fingerprints_lookup (fanfare_fp_index_get_id (index, match.track), fingerprints);

  return track != NULL ? g_strdup (fanfare_track_get_title (track)) : NULL;
}

static void
assert_n_indexed (FanfareLocalFingerprints *fingerprints,
                  guint                     n_tracks)
{
  g_autoptr(FanfareFpIndex) index = fanfare_local_fingerprints_load_index (fingerprints);

  g_assert_nonnull (index);
  g_assert_cmpuint (fanfare_fp_index_get_n_tracks (index), ==, n_tracks);
}

/* The user's own files are decoded into an index file that grows with the
 * library, and name a song with no platform at all. */
static void
test_local_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fanfare", "fingerprints.idx", NULL);
  g_autoptr(FanfareLocalFingerprints) fingerprints = fanfare_local_fingerprints_new (path);
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(FanfareIdentifier) identifier = fanfare_identifier_new (NULL);
  g_autofree char *source = NULL;

  g_assert_null (fanfare_local_fingerprints_load_index (fingerprints));
  add_library_song (fixture, tracks, 500);
  add_library_song (fixture, tracks, 501);
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  g_assert_cmpuint (fanfare_local_fingerprints_get_generation (fingerprints), ==, 1);

  /* A scan found one more: only it is decoded, and the file grows. */
  add_library_song (fixture, tracks, 502);
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  g_assert_cmpuint (fanfare_local_fingerprints_get_generation (fingerprints), ==, 2);
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  g_assert_cmpuint (fanfare_local_fingerprints_get_generation (fingerprints), ==, 2);
  assert_n_indexed (fingerprints, 3);

  source = write_clip (fixture, 501, 7.0, 10.0, 0, 0, 0);
  fanfare_identifier_set_local_index (identifier, fanfare_local_fingerprints_load_index (fingerprints),
                                      fanfare_local_fingerprints_lookup, fingerprints);
  listen (fixture, identifier, source);
  g_assert_cmpint (fixture->finished, ==, TRUE);
  g_assert_cmpstr (g_ptr_array_index (fixture->titles, 0), ==, "Own Song 501");
  release (g_steal_pointer (&identifier));
}

/* A track gone from the library leaves the index, and a file changed
 * since it was decoded is decoded again. */
static void
test_local_library_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fanfare", "fingerprints.idx", NULL);
  g_autoptr(FanfareLocalFingerprints) fingerprints = fanfare_local_fingerprints_new (path);
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;

  add_library_song (fixture, tracks, 510);
  add_library_song (fixture, tracks, 511);
  add_library_song (fixture, tracks, 512);
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  title = identify_locally (fingerprints, 511);
  g_assert_cmpstr (title, ==, "Own Song 511");
  g_clear_pointer (&title, g_free);

  /* 511 left the library. */
  g_list_store_remove (tracks, 1);
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  g_assert_cmpuint (fanfare_local_fingerprints_get_generation (fingerprints), ==, 2);
  assert_n_indexed (fingerprints, 2);
  g_assert_null (identify_locally (fingerprints, 511));
  title = identify_locally (fingerprints, 510);
  g_assert_cmpstr (title, ==, "Own Song 510");
  g_clear_pointer (&title, g_free);

  /* 512's file now holds other music, a little longer. */
  uri = write_library_file (fixture, 512, 513, SONG_SECONDS + 2.0);
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  g_assert_cmpuint (fanfare_local_fingerprints_get_generation (fingerprints), ==, 3);
  assert_n_indexed (fingerprints, 2);
  g_assert_null (identify_locally (fingerprints, 512));
  title = identify_locally (fingerprints, 513);
  g_assert_cmpstr (title, ==, "Own Song 512");
  g_clear_pointer (&title, g_free);

  /* Nothing changed: the file stays as it is. */
  update_fingerprints (fixture, fingerprints, G_LIST_MODEL (tracks));
  g_assert_cmpuint (fanfare_local_fingerprints_get_generation (fingerprints), ==, 3);
}

/* The tracklist of a mix, as a cue sheet a player or an editor reads. */
static void
test_cue_sheet (void)
{
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FanfareTrack) first = g_object_new (FANFARE_TYPE_TRACK, "id", "1", "title", "Paper \"Kites\"", NULL);
  g_autoptr(FanfareTrack) second = g_object_new (FANFARE_TYPE_TRACK, "id", "2", "title", "Harbour Lights", NULL);
  double at[] = { 0.0, 125.5 };
  g_autofree char *cue = NULL;

  g_list_store_append (tracks, first);
  g_list_store_append (tracks, second);
  g_array_append_vals (starts, at, 2);
  cue = fanfare_cue_sheet_new ("Friday Mix", G_LIST_MODEL (tracks), starts);
  g_assert_cmpstr (cue, ==,
                   "TITLE \"Friday Mix\"\n"
                   "FILE \"mix.wav\" WAVE\n"
                   "  TRACK 01 AUDIO\n"
                   "    TITLE \"Paper 'Kites'\"\n"
                   "    PERFORMER \"\"\n"
                   "    INDEX 01 00:00:00\n"
                   "  TRACK 02 AUDIO\n"
                   "    TITLE \"Harbour Lights\"\n"
                   "    PERFORMER \"\"\n"
                   "    INDEX 01 02:05:38\n");
}

/* The history keeps each song once, newest first, across runs. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fanfare", "identified.json", NULL);
  g_autoptr(GListStore) history = fanfare_identify_history_load (path);
  g_autoptr(GListStore) again = NULL;
  g_autoptr(FanfareTrack) first = g_object_new (FANFARE_TYPE_TRACK, "id", "1", "title", "One", NULL);
  g_autoptr(FanfareTrack) second = g_object_new (FANFARE_TYPE_TRACK, "id", "2", "title", "Two", NULL);
  g_autoptr(FanfareTrack) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  GDateTime *when;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  g_assert_true (fanfare_identify_history_add (history, first, path, &error));
  g_assert_true (fanfare_identify_history_add (history, second, path, &error));
  g_assert_true (fanfare_identify_history_add (history, first, path, &error));
  g_assert_no_error (error);

  again = fanfare_identify_history_load (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  newest = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpstr (fanfare_track_get_title (newest), ==, "One");

  /* It keeps when each was identified. */
  when = fanfare_identify_history_get_identified (newest);
  g_assert_nonnull (when);
  now = g_date_time_new_now_utc ();
  g_assert_cmpint (g_date_time_difference (now, when), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, when), <, 60 * G_TIME_SPAN_SECOND);
  text = fanfare_identify_history_format_when (when, now);
  g_assert_cmpstr (text, ==, "Just now");
}

static char *
format_ago (GDateTime *now,
            GTimeSpan  ago)
{
  g_autoptr(GDateTime) when = g_date_time_add (now, -ago);

  return fanfare_identify_history_format_when (when, now);
}

/* The history says how long ago a song was identified, and the date
 * after a day. */
static void
test_history_when (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 14, 15, 9, 26);
  g_autoptr(GDateTime) older = g_date_time_new_utc (2026, 3, 10, 15, 9, 26);
  g_autoptr(GDateTime) older_local = g_date_time_to_local (older);
  g_autofree char *date = g_date_time_format (older_local, "%x");
  g_autofree char *text = NULL;

  text = format_ago (now, 20 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (text, ==, "Just now");
  g_free (text);
  text = format_ago (now, 1 * G_TIME_SPAN_MINUTE + 5 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (text, ==, "1 minute ago");
  g_free (text);
  text = format_ago (now, 5 * G_TIME_SPAN_MINUTE + 40 * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (text, ==, "5 minutes ago");
  g_free (text);
  text = format_ago (now, 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (text, ==, "3 hours ago");
  g_free (text);
  text = fanfare_identify_history_format_when (older, now);
  g_assert_cmpstr (text, ==, date);
  g_assert_cmpstr (text, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/identifier/platform", Fixture, NULL, fixture_set_up, test_platform, fixture_tear_down);
  g_test_add ("/identifier/local", Fixture, NULL, fixture_set_up, test_local, fixture_tear_down);
  g_test_add ("/identifier/no-match", Fixture, NULL, fixture_set_up, test_no_match, fixture_tear_down);
  g_test_add_func ("/identifier/cue-sheet", test_cue_sheet);
  g_test_add ("/identifier/nobody-to-ask", Fixture, NULL, fixture_set_up, test_nobody_to_ask, fixture_tear_down);
  g_test_add ("/identifier/local-library", Fixture, NULL, fixture_set_up, test_local_library, fixture_tear_down);
  g_test_add ("/identifier/local-library-changes", Fixture, NULL, fixture_set_up, test_local_library_changes,
              fixture_tear_down);
  g_test_add ("/identifier/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add_func ("/identifier/history-when", test_history_when);
  g_test_add ("/identifier/continuous", Fixture, NULL, fixture_set_up, test_continuous, fixture_tear_down);

  return g_test_run ();
}
