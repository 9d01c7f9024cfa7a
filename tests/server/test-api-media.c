/* test-api-media.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "fanfare-account-store.h"
#include "fanfare-catalog-store.h"
#include "fanfare-images.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define MEDIA_SIZE 1000003

typedef struct {
  FanfareTestServer *server;
  GBytes            *content;
  char              *token;
  char              *image_path;
  gint64             track;
  gint64             draft_track;
} Fixture;

static GBytes *
make_content (void)
{
  guint8 *data = g_malloc (MEDIA_SIZE);

  for (gsize i = 0; i < MEDIA_SIZE; i++)
    data[i] = (guint8) (i * 7 + i / 251);

  return g_bytes_new_take (data, MEDIA_SIZE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) cover = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1000, 500);
  g_autofree char *data_dir = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr(GBytes) draft = g_bytes_new_static ("draft audio", 11);
  gint64 artist;

  fixture->content = make_content ();
  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "lin", "Lin", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "listener", "listener pass 1", FANFARE_USER_ROLE_LISTENER);
  fixture->track = fanfare_test_store_add_track (&store, artist, "Long Song", fixture->content, TRUE, NULL);
  fixture->draft_track = fanfare_test_store_add_track (&store, artist, "Draft", draft, FALSE, NULL);

  gdk_pixbuf_fill (cover, 0x3060c0ff);
  image_id = fanfare_images_add_pixbuf (store.media, cover,
                                        "0000000000000000000000000000000000000000000000000000000000000001", &error);
  g_assert_no_error (error);
  fixture->image_path = g_strconcat ("/api/v1/images/", image_id, NULL);

  data_dir = fanfare_test_store_close (&store);
  fanfare_test_note_secret ("listener pass 1");
  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fixture->token = fanfare_test_log_in (fixture->server, "listener", "listener pass 1");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_bytes_unref (fixture->content);
  g_free (fixture->token);
  g_free (fixture->image_path);
}

static FanfareTestResponse *
fetch (Fixture    *fixture,
       const char *method,
       const char *path,
       const char *token,
       const char *header,
       const char *value)
{
  g_autofree char *uri = g_strconcat (fixture->server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  if (header != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), header, value);

  return fanfare_test_send (fixture->server, msg);
}

static char *
stream_path (gint64  track)
{
  return g_strdup_printf ("/api/v1/tracks/%" G_GINT64_FORMAT "/stream", track);
}

static void
assert_part (Fixture             *fixture,
             FanfareTestResponse *response,
             gsize                start,
             gsize                end)
{
  g_autofree char *expected_range = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%d",
                                                     start, end, MEDIA_SIZE);
  g_autoptr(GBytes) expected = g_bytes_new_from_bytes (fixture->content, start, end - start + 1);

  g_assert_cmpuint (response->status, ==, 206);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Content-Range"), ==, expected_range);
  g_assert_true (g_bytes_equal (response->body, expected));
}

static void
test_whole_stream (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = stream_path (fixture->track);
  g_autoptr(FanfareTestResponse) response = fetch (fixture, "GET", path, fixture->token, NULL, NULL);
  g_autoptr(FanfareTestResponse) head = NULL;
  g_autoptr(FanfareTestResponse) anonymous = NULL;

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==, "audio/ogg");
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Accept-Ranges"), ==, "bytes");
  g_assert_cmpint (soup_message_headers_get_content_length (response->headers), ==, MEDIA_SIZE);
  g_assert_true (g_bytes_equal (response->body, fixture->content));
  g_assert_nonnull (soup_message_headers_get_one (response->headers, "ETag"));

  head = fetch (fixture, "HEAD", path, fixture->token, NULL, NULL);
  g_assert_cmpuint (head->status, ==, 200);
  g_assert_cmpint (soup_message_headers_get_content_length (head->headers), ==, MEDIA_SIZE);
  g_assert_cmpuint (g_bytes_get_size (head->body), ==, 0);

  /* Only signed-in users may play. */
  anonymous = fetch (fixture, "GET", path, NULL, NULL, NULL);
  fanfare_test_assert_error (anonymous, 401, "unauthorized", NULL);
}

static void
test_ranges (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = stream_path (fixture->track);
  g_autoptr(FanfareTestResponse) first = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=0-99");
  g_autoptr(FanfareTestResponse) tail = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=1000000-");
  g_autoptr(FanfareTestResponse) suffix = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=-10");
  g_autoptr(FanfareTestResponse) past = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=999999-5000000");
  g_autoptr(FanfareTestResponse) middle = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=500000-500000");
  g_autoptr(FanfareTestResponse) several = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=0-1,5-6");
  g_autoptr(FanfareTestResponse) backwards = fetch (fixture, "GET", path, fixture->token, "Range", "bytes=9-2");
  g_autoptr(FanfareTestResponse) other_unit = fetch (fixture, "GET", path, fixture->token, "Range", "items=0-1");

  assert_part (fixture, first, 0, 99);
  assert_part (fixture, tail, 1000000, MEDIA_SIZE - 1);
  assert_part (fixture, suffix, MEDIA_SIZE - 10, MEDIA_SIZE - 1);
  assert_part (fixture, past, 999999, MEDIA_SIZE - 1);
  assert_part (fixture, middle, 500000, 500000);

  /* Ranges the server does not take are ignored: the whole file. */
  g_assert_cmpuint (several->status, ==, 200);
  g_assert_true (g_bytes_equal (several->body, fixture->content));
  g_assert_cmpuint (backwards->status, ==, 200);
  g_assert_cmpuint (other_unit->status, ==, 200);
}

static void
test_range_out_of_bounds (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = stream_path (fixture->track);
  g_autofree char *expected = g_strdup_printf ("bytes */%d", MEDIA_SIZE);
  const char *ranges[] = { "bytes=1000003-", "bytes=2000000-3000000", "bytes=-0" };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(FanfareTestResponse) response = fetch (fixture, "GET", path, fixture->token, "Range", ranges[i]);

      fanfare_test_assert_error (response, 416, "range_not_satisfiable", NULL);
      g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Content-Range"), ==, expected);
    }
}

static void
test_etag (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = stream_path (fixture->track);
  g_autoptr(FanfareTestResponse) first = fetch (fixture, "GET", path, fixture->token, NULL, NULL);
  const char *etag = soup_message_headers_get_one (first->headers, "ETag");
  g_autoptr(FanfareTestResponse) again = fetch (fixture, "GET", path, fixture->token, "If-None-Match", etag);
  g_autoptr(FanfareTestResponse) other = fetch (fixture, "GET", path, fixture->token, "If-None-Match", "\"other\"");

  g_assert_cmpuint (again->status, ==, 304);
  g_assert_cmpuint (g_bytes_get_size (again->body), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "ETag"), ==, etag);
  g_assert_cmpuint (other->status, ==, 200);
}

static void
test_unpublished_track (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = stream_path (fixture->draft_track);
  g_autoptr(FanfareTestResponse) response = fetch (fixture, "GET", path, fixture->token, NULL, NULL);
  g_autoptr(FanfareTestResponse) missing = fetch (fixture, "GET", "/api/v1/tracks/987654/stream", fixture->token,
                                                  NULL, NULL);

  fanfare_test_assert_error (response, 404, "not_found", NULL);
  g_assert_false (fanfare_test_response_contains (response, "draft"));
  fanfare_test_assert_error (missing, 404, "not_found", NULL);
}

static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    const char *size;
    int         width;
  } sizes[] = { { "small", 96 }, { "medium", 300 }, { "large", 640 }, { NULL, 300 } };
  g_autofree char *bad_size = g_strconcat (fixture->image_path, "?size=huge", NULL);
  g_autoptr(FanfareTestResponse) wrong = NULL;
  g_autoptr(FanfareTestResponse) missing = NULL;
  g_autoptr(FanfareTestResponse) cached = NULL;
  g_autofree char *etag = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = sizes[i].size != NULL
        ? g_strconcat (fixture->image_path, "?size=", sizes[i].size, NULL)
        : g_strdup (fixture->image_path);
      g_autoptr(FanfareTestResponse) response = fetch (fixture, "GET", path, NULL, NULL, NULL);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==, "image/jpeg");
      g_assert_nonnull (strstr (soup_message_headers_get_one (response->headers, "Cache-Control"), "immutable"));
      stream = g_memory_input_stream_new_from_bytes (response->body);
      pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, sizes[i].width);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, sizes[i].width / 2);
      if (etag == NULL)
        etag = g_strdup (soup_message_headers_get_one (response->headers, "ETag"));
    }

  wrong = fetch (fixture, "GET", bad_size, NULL, NULL, NULL);
  fanfare_test_assert_error (wrong, 400, "invalid", "size");
  missing = fetch (fixture, "GET", "/api/v1/images/ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                   NULL, NULL, NULL);
  fanfare_test_assert_error (missing, 404, "not_found", NULL);
  {
    g_autofree char *small = g_strconcat (fixture->image_path, "?size=small", NULL);

    cached = fetch (fixture, "GET", small, NULL, "If-None-Match", etag);
  }
  g_assert_cmpuint (cached->status, ==, 304);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/api/media/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("whole-stream", test_whole_stream);
  ADD ("ranges", test_ranges);
  ADD ("range-out-of-bounds", test_range_out_of_bounds);
  ADD ("etag", test_etag);
  ADD ("unpublished-track", test_unpublished_track);
  ADD ("images", test_images);
#undef ADD

  return g_test_run ();
}
