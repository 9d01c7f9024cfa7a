/* fanfare-client-club-links.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What ties clubs to people and music: the clubs a person is in, for
 * their profile, and posts that link a track or an album and carry a
 * picture. */

#include "config.h"

#include "fanfare-client-clubs-private.h"
#include "fanfare-client-clubs.h"

/**
 * fanfare_client_list_user_clubs_async:
 * @username: whose clubs
 *
 * The clubs @username is a member of; finish with
 * fanfare_client_list_clubs_finish().
 */
void
fanfare_client_list_user_clubs_async (FanfareClient       *self,
                                      const char          *username,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL);

  _fanfare_client_club_call (self, "GET", "/api/v1/users/", username, "/clubs", NULL, _fanfare_client_parse_clubs,
                             (GDestroyNotify) g_ptr_array_unref, fanfare_client_list_clubs_async, cancellable,
                             callback, user_data);
}

static void
add_link (JsonBuilder *body,
          const char  *member,
          const char  *id)
{
  if (id == NULL)
    return;

  json_builder_set_member_name (body, member);
  json_builder_add_string_value (body, id);
}

/**
 * fanfare_client_add_linked_club_post_async:
 * @track_id: (nullable): a track the post links to
 * @album_id: (nullable): an album the post links to
 *
 * Posts in a club; finish with fanfare_client_add_club_post_finish().
 */
void
fanfare_client_add_linked_club_post_async (FanfareClient       *self,
                                           const char          *club_id,
                                           const char          *text,
                                           const char          *track_id,
                                           const char          *album_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (text != NULL);

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "body");
  json_builder_add_string_value (body, text);
  add_link (body, "track_id", track_id);
  add_link (body, "album_id", album_id);
  json_builder_end_object (body);

  _fanfare_client_club_call (self, "POST", "/api/v1/clubs/", club_id, "/posts", body, _fanfare_client_parse_post,
                             (GDestroyNotify) fanfare_client_club_post_free, fanfare_client_add_club_post_async,
                             cancellable, callback, user_data);
}

/**
 * fanfare_client_set_club_post_image_async:
 * @content_type: "image/png" or "image/jpeg"
 * @image: the picture's bytes
 *
 * Puts a picture on one of the user's posts; finish with
 * fanfare_client_add_club_post_finish(), which answers the post with its
 * image_uri.
 */
void
fanfare_client_set_club_post_image_async (FanfareClient       *self,
                                          const char          *post_id,
                                          const char          *content_type,
                                          GBytes              *image,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (post_id != NULL);
  g_return_if_fail (image != NULL);

  escaped = _fanfare_client_escape (post_id);
  path = g_strconcat ("/api/v1/club-posts/", escaped, "/image", NULL);
  msg = _fanfare_client_new_message (self, "PUT", path, NULL);
  soup_message_set_request_body_from_bytes (msg, content_type, image);
  _fanfare_client_call (self, msg, _fanfare_client_parse_post, (GDestroyNotify) fanfare_client_club_post_free,
                        _fanfare_client_task_new (self, fanfare_client_add_club_post_async, cancellable, callback,
                                                  user_data));
}
