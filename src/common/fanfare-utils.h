/* fanfare-utils.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean fanfare_set_str (char      **str_pointer,
                          const char *new_str);
char    *fanfare_format_duration (GTimeSpan  duration) G_GNUC_WARN_UNUSED_RESULT;
char    *fanfare_enum_to_string (GType  enum_type,
                                 int    value) G_GNUC_WARN_UNUSED_RESULT;
gboolean fanfare_enum_from_string (GType       enum_type,
                                   const char *str,
                                   int        *value);
void     fanfare_list_store_replace (GListStore *store,
                                     GListModel *items,
                                     guint       max_items);
void     fanfare_list_store_update (GListStore *store,
                                    GListModel *items,
                                    guint       max_items,
                                    GEqualFunc  same);
void     fanfare_dispatch_to_context (GMainContext   *context,
                                      int             priority,
                                      GSourceFunc     function,
                                      gpointer        data,
                                      GDestroyNotify  notify);

G_END_DECLS
