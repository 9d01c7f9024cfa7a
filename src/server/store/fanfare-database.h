/* fanfare-database.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_DATABASE (fanfare_database_get_type ())

G_DECLARE_FINAL_TYPE (FanfareDatabase, fanfare_database, FANFARE, DATABASE, GObject);

/* Who is asking: the store hides what this viewer may not see. */
typedef struct {
  gint64   user_id;  /* 0 for nobody signed in */
  gboolean admin;
  gboolean moderator;  /* of comments: admins and those they named */
} FanfareViewer;

FanfareDatabase *fanfare_database_open (const char *path,
                                        GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_database_warm_up (FanfareDatabase *self);
void             fanfare_database_close (FanfareDatabase *self);
guint            fanfare_database_get_schema_version (FanfareDatabase *self);
guint            fanfare_database_get_generation (FanfareDatabase *self);
guint            fanfare_database_get_latest_schema_version (void);
const char      *fanfare_database_get_path (FanfareDatabase *self);
void             fanfare_database_set_public_url (FanfareDatabase *self,
                                                  const char      *public_url);

G_END_DECLS
