/* fanfare-test-social.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-test-server.h"

G_BEGIN_DECLS

/* A server with five listeners signed in and an artist with an album of
 * two tracks, for the tests of the social graph. */

enum {
  NOBODY = -1,
  MEI,
  WANG,
  LI,
  CHEN,
  ZHAO,
  ZHOU,    /* the artist */
  N_PEOPLE
};

typedef struct {
  FanfareTestServer *server;
  char              *tokens[N_PEOPLE];
  gint64             album;
  gint64             tracks[2];
} Fixture;

void                 social_add (const char *path,
                                 void (*test)(Fixture *fixture, gconstpointer data));
FanfareTestResponse *social_request (Fixture    *fixture,
                                     const char *method,
                                     const char *path,
                                     int         who,
                                     const char *body) G_GNUC_WARN_UNUSED_RESULT;
guint                social_status (Fixture    *fixture,
                                    const char *method,
                                    const char *path,
                                    int         who,
                                    const char *body);
JsonNode            *social_find (JsonNode   *node,
                                  const char *path);
gboolean             social_get_boolean (FanfareTestResponse *response,
                                         const char          *path);
const char          *social_item_string_of (FanfareTestResponse *response,
                                            const char          *member,
                                            guint                index,
                                            const char          *path);
const char          *social_item_string (FanfareTestResponse *response,
                                         guint                index,
                                         const char          *path);
char                *social_list_names (Fixture    *fixture,
                                        const char *path,
                                        int         who) G_GNUC_WARN_UNUSED_RESULT;
gint64               social_create_playlist (Fixture    *fixture,
                                             int         who,
                                             const char *title,
                                             const char *visibility);
void                 social_follow_playlist (Fixture *fixture,
                                             int      who,
                                             gint64   playlist_id);
char                *social_describe_feed (FanfareTestResponse *response) G_GNUC_WARN_UNUSED_RESULT;
char                *social_feed (Fixture *fixture,
                                  int      who) G_GNUC_WARN_UNUSED_RESULT;
char                *social_database_path (Fixture    *fixture,
                                           const char *suffix) G_GNUC_WARN_UNUSED_RESULT;
void                 social_exec_sql (Fixture    *fixture,
                                      const char *sql);

G_END_DECLS
