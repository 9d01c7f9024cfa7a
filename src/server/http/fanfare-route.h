/* fanfare-route.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareRequest FanfareRequest;

/* Who may call a route. */
typedef enum {
  FANFARE_ACCESS_ANYONE,   /* a token, if sent, must be valid; the viewer is then known */
  FANFARE_ACCESS_USER,     /* signed in */
  FANFARE_ACCESS_ADMIN,    /* signed in as an admin */
  FANFARE_ACCESS_MODERATOR, /* signed in as a moderator or an admin */
} FanfareAccess;

/* Runs in a worker thread: validates the request, calls the store or a
 * service and sets the response on @request. Never touches the message. */
typedef void (*FanfareRouteFunc) (FanfareRequest *request);

/* One endpoint. A pattern's segments in braces are parameters:
 * {id} is a decimal id, {username} a username, {image} an image id,
 * {entry} a client's id of a playlist entry. */
typedef struct {
  const char      *method;
  const char      *pattern;
  FanfareAccess    access;
  gsize            max_body;  /* 0: the server's default cap */
  FanfareRouteFunc func;
  gboolean         shared;    /* the same answer for every anonymous caller: cached */
} FanfareRoute;

/* The route groups, one per file of http/. */
extern const FanfareRoute fanfare_http_account_routes[];
extern const FanfareRoute fanfare_http_catalog_routes[];
extern const FanfareRoute fanfare_http_media_routes[];
extern const FanfareRoute fanfare_http_search_routes[];
extern const FanfareRoute fanfare_http_playlist_routes[];
extern const FanfareRoute fanfare_http_meta_routes[];
extern const FanfareRoute fanfare_http_library_routes[];
extern const FanfareRoute fanfare_http_playlist_edit_routes[];
extern const FanfareRoute fanfare_http_playlist_file_routes[];
extern const FanfareRoute fanfare_http_play_routes[];
extern const FanfareRoute fanfare_http_discovery_routes[];
extern const FanfareRoute fanfare_http_identify_routes[];
/* The social graph, the Friends page, comments and messages. */
extern const FanfareRoute fanfare_http_social_routes[];
extern const FanfareRoute fanfare_http_friends_routes[];
extern const FanfareRoute fanfare_http_comment_routes[];
extern const FanfareRoute fanfare_http_message_routes[];
extern const FanfareRoute fanfare_http_moderation_routes[];
extern const FanfareRoute fanfare_http_store_routes[];
extern const FanfareRoute fanfare_http_wallet_routes[];
extern const FanfareRoute fanfare_http_sales_routes[];
extern const FanfareRoute fanfare_http_club_routes[];
extern const FanfareRoute fanfare_http_club_post_routes[];
extern const FanfareRoute fanfare_http_longform_routes[];
extern const FanfareRoute fanfare_http_artist_routes[];
extern const FanfareRoute fanfare_http_studio_routes[];
extern const FanfareRoute fanfare_http_upload_routes[];

G_END_DECLS
