/* test-api-accounts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "fanfare-test-server.h"

typedef struct {
  FanfareTestServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();

  fanfare_test_create_admin (data_dir, "root", "admin password 1");
  fixture->server = fanfare_test_server_start (data_dir, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) response = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autoptr(FanfareTestResponse) me = NULL;
  const char *token;

  response = fanfare_test_request (fixture->server, "POST", "/api/v1/accounts", NULL,
                                   "{\"username\": \"lin.bei\", \"display_name\": \"林北辰\","
                                   " \"password\": \"spring rain 2026\", \"email\": \"lin@example.org\"}");
  g_assert_cmpuint (response->status, ==, 201);
  token = fanfare_test_response_get_string (response, "token");
  g_assert_true (g_str_has_prefix (token, "fft_"));
  fanfare_test_note_secret (token);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "user.username"), ==, "lin.bei");
  g_assert_cmpstr (fanfare_test_response_get_string (response, "user.role"), ==, "listener");
  g_assert_cmpstr (fanfare_test_response_get_string (response, "user.email"), ==, "lin@example.org");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (
                                                   json_node_get_object (response->json), "session"), "current"));

  /* The token signs in at once. */
  me = fanfare_test_request (fixture->server, "GET", "/api/v1/me", token, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (me, "user.display_name"), ==, "林北辰");

  again = fanfare_test_request (fixture->server, "POST", "/api/v1/accounts", NULL,
                                "{\"username\": \"LIN.BEI\", \"display_name\": \"x\", \"password\": \"another one 1\"}");
  fanfare_test_assert_error (again, 409, "conflict", "taken");
}

static void
test_register_rejects_bad_fields (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const struct {
    const char *body;
    const char *field;
  } cases[] = {
    { "{\"display_name\": \"x\", \"password\": \"long enough\"}", "username" },
    { "{\"username\": 42, \"display_name\": \"x\", \"password\": \"long enough\"}", "username" },
    { "{\"username\": \"ab\", \"display_name\": \"x\", \"password\": \"long enough\"}", "username" },
    { "{\"username\": \"a/b/c\", \"display_name\": \"x\", \"password\": \"long enough\"}", "username" },
    { "{\"username\": \"valid\", \"display_name\": \"\", \"password\": \"long enough\"}", "display_name" },
    { "{\"username\": \"valid\", \"display_name\": [\"x\"], \"password\": \"long enough\"}", "display_name" },
    { "{\"username\": \"valid\", \"display_name\": \"x\", \"password\": \"short\"}", "password" },
    { "{\"username\": \"valid\", \"display_name\": \"x\", \"password\": true}", "password" },
    { "{\"username\": \"valid\", \"display_name\": \"x\", \"password\": \"long enough\", \"email\": \"nope\"}", "email" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FanfareTestResponse) response = NULL;

      response = fanfare_test_request (fixture->server, "POST", "/api/v1/accounts", NULL, cases[i].body);
      fanfare_test_assert_error (response, 400, "invalid", cases[i].field);
    }
}

static void
test_log_in_and_out (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *first = fanfare_test_register (fixture->server, "mei", "plum blossom 9");
  g_autofree char *second = NULL;
  g_autoptr(FanfareTestResponse) wrong = NULL;
  g_autoptr(FanfareTestResponse) unknown = NULL;
  g_autoptr(FanfareTestResponse) out = NULL;
  g_autoptr(FanfareTestResponse) after = NULL;
  g_autoptr(FanfareTestResponse) still = NULL;
  g_autoptr(FanfareTestResponse) nobody = NULL;

  second = fanfare_test_log_in (fixture->server, "MEI", "plum blossom 9");
  g_assert_cmpstr (first, !=, second);

  wrong = fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL,
                                "{\"username\": \"mei\", \"password\": \"plum blossom 8\"}");
  fanfare_test_assert_error (wrong, 401, "unauthorized", "Wrong username or password");
  unknown = fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL,
                                  "{\"username\": \"nobody\", \"password\": \"plum blossom 8\"}");
  fanfare_test_assert_error (unknown, 401, "unauthorized", "Wrong username or password");

  /* Logging out revokes that token only. */
  out = fanfare_test_request (fixture->server, "DELETE", "/api/v1/sessions/current", first, NULL);
  g_assert_cmpuint (out->status, ==, 204);
  after = fanfare_test_request (fixture->server, "GET", "/api/v1/me", first, NULL);
  fanfare_test_assert_error (after, 401, "unauthorized", NULL);
  g_assert_cmpstr (soup_message_headers_get_one (after->headers, "WWW-Authenticate"), ==, "Bearer");
  still = fanfare_test_request (fixture->server, "GET", "/api/v1/me", second, NULL);
  g_assert_cmpuint (still->status, ==, 200);

  nobody = fanfare_test_request (fixture->server, "GET", "/api/v1/me", NULL, NULL);
  fanfare_test_assert_error (nobody, 401, "unauthorized", "Sign in");
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *laptop = fanfare_test_register (fixture->server, "chen", "river stone 77");
  g_autofree char *phone = fanfare_test_log_in (fixture->server, "chen", "river stone 77");
  g_autofree char *other = fanfare_test_register (fixture->server, "wang", "mountain pass 3");
  g_autofree char *path = NULL;
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) others = NULL;
  g_autoptr(FanfareTestResponse) stolen = NULL;
  g_autoptr(FanfareTestResponse) revoke = NULL;
  g_autoptr(FanfareTestResponse) gone = NULL;
  JsonArray *items;
  const char *phone_id = NULL;

  list = fanfare_test_request (fixture->server, "GET", "/api/v1/sessions", laptop, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = fanfare_test_response_get_array (list, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *session = json_array_get_object_element (items, i);

      g_assert_false (json_object_has_member (session, "token"));
      if (!json_object_get_boolean_member (session, "current"))
        phone_id = json_object_get_string_member (session, "id");
    }
  g_assert_nonnull (phone_id);
  path = g_strconcat ("/api/v1/sessions/", phone_id, NULL);

  /* Another user cannot revoke it, nor learn that it exists. */
  stolen = fanfare_test_request (fixture->server, "DELETE", path, other, NULL);
  fanfare_test_assert_error (stolen, 404, "not_found", NULL);
  others = fanfare_test_request (fixture->server, "GET", "/api/v1/sessions", other, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (others, "items")), ==, 1);

  revoke = fanfare_test_request (fixture->server, "DELETE", path, laptop, NULL);
  g_assert_cmpuint (revoke->status, ==, 204);
  gone = fanfare_test_request (fixture->server, "GET", "/api/v1/me", phone, NULL);
  g_assert_cmpuint (gone->status, ==, 401);
}

static void
test_change_password (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *here = fanfare_test_register (fixture->server, "zhou", "first secret 11");
  g_autofree char *elsewhere = fanfare_test_log_in (fixture->server, "zhou", "first secret 11");
  g_autofree char *again = NULL;
  g_autoptr(FanfareTestResponse) wrong = NULL;
  g_autoptr(FanfareTestResponse) changed = NULL;
  g_autoptr(FanfareTestResponse) here_me = NULL;
  g_autoptr(FanfareTestResponse) elsewhere_me = NULL;
  g_autoptr(FanfareTestResponse) old = NULL;

  fanfare_test_note_secret ("second secret 22");
  wrong = fanfare_test_request (fixture->server, "PUT", "/api/v1/me/password", here,
                                "{\"current_password\": \"not it at all\", \"new_password\": \"second secret 22\"}");
  fanfare_test_assert_error (wrong, 403, "forbidden", "current password");

  changed = fanfare_test_request (fixture->server, "PUT", "/api/v1/me/password", here,
                                  "{\"current_password\": \"first secret 11\", \"new_password\": \"second secret 22\"}");
  g_assert_cmpuint (changed->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (changed, "revoked_sessions"), ==, 1);

  here_me = fanfare_test_request (fixture->server, "GET", "/api/v1/me", here, NULL);
  g_assert_cmpuint (here_me->status, ==, 200);
  elsewhere_me = fanfare_test_request (fixture->server, "GET", "/api/v1/me", elsewhere, NULL);
  g_assert_cmpuint (elsewhere_me->status, ==, 401);

  old = fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL,
                              "{\"username\": \"zhou\", \"password\": \"first secret 11\"}");
  g_assert_cmpuint (old->status, ==, 401);
  again = fanfare_test_log_in (fixture->server, "zhou", "second secret 22");
}

static GBytes *
make_png (int  width,
          int  height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, 0xd04030ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", &error, NULL));

  return g_bytes_new_take (buffer, length);
}

static void
test_profile_and_avatar (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *token = fanfare_test_register (fixture->server, "yun", "cloud walker 5");
  g_autoptr(FanfareTestResponse) patched = NULL;
  g_autoptr(FanfareTestResponse) avatar = NULL;
  g_autoptr(FanfareTestResponse) not_image = NULL;
  g_autoptr(FanfareTestResponse) image = NULL;
  g_autoptr(FanfareTestResponse) profile = NULL;
  g_autoptr(SoupMessage) upload = NULL;
  g_autoptr(SoupMessage) junk = NULL;
  g_autoptr(GBytes) png = make_png (800, 600);
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  const char *avatar_uri;

  patched = fanfare_test_request (fixture->server, "PATCH", "/api/v1/me", token,
                                  "{\"display_name\": \"云\", \"bio\": \"听雨的人\\n也写歌\"}");
  g_assert_cmpuint (patched->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (patched, "user.bio"), ==, "听雨的人\n也写歌");

  uri = g_strconcat (fixture->server->url, "/api/v1/me/avatar", NULL);
  upload = soup_message_new ("PUT", uri);
  soup_message_headers_replace (soup_message_get_request_headers (upload), "Authorization", auth);
  soup_message_set_request_body_from_bytes (upload, "image/png", png);
  avatar = fanfare_test_send (fixture->server, upload);
  g_assert_cmpuint (avatar->status, ==, 200);
  avatar_uri = fanfare_test_response_get_string (avatar, "user.avatar_uri");
  g_assert_true (g_str_has_prefix (avatar_uri, fixture->server->url));

  junk = soup_message_new ("PUT", uri);
  soup_message_headers_replace (soup_message_get_request_headers (junk), "Authorization", auth);
  soup_message_set_request_body_from_bytes (junk, "image/png", text);
  not_image = fanfare_test_send (fixture->server, junk);
  fanfare_test_assert_error (not_image, 400, "invalid", "PNG or a JPEG");

  /* The small size is a JPEG no larger than 96 pixels. */
  image = fanfare_test_request (fixture->server, "GET",
                                avatar_uri + strlen (fixture->server->url), NULL, NULL);
  g_assert_cmpuint (image->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (image->headers, NULL), ==, "image/jpeg");
  g_clear_pointer (&image, fanfare_test_response_free);
  {
    g_autofree char *small_path = g_strconcat (avatar_uri + strlen (fixture->server->url), "?size=small", NULL);

    image = fanfare_test_request (fixture->server, "GET", small_path, NULL, NULL);
  }
  stream = g_memory_input_stream_new_from_bytes (image->body);
  small = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
  g_assert_nonnull (small);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, 96);
  g_assert_cmpint (gdk_pixbuf_get_height (small), ==, 72);

  profile = fanfare_test_request (fixture->server, "GET", "/api/v1/users/yun", NULL, NULL);
  g_assert_cmpuint (profile->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (profile, "user.display_name"), ==, "云");
  g_assert_null (fanfare_test_response_get_string (profile, "user.email"));
}

static void
test_admin_grants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *admin = fanfare_test_log_in (fixture->server, "root", "admin password 1");
  g_autofree char *user = fanfare_test_register (fixture->server, "xiao", "little fish 42");
  g_autoptr(FanfareTestResponse) refused = NULL;
  g_autoptr(FanfareTestResponse) verified = NULL;
  g_autoptr(FanfareTestResponse) role = NULL;
  g_autoptr(FanfareTestResponse) bad_role = NULL;
  g_autoptr(FanfareTestResponse) bad_type = NULL;
  g_autoptr(FanfareTestResponse) missing = NULL;

  refused = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/xiao/verified", user,
                                  "{\"verified\": true}");
  fanfare_test_assert_error (refused, 403, "forbidden", "admins");

  verified = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/xiao/verified", admin,
                                   "{\"verified\": true}");
  g_assert_cmpuint (verified->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (
                                                   json_node_get_object (verified->json), "user"), "verified"));

  role = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/xiao/role", admin, "{\"role\": \"artist\"}");
  g_assert_cmpuint (role->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (role, "user.role"), ==, "artist");
  g_assert_nonnull (fanfare_test_response_get_string (role, "user.artist_id"));

  bad_role = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/xiao/role", admin, "{\"role\": \"king\"}");
  fanfare_test_assert_error (bad_role, 400, "invalid", "role");
  bad_type = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/xiao/verified", admin,
                                   "{\"verified\": \"yes\"}");
  fanfare_test_assert_error (bad_type, 400, "invalid", "verified");
  missing = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/nobody/verified", admin,
                                  "{\"verified\": true}");
  fanfare_test_assert_error (missing, 404, "not_found", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/api/accounts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("register", test_register);
  ADD ("register-rejects-bad-fields", test_register_rejects_bad_fields);
  ADD ("log-in-and-out", test_log_in_and_out);
  ADD ("sessions", test_sessions);
  ADD ("change-password", test_change_password);
  ADD ("profile-and-avatar", test_profile_and_avatar);
  ADD ("admin-grants", test_admin_grants);
#undef ADD

  return g_test_run ();
}
