/* test-client-identify.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The client asks a real server which song a clip is from: the server
 * fingerprinted the made-up songs it imported; the clip is hashed and
 * packed here as the app does it. */

#include "config.h"

#include "fanfare-client.h"
#include "fanfare-error.h"
#include "fanfare-fp-extract.h"
#include "fanfare-test-client.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"
#include "fanfare-test-utils.h"

#define SONG_SECONDS 30.0

typedef struct {
  char              *data_dir;
  char              *cache_dir;
  FanfareTestServer *server;
  FanfareClient     *client;
  GAsyncResult      *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *titles[] = { "Harbour Lights", "Paper Kites", NULL };

  fixture->data_dir = fanfare_test_make_data_dir ();
  fanfare_test_import_songs (fixture->data_dir, "Two Songs", titles, 300, SONG_SECONDS);
  fixture->server = fanfare_test_server_start (fixture->data_dir, NULL);
  fixture->cache_dir = fanfare_test_make_tmpdir ();
  fixture->client = fanfare_client_new (fixture->server->url, fixture->cache_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_assert_finalized (fixture->client);
  fanfare_test_server_stop (fixture->server);
  fanfare_test_rm_rf (fixture->cache_dir);
  g_free (fixture->cache_dir);
  g_free (fixture->data_dir);
}

static void
register_listener (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_register_async (fixture->client, "listener", NULL, "identify secret 56", NULL,
                                 fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  user = fanfare_client_register_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
}

/* The answer to the hashes of @seconds of song @seed from @start. */
static gboolean
identify (Fixture            *fixture,
          guint32             seed,
          double              start,
          double              seconds,
          FanfareClientMatch *match,
          GError            **error)
{
  gsize n_samples;
  g_autofree float *samples = fanfare_test_music_new (seed, SONG_SECONDS, &n_samples);
  g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (samples + (gsize) (start * FANFARE_FP_SAMPLE_RATE),
                                                        seconds * FANFARE_FP_SAMPLE_RATE);
  g_autoptr(GBytes) records = fanfare_fp_hashes_pack (hashes);
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_identify_async (fixture->client, FANFARE_FP_EXTRACTOR_VERSION, records, NULL,
                                 fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);

  return fanfare_client_identify_finish (fixture->client, result, match, error);
}

static void
test_identify_match (Fixture       *fixture,
                     gconstpointer  data)
{
  FanfareClientMatch match;
  g_autoptr(GError) error = NULL;

  register_listener (fixture);
  g_assert_true (identify (fixture, 301, 11.5, 5.0, &match, &error));
  g_assert_no_error (error);
  g_assert_nonnull (match.track);
  g_assert_cmpstr (fanfare_track_get_title (match.track), ==, "Paper Kites");
  g_assert_cmpstr (fanfare_track_get_album (match.track), ==, "Two Songs");
  g_assert_cmpint (fanfare_track_get_source (match.track), ==, FANFARE_SOURCE_PLATFORM);
  g_assert_cmpfloat_with_epsilon (match.offset, 11.5, 0.15);
  g_assert_cmpfloat_with_epsilon (match.speed, 1.0, 0.01);
  g_assert_cmpfloat (match.confidence, >, 0.0);
  g_assert_cmpfloat (match.confidence, <=, 1.0);
  fanfare_client_match_clear (&match);
  g_assert_null (match.track);
}

/* Music the platform has never heard is an answer, with no track. */
static void
test_identify_unknown (Fixture       *fixture,
                       gconstpointer  data)
{
  FanfareClientMatch match;
  g_autoptr(GError) error = NULL;

  register_listener (fixture);
  g_assert_true (identify (fixture, 977, 3.0, 5.0, &match, &error));
  g_assert_no_error (error);
  g_assert_null (match.track);
  fanfare_client_match_clear (&match);
}

/* Only a listener who signed in may ask: the refusal says so. */
static void
test_identify_signed_out (Fixture       *fixture,
                          gconstpointer  data)
{
  FanfareClientMatch match;
  g_autoptr(GError) error = NULL;

  g_assert_false (identify (fixture, 300, 3.0, 5.0, &match, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_assert_null (match.track);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/identify/match", Fixture, NULL, fixture_set_up, test_identify_match, fixture_tear_down);
  g_test_add ("/client/identify/unknown", Fixture, NULL, fixture_set_up, test_identify_unknown, fixture_tear_down);
  g_test_add ("/client/identify/signed-out", Fixture, NULL, fixture_set_up, test_identify_signed_out,
              fixture_tear_down);

  return g_test_run ();
}
