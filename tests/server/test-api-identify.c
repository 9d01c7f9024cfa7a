/* test-api-identify.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* POST /api/v1/identify against the real server: songs imported as WAV
 * files are fingerprinted at ingest; a clip is hashed here, as the app
 * will do it, and the server names the song and where the clip starts.
 * Music it has never heard, and bodies that are not what the API says,
 * get clear answers. */

#include "config.h"

#include <string.h>

#include "fanfare-fp-extract.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define SONG_SECONDS 40.0

/* A body of the version this server takes, up to its hashes. */
#define BODY_START   "{\"version\": " G_STRINGIFY (FANFARE_FP_EXTRACTOR_VERSION)

typedef struct {
  char              *data_dir;
  FanfareTestServer *server;
  char              *token;
} Fixture;

static float *
song (guint32  seed,
      gsize   *n_samples)
{
  return fanfare_test_music_new (seed, SONG_SECONDS, n_samples);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const *extra_args = data;
  const char *names[] = { "Morning Light", "River Song", "Night Train", NULL };

  fixture->data_dir = fanfare_test_make_data_dir ();
  fanfare_test_import_songs (fixture->data_dir, "Three Songs", names, 100, SONG_SECONDS);
  fixture->server = fanfare_test_server_start (fixture->data_dir, extra_args);
  fixture->token = fanfare_test_register (fixture->server, "mei", "identify secret 34");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->data_dir);
  g_free (fixture->token);
}

static FanfareTestResponse *
identify (Fixture    *fixture,
          const char *body)
{
  return fanfare_test_request (fixture->server, "POST", "/api/v1/identify", fixture->token, body);
}

static void
test_identify_clip (Fixture       *fixture,
                    gconstpointer  data)
{
  gsize n_samples;
  g_autofree float *samples = song (101, &n_samples);
  gsize start = 13 * FANFARE_FP_SAMPLE_RATE + FANFARE_FP_SAMPLE_RATE / 4;
  g_autofree char *body = fanfare_test_identify_body (samples + start, 6 * FANFARE_FP_SAMPLE_RATE, FANFARE_FP_EXTRACTOR_VERSION);
  g_autoptr(FanfareTestResponse) response = identify (fixture, body);
  JsonObject *root;

  g_assert_cmpuint (response->status, ==, 200);
  root = json_node_get_object (response->json);
  g_assert_true (json_object_get_boolean_member (root, "found"));
  g_assert_cmpstr (fanfare_test_response_get_string (response, "track.title"), ==, "River Song");
  g_assert_cmpstr (fanfare_test_response_get_string (response, "track.album"), ==, "Three Songs");
  g_assert_nonnull (fanfare_test_response_get_string (response, "track.uri"));
  g_assert_cmpint (json_object_get_int_member (root, "offset_ms"), >=, 13250 - 150);
  g_assert_cmpint (json_object_get_int_member (root, "offset_ms"), <=, 13250 + 150);
  g_assert_cmpfloat (json_object_get_double_member (root, "confidence"), >, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (root, "confidence"), <=, 1.0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "speed"), 1.0, 0.01);
  g_assert_nonnull (strstr (soup_message_headers_get_one (response->headers, "Server-Timing"), "match;dur="));
}

/* An album imported while the server runs is found without a restart. */
static void
test_identify_new_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *more = fanfare_test_make_data_dir ();
  g_autofree char *album = g_build_filename (more, "Later", NULL);
  g_autofree char *path = g_build_filename (album, "Late Song.wav", NULL);
  const char *import[] = { "import", more, "--data-dir", fixture->data_dir, "--artist", "lin", NULL };
  gsize n_samples;
  g_autofree float *samples = song (103, &n_samples);
  g_autofree char *body = fanfare_test_identify_body (samples + 20 * FANFARE_FP_SAMPLE_RATE,
                                                      5 * FANFARE_FP_SAMPLE_RATE, FANFARE_FP_EXTRACTOR_VERSION);
  g_autoptr(FanfareTestResponse) before = identify (fixture, body);
  g_autoptr(FanfareTestResponse) after = NULL;
  g_autoptr(FanfareTestResponse) old = NULL;
  g_autofree char *old_body = NULL;

  g_assert_false (json_object_get_boolean_member (json_node_get_object (before->json), "found"));

  g_mkdir_with_parents (album, 0700);
  fanfare_test_write_wav (path, samples, n_samples);
  g_assert_cmpint (fanfare_test_run_command (import, NULL, NULL), ==, 0);

  after = identify (fixture, body);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (after->json), "found"));
  g_assert_cmpstr (fanfare_test_response_get_string (after, "track.title"), ==, "Late Song");

  /* The songs imported before are still there. */
  g_clear_pointer (&samples, g_free);
  samples = song (100, &n_samples);
  old_body = fanfare_test_identify_body (samples + 30 * FANFARE_FP_SAMPLE_RATE, 5 * FANFARE_FP_SAMPLE_RATE,
                                         FANFARE_FP_EXTRACTOR_VERSION);
  old = identify (fixture, old_body);
  g_assert_cmpstr (fanfare_test_response_get_string (old, "track.title"), ==, "Morning Light");

  fanfare_test_remove_tree (more);
}

/* An index file that is not one answers no match, not an error. */
static void
test_identify_bad_index (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "fingerprints.ffp", NULL);
  gsize n_samples;
  g_autofree float *samples = song (101, &n_samples);
  g_autofree char *body = fanfare_test_identify_body (samples + 10 * FANFARE_FP_SAMPLE_RATE,
                                                      5 * FANFARE_FP_SAMPLE_RATE, FANFARE_FP_EXTRACTOR_VERSION);
  g_autoptr(FanfareTestResponse) good = identify (fixture, body);
  g_autoptr(FanfareTestResponse) bad = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;

  g_assert_true (json_object_get_boolean_member (json_node_get_object (good->json), "found"));

  g_assert_true (g_file_set_contents (path, "FFPINDEX but nothing else", -1, NULL));
  bad = identify (fixture, body);
  g_assert_cmpuint (bad->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (bad->json), "found"));
  again = identify (fixture, body);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (again->json), "found"));
}

static void
test_identify_unknown (Fixture       *fixture,
                       gconstpointer  data)
{
  gsize n_samples;
  g_autofree float *samples = fanfare_test_music_new (977, 8.0, &n_samples);
  g_autofree char *body = fanfare_test_identify_body (samples, n_samples, FANFARE_FP_EXTRACTOR_VERSION);
  g_autoptr(FanfareTestResponse) response = identify (fixture, body);
  JsonObject *root;

  g_assert_cmpuint (response->status, ==, 200);
  root = json_node_get_object (response->json);
  g_assert_false (json_object_get_boolean_member (root, "found"));
  g_assert_false (json_object_has_member (root, "track"));
}

static void
assert_refused (Fixture    *fixture,
                const char *body,
                guint       status,
                const char *code,
                const char *message_part)
{
  g_autoptr(FanfareTestResponse) response = identify (fixture, body);

  fanfare_test_assert_error (response, status, code, message_part);
}

static void
test_identify_refuses (Fixture       *fixture,
                       gconstpointer  data)
{
  gsize n_samples;
  g_autofree float *samples = song (100, &n_samples);
  g_autofree char *good = fanfare_test_identify_body (samples, 6 * FANFARE_FP_SAMPLE_RATE, FANFARE_FP_EXTRACTOR_VERSION);
  g_autofree char *old = fanfare_test_identify_body (samples, 6 * FANFARE_FP_SAMPLE_RATE, FANFARE_FP_EXTRACTOR_VERSION + 1);
  g_autoptr(GString) many = g_string_new (BODY_START ", \"hashes\": \"");
  g_autoptr(GString) huge = g_string_new (BODY_START ", \"hashes\": \"");
  g_autoptr(FanfareTestResponse) anonymous = NULL;
  g_autofree char *record = NULL;
  /* A hash of 2^23 and up is none the extractor makes. */
  guint8 out_of_range[10] = { 0, 0, 0x80, 0, 1, 0, 4, 0, 0, 10 };

  anonymous = fanfare_test_request (fixture->server, "POST", "/api/v1/identify", NULL, good);
  fanfare_test_assert_error (anonymous, 401, "unauthorized", NULL);

  assert_refused (fixture, BODY_START ", \"hashes\": ", 400, "invalid", NULL);
  assert_refused (fixture, "[1, 2]", 400, "invalid", NULL);
  assert_refused (fixture, "{\"hashes\": \"AAAAAAAAAAAAAA==\"}", 400, "invalid", "version");
  assert_refused (fixture, BODY_START "}", 400, "invalid", "hashes");
  assert_refused (fixture, BODY_START ", \"hashes\": 12}", 400, "invalid", "hashes");
  assert_refused (fixture, old, 400, "invalid", "version");
  assert_refused (fixture, BODY_START ", \"hashes\": \"not base64!\"}", 400, "invalid", "base64");
  assert_refused (fixture, BODY_START ", \"hashes\": \"\"}", 400, "invalid", "records");
  assert_refused (fixture, BODY_START ", \"hashes\": \"AAAAAAAAAAAAAAA=\"}", 400, "invalid", "records");

  record = g_base64_encode (out_of_range, sizeof out_of_range);
  {
    g_autofree char *body = g_strdup_printf (BODY_START ", \"hashes\": \"%s\"}", record);

    assert_refused (fixture, body, 400, "invalid", "out of range");
  }

  /* 4,097 records of 10 bytes fit in the body, not in the cap on hashes. */
  {
    g_autofree guint8 * zeros = g_malloc0 (4097 * 10);
    g_autofree char *base64 = g_base64_encode (zeros, 4097 * 10);

    g_string_append (many, base64);
    g_string_append (many, "\"}");
    assert_refused (fixture, many->str, 400, "invalid", "4096");
  }

  while (huge->len < 70 * 1024)
    g_string_append (huge, "AAAA");
  g_string_append (huge, "\"}");
  assert_refused (fixture, huge->str, 413, "too_large", NULL);
}

static void
test_identify_throttled (Fixture       *fixture,
                         gconstpointer  data)
{
  gsize n_samples;
  g_autofree float *samples = song (102, &n_samples);
  g_autofree char *body = fanfare_test_identify_body (samples, 5 * FANFARE_FP_SAMPLE_RATE, FANFARE_FP_EXTRACTOR_VERSION);
  g_autoptr(FanfareTestResponse) first = identify (fixture, body);
  g_autoptr(FanfareTestResponse) second = identify (fixture, body);
  g_autoptr(FanfareTestResponse) third = identify (fixture, body);

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpuint (second->status, ==, 200);
  fanfare_test_assert_error (third, 429, "rate_limited", NULL);
  g_assert_nonnull (soup_message_headers_get_one (third->headers, "Retry-After"));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const throttled[] = { "--identify-per-minute", "2", NULL };

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/identify/clip", Fixture, NULL, fixture_set_up, test_identify_clip, fixture_tear_down);
  g_test_add ("/server/identify/unknown", Fixture, NULL, fixture_set_up, test_identify_unknown,
              fixture_tear_down);
  g_test_add ("/server/identify/new-import", Fixture, NULL, fixture_set_up, test_identify_new_import,
              fixture_tear_down);
  g_test_add ("/server/identify/bad-index", Fixture, NULL, fixture_set_up, test_identify_bad_index,
              fixture_tear_down);
  g_test_add ("/server/identify/refuses", Fixture, NULL, fixture_set_up, test_identify_refuses,
              fixture_tear_down);
  g_test_add ("/server/identify/throttled", Fixture, throttled, fixture_set_up, test_identify_throttled,
              fixture_tear_down);

  return g_test_run ();
}
