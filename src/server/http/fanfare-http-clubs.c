/* fanfare-http-clubs.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fan clubs: creating, claiming, joining and leaving them, roles and
 * moderation. Who may do what:
 * - anyone reads a club, its posts, comments and leaderboard;
 * - a signed-in user creates a club, joins one unless banned, and leaves
 *   one unless they founded it;
 * - members post and comment; an author removes their own;
 * - admins (and the founder) pin and remove posts and comments, and
 *   remove or ban members below them; the founder makes admins;
 * - the artist claims their official club that a fan founded;
 * - the platform's admins moderate as a founder would. */

#include "config.h"

#include "fanfare-artist.h"
#include "fanfare-catalog-store.h"
#include "fanfare-club-store.h"
#include "fanfare-http-clubs.h"
#include "fanfare-http-json.h"
#include "fanfare-http-social.h"
#include "fanfare-http-store.h"
#include "fanfare-json.h"
#include "fanfare-request.h"

#define MAX_NAME_LENGTH        100
#define MAX_DESCRIPTION_LENGTH 2000

/* The caller's role in @club; a platform admin counts as its founder. */
FanfareClubRole
fanfare_http_club_role (FanfareRequest *request,
                        gint64          club_id,
                        GError        **error)
{
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  FanfareClubRole role;

  if (viewer->user_id == 0)
    return FANFARE_CLUB_ROLE_NONE;

  role = fanfare_club_store_get_role (fanfare_request_get_database (request), club_id, viewer->user_id, error);
  if (viewer->admin)
    return FANFARE_CLUB_ROLE_FOUNDER;

  return role;
}

/* Whether the caller's role reaches @needed; a 403 saying @what if not. */
gboolean
fanfare_http_club_check (FanfareRequest  *request,
                         gint64           club_id,
                         FanfareClubRole  needed,
                         const char      *what)
{
  g_autoptr(GError) error = NULL;
  FanfareClubRole role = fanfare_http_club_role (request, club_id, &error);

  if (error != NULL)
    {
      fanfare_request_fail (request, error);
      return FALSE;
    }

  if (role < needed)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN, what);
      return FALSE;
    }

  return TRUE;
}

/* A text member of 1 to @max characters, or %NULL after failing. */
const char *
fanfare_http_club_read_text (FanfareRequest *request,
                             JsonObject     *body,
                             const char     *member,
                             gboolean        required,
                             guint           max)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  const char *text = NULL;

  if (!fanfare_json_read_string (body, member, required, &text, &error))
    {
      fanfare_request_fail (request, error);
      return NULL;
    }

  if (text == NULL && !required)
    return "";

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0' || g_utf8_strlen (text, -1) > max)
    {
      g_autofree char *message = g_strdup_printf ("The field “%s” must be 1 to %u characters", member, max);

      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, message);
      return NULL;
    }

  return text;
}

static void
add_club (JsonBuilder             *builder,
          FanfareRequest          *request,
          const FanfareClubRecord *club)
{
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);

  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", club->id);
  fanfare_http_store_add_id (builder, "artist_id", club->artist_id);
  fanfare_http_store_add_string (builder, "artist", club->artist_name);
  fanfare_http_store_add_string (builder, "name", club->name);
  if (club->description != NULL && *club->description != '\0')
    fanfare_http_store_add_string (builder, "description", club->description);
  json_builder_set_member_name (builder, "official");
  json_builder_add_boolean_value (builder, club->official);
  json_builder_set_member_name (builder, "claimed");
  json_builder_add_boolean_value (builder, club->claimed);
  if (club->founder_id != 0)
    fanfare_http_store_add_id (builder, "founder_id", club->founder_id);
  fanfare_http_store_add_int (builder, "member_count", club->member_count);
  fanfare_http_store_add_time (builder, "created_at", club->created_at);
  if (viewer->user_id != 0)
    {
      FanfareClubRole role = fanfare_club_store_get_role (fanfare_request_get_database (request), club->id,
                                                          viewer->user_id, NULL);

      if (role != FANFARE_CLUB_ROLE_NONE)
        fanfare_http_store_add_string (builder, "role", fanfare_club_role_to_string (role));
    }
  json_builder_end_object (builder);
}

static void
respond_club (FanfareRequest *request,
              guint           status,
              gint64          club_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubRecord) club = fanfare_club_store_get (fanfare_request_get_database (request), club_id, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (club == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "club");
  add_club (builder, request, club);
  fanfare_http_store_respond (request, status, builder);
}

static void
respond_clubs (FanfareRequest *request,
               gint64          artist_id,
               gint64          member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clubs = fanfare_club_store_list (fanfare_request_get_database (request), artist_id, member_id,
                                                        &error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (clubs == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < clubs->len; i++)
    add_club (builder, request, g_ptr_array_index (clubs, i));
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  fanfare_http_store_respond (request, 200, builder);
}

static void
list_artist_clubs (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareArtist) artist = fanfare_catalog_store_get_artist (fanfare_request_get_database (request),
                                                                      fanfare_request_get_id (request, "id"), &error);

  if (artist == NULL)
    fanfare_request_fail (request, error);
  else
    respond_clubs (request, fanfare_request_get_id (request, "id"), 0);
}

static void
list_my_clubs (FanfareRequest *request)
{
  respond_clubs (request, 0, fanfare_request_get_viewer (request)->user_id);
}

/* The clubs someone is a member of, for their profile; nobody who blocked
 * the caller. */
static void
list_user_clubs (FanfareRequest *request)
{
  gint64 user_id = fanfare_http_social_path_user (request);

  if (user_id != 0)
    respond_clubs (request, 0, user_id);
}

static void
get_club (FanfareRequest *request)
{
  respond_club (request, 200, fanfare_request_get_id (request, "id"));
}

/* Whether the caller is the artist's own account. */
static gboolean
is_artist (FanfareRequest *request,
           gint64          artist_id)
{
  gint64 own = fanfare_catalog_store_get_artist_for_user (fanfare_request_get_database (request),
                                                          fanfare_request_get_viewer (request)->user_id, NULL);

  return own != 0 && own == artist_id;
}

static void
create_club (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 artist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareArtist) artist = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *name, *description;
  gboolean official = FALSE;
  gint64 club_id;

  if ((artist = fanfare_catalog_store_get_artist (db, artist_id, &error)) == NULL ||
      (body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_boolean (body, "official", FALSE, &official, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if ((name = fanfare_http_club_read_text (request, body, "name", TRUE, MAX_NAME_LENGTH)) == NULL ||
      (description = fanfare_http_club_read_text (request, body, "description", FALSE,
                                                  MAX_DESCRIPTION_LENGTH)) == NULL)
    return;

  /* An official club a fan founds waits for the artist to claim it. */
  club_id = fanfare_club_store_create (db, artist_id, fanfare_request_get_viewer (request)->user_id, name,
                                       *description != '\0' ? description : NULL, official,
                                       official && is_artist (request, artist_id), &error);
  if (club_id == 0)
    fanfare_request_fail (request, error);
  else
    respond_club (request, 201, club_id);
}

static void
claim_club (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubRecord) club = fanfare_club_store_get (db, club_id, &error);

  if (club == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!is_artist (request, club->artist_id))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN, "Only the artist claims their official club");
      return;
    }

  if (!fanfare_club_store_claim (db, club_id, fanfare_request_get_viewer (request)->user_id, &error))
    fanfare_request_fail (request, error);
  else
    respond_club (request, 200, club_id);
}

static void
join_club (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubRecord) club = fanfare_club_store_get (db, club_id, &error);

  if (club == NULL ||
      !fanfare_club_store_join (db, club_id, fanfare_request_get_viewer (request)->user_id, &error))
    fanfare_request_fail (request, error);
  else
    respond_club (request, 200, club_id);
}

static void
leave_club (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 club_id = fanfare_request_get_id (request, "id");
  gint64 user_id = fanfare_request_get_viewer (request)->user_id;
  g_autoptr(GError) error = NULL;
  FanfareClubRole role = fanfare_club_store_get_role (db, club_id, user_id, &error);

  if (error != NULL)
    fanfare_request_fail (request, error);
  else if (role == FANFARE_CLUB_ROLE_FOUNDER)
    fanfare_request_fail_literal (request, FANFARE_ERROR_CONFLICT, "The founder cannot leave their club");
  else if (!fanfare_club_store_remove_member (db, club_id, user_id, 0, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

/* The member the route names, and whether the caller ranks above them. */
static gint64
find_target (FanfareRequest *request,
             gint64          club_id,
             gboolean        must_outrank)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  gint64 user_id = fanfare_account_store_lookup_user_id (db, fanfare_request_get_param (request, "username"), &error);
  FanfareClubRole mine, theirs;

  if (user_id == 0)
    {
      fanfare_request_fail (request, error);
      return 0;
    }

  mine = fanfare_http_club_role (request, club_id, &error);
  theirs = fanfare_club_store_get_role (db, club_id, user_id, error != NULL ? NULL : &error);
  if (error != NULL)
    {
      fanfare_request_fail (request, error);
      return 0;
    }

  if (mine < FANFARE_CLUB_ROLE_ADMIN || (must_outrank && theirs >= mine) ||
      user_id == fanfare_request_get_viewer (request)->user_id)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN,
                                    "Only the club's admins moderate it, and only members below them");
      return 0;
    }

  return user_id;
}

static void
set_member_role (FanfareRequest *request)
{
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *role_name = NULL;
  FanfareClubRole role;
  gint64 user_id;

  if (!fanfare_http_club_check (request, club_id, FANFARE_CLUB_ROLE_FOUNDER, "Only the founder makes admins"))
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "role", TRUE, &role_name, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  role = fanfare_club_role_from_string (role_name);
  if (role != FANFARE_CLUB_ROLE_ADMIN && role != FANFARE_CLUB_ROLE_MEMBER)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The field “role” must be admin or member");
      return;
    }

  if ((user_id = find_target (request, club_id, TRUE)) == 0)
    return;

  if (!fanfare_club_store_set_role (fanfare_request_get_database (request), club_id, user_id, role, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
moderate_member (FanfareRequest *request,
                 gboolean        ban)
{
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubRecord) club = fanfare_club_store_get (fanfare_request_get_database (request), club_id, &error);
  gint64 user_id;

  if (club == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if ((user_id = find_target (request, club_id, TRUE)) == 0)
    return;

  if (!fanfare_club_store_remove_member (fanfare_request_get_database (request), club_id, user_id,
                                         ban ? fanfare_request_get_viewer (request)->user_id : 0, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
remove_member (FanfareRequest *request)
{
  moderate_member (request, FALSE);
}

static void
ban_member (FanfareRequest *request)
{
  moderate_member (request, TRUE);
}

static void
unban_member (FanfareRequest *request)
{
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  gint64 user_id;

  if ((user_id = find_target (request, club_id, FALSE)) == 0)
    return;

  if (!fanfare_club_store_unban (fanfare_request_get_database (request), club_id, user_id, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

const FanfareRoute fanfare_http_club_routes[] = {
  { "GET", "/api/v1/artists/{id}/clubs", FANFARE_ACCESS_ANYONE, 0, list_artist_clubs },
  { "POST", "/api/v1/artists/{id}/clubs", FANFARE_ACCESS_USER, 0, create_club },
  { "GET", "/api/v1/me/clubs", FANFARE_ACCESS_USER, 0, list_my_clubs },
  { "GET", "/api/v1/users/{username}/clubs", FANFARE_ACCESS_ANYONE, 0, list_user_clubs },
  { "GET", "/api/v1/clubs/{id}", FANFARE_ACCESS_ANYONE, 0, get_club },
  { "POST", "/api/v1/clubs/{id}/claim", FANFARE_ACCESS_USER, 0, claim_club },
  { "PUT", "/api/v1/clubs/{id}/membership", FANFARE_ACCESS_USER, 0, join_club },
  { "DELETE", "/api/v1/clubs/{id}/membership", FANFARE_ACCESS_USER, 0, leave_club },
  { "PUT", "/api/v1/clubs/{id}/members/{username}/role", FANFARE_ACCESS_USER, 0, set_member_role },
  { "DELETE", "/api/v1/clubs/{id}/members/{username}", FANFARE_ACCESS_USER, 0, remove_member },
  { "PUT", "/api/v1/clubs/{id}/bans/{username}", FANFARE_ACCESS_USER, 0, ban_member },
  { "DELETE", "/api/v1/clubs/{id}/bans/{username}", FANFARE_ACCESS_USER, 0, unban_member },
  { NULL },
};
