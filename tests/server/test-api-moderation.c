/* test-api-moderation.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Moderators and the reports of comments: who may read them (admins and
 * those they name, nobody else), removing a comment and dismissing its
 * reports; and finding people by name, never anyone in a block. */

#include "config.h"

#include "fanfare-test-social.h"

static char *
post_comment (Fixture    *fixture,
              int         who,
              const char *path,
              const char *text)
{
  g_autofree char *body = g_strdup_printf ("{\"body\": \"%s\"}", text);
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "POST", path, who, body);

  g_assert_cmpuint (response->status, ==, 201);

  return g_strdup (fanfare_test_response_get_string (response, "comment.id"));
}

static void
report (Fixture    *fixture,
        int         who,
        const char *comment_id,
        const char *reason)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/comments/%s/reports", comment_id);
  g_autofree char *body = g_strdup_printf ("{\"reason\": \"%s\"}", reason);

  g_assert_cmpuint (social_status (fixture, "POST", path, who, body), ==, 204);
}

/* The reported comments as "body:count:reasons,…|…". */
static char *
describe_reports (Fixture    *fixture,
                  int         who,
                  const char *path)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "GET", path, who, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *reasons = json_object_get_array_member (item, "reasons");

      g_string_append_printf (list, "%s%s:%" G_GINT64_FORMAT ":", i > 0 ? "|" : "",
                              social_item_string (response, i, "comment.body"),
                              json_object_get_int_member (item, "report_count"));
      for (guint j = 0; j < json_array_get_length (reasons); j++)
        g_string_append_printf (list, "%s%s", j > 0 ? "," : "", json_array_get_string_element (reasons, j));
      g_assert_cmpstr (json_object_get_string_member (item, "target_kind"), ==, "track");
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  const char *reports_path = "/api/v1/moderation/comment-reports";
  g_autofree char *path = g_strdup_printf ("/api/v1/tracks/%" G_GINT64_FORMAT "/comments", fixture->tracks[0]);
  g_autofree char *spam = post_comment (fixture, MEI, path, "cheap pills");
  g_autofree char *rude = post_comment (fixture, WANG, path, "you all have no taste");
  g_autofree char *remove_spam = g_strdup_printf ("/api/v1/moderation/comments/%s", spam);
  g_autofree char *dismiss_rude = g_strdup_printf ("/api/v1/moderation/comment-reports/%s", rude);
  g_autofree char *all = NULL, *as_admin = NULL, *after = NULL, *left = NULL;
  g_autofree char *next_path = NULL, *second_page = NULL;
  g_autoptr(FanfareTestResponse) named = NULL;
  g_autoptr(FanfareTestResponse) page = NULL;
  g_autoptr(FanfareTestResponse) me = NULL;

  report (fixture, LI, spam, "spam");
  report (fixture, CHEN, spam, "advertising");
  report (fixture, LI, rude, "rude");
  social_exec_sql (fixture, "UPDATE comment_reports SET created_at = created_at - 60"
                   " WHERE comment_id = (SELECT id FROM comments WHERE body = 'cheap pills')");
  social_exec_sql (fixture, "UPDATE comment_reports SET created_at = created_at - 120"
                   " WHERE reason = 'spam'");
  social_exec_sql (fixture, "UPDATE users SET role = 'admin' WHERE username = 'zhao'");

  /* Nobody but moderators reads them: not the reporters, not the authors. */
  g_assert_cmpuint (social_status (fixture, "GET", reports_path, NOBODY, NULL), ==, 401);
  g_assert_cmpuint (social_status (fixture, "GET", reports_path, LI, NULL), ==, 403);
  g_assert_cmpuint (social_status (fixture, "GET", reports_path, MEI, NULL), ==, 403);
  g_assert_cmpuint (social_status (fixture, "GET", reports_path, ZHOU, NULL), ==, 403);
  g_assert_cmpuint (social_status (fixture, "DELETE", remove_spam, LI, NULL), ==, 403);
  g_assert_cmpuint (social_status (fixture, "DELETE", dismiss_rude, WANG, NULL), ==, 403);

  /* An admin does, and names Chen a moderator; nobody else may. */
  as_admin = describe_reports (fixture, ZHAO, reports_path);
  g_assert_cmpstr (as_admin, ==, "you all have no taste:1:rude|cheap pills:2:advertising,spam");
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/chen/moderator", LI, "{\"moderator\": true}"), ==,
                    403);
  named = social_request (fixture, "PUT", "/api/v1/users/chen/moderator", ZHAO, "{\"moderator\": true}");
  g_assert_cmpuint (named->status, ==, 200);
  g_assert_true (social_get_boolean (named, "user.moderator"));
  me = social_request (fixture, "GET", "/api/v1/me", CHEN, NULL);
  g_assert_true (social_get_boolean (me, "user.moderator"));

  /* A moderator sees the comments of people who blocked them. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/chen/block", MEI, NULL), ==, 200);
  all = describe_reports (fixture, CHEN, reports_path);
  g_assert_cmpstr (all, ==, as_admin);

  /* A page at a time. */
  page = social_request (fixture, "GET", "/api/v1/moderation/comment-reports?limit=1", CHEN, NULL);
  g_assert_cmpstr (social_item_string (page, 0, "comment.body"), ==, "you all have no taste");
  next_path = g_strdup_printf ("%s?limit=1&cursor=%s", reports_path,
                               fanfare_test_response_get_string (page, "next_cursor"));
  second_page = describe_reports (fixture, CHEN, next_path);
  g_assert_cmpstr (second_page, ==, "cheap pills:2:advertising,spam");
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/moderation/comment-reports?cursor=bad", CHEN, NULL), ==,
                    400);

  /* Removing takes the comment away from everyone; dismissing keeps it. */
  g_assert_cmpuint (social_status (fixture, "DELETE", remove_spam, CHEN, NULL), ==, 204);
  g_assert_cmpuint (social_status (fixture, "DELETE", remove_spam, CHEN, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "DELETE", dismiss_rude, CHEN, NULL), ==, 204);
  g_assert_cmpuint (social_status (fixture, "DELETE", dismiss_rude, CHEN, NULL), ==, 404);
  after = describe_reports (fixture, CHEN, reports_path);
  g_assert_cmpstr (after, ==, "");
  {
    g_autoptr(FanfareTestResponse) comments = social_request (fixture, "GET", path, LI, NULL);

    g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (comments, "items")), ==, 1);
    g_assert_cmpstr (social_item_string (comments, 0, "body"), ==, "you all have no taste");
  }

  /* Named no longer, Chen reads nothing. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/chen/moderator", ZHAO, "{\"moderator\": false}"), ==,
                    200);
  g_assert_cmpuint (social_status (fixture, "GET", reports_path, CHEN, NULL), ==, 403);
  report (fixture, WANG, rude, "still rude");
  left = describe_reports (fixture, ZHAO, reports_path);
  g_assert_cmpstr (left, ==, "you all have no taste:1:still rude");
}

/* The usernames that @who finds by @query, "name|…". */
static char *
find_people (Fixture    *fixture,
             int         who,
             const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?q=%s", query);

  return social_list_names (fixture, path, who);
}

static void
test_people_search (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *wang = find_people (fixture, MEI, "wang");
  g_autofree char *zh = find_people (fixture, MEI, "zh");
  g_autofree char *blocking = NULL, *blocked_by = NULL, *page_path = NULL;
  g_autoptr(FanfareTestResponse) page = NULL;
  g_autoptr(FanfareTestResponse) next = NULL;
  g_autofree char *next_path = NULL;

  /* People only, by username or display name. */
  g_assert_cmpstr (wang, ==, "wang");
  g_assert_true (g_str_equal (zh, "zhao|zhou") || g_str_equal (zh, "zhou|zhao"));

  /* Nobody in a block, whoever made it. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/zhao/block", MEI, NULL), ==, 200);
  blocking = find_people (fixture, MEI, "zh");
  g_assert_cmpstr (blocking, ==, "zhou");
  blocked_by = find_people (fixture, ZHAO, "mei");
  g_assert_cmpstr (blocked_by, ==, "");

  /* A page at a time. */
  page_path = g_strdup ("/api/v1/users?q=zh&limit=1");
  page = social_request (fixture, "GET", page_path, LI, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (page, "items")), ==, 1);
  next_path = g_strdup_printf ("%s&cursor=%s", page_path, fanfare_test_response_get_string (page, "next_cursor"));
  next = social_request (fixture, "GET", next_path, LI, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (next, "items")), ==, 1);
  g_assert_cmpstr (social_item_string (next, 0, "username"), !=, social_item_string (page, 0, "username"));

  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users?q=wang", NOBODY, NULL), ==, 401);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users?q=wang&cursor=nope", MEI, NULL), ==, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  social_add ("/api/moderation/reports", test_reports);
  social_add ("/api/moderation/people-search", test_people_search);

  return g_test_run ();
}
