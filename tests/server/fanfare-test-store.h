/* fanfare-test-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-database.h"
#include "fanfare-media-store.h"

G_BEGIN_DECLS

/* A real database and media folder in a temporary directory. */
typedef struct {
  char              *directory;
  FanfareDatabase   *db;
  FanfareMediaStore *media;
} FanfareTestStore;

void    fanfare_test_store_set_up (FanfareTestStore *store);
void    fanfare_test_store_tear_down (FanfareTestStore *store);
char   *fanfare_test_store_close (FanfareTestStore *store) G_GNUC_WARN_UNUSED_RESULT;
gint64  fanfare_test_store_add_account (FanfareTestStore *store,
                                        const char       *username,
                                        const char       *password,
                                        FanfareUserRole   role);
gint64  fanfare_test_store_add_track (FanfareTestStore *store,
                                      gint64            artist_id,
                                      const char       *title,
                                      GBytes           *content,
                                      gboolean          published,
                                      gint64           *album_id);
void    fanfare_test_remove_tree (const char *path);
void    fanfare_test_write_tone_wav (const char *path,
                                     guint       seconds);
void    fanfare_test_write_with_pipeline (const char *description,
                                          const char *path);
gint64  fanfare_test_store_add_user (FanfareTestStore *store,
                                     const char       *username,
                                     const char       *display_name,
                                     FanfareUserRole   role);
gint64  fanfare_test_store_add_album (FanfareTestStore   *store,
                                      gint64              artist_id,
                                      const char         *title,
                                      const char         *release_date,
                                      const char * const *track_titles,
                                      gboolean            published);
void    fanfare_test_store_add_long_items (FanfareTestStore *store,
                                           gint64            artist_id,
                                           gint64           *song,
                                           gint64           *book,
                                           gint64           *mix);
char   *fanfare_test_store_add_media (FanfareTestStore *store,
                                      const char       *content,
                                      gsize             length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
