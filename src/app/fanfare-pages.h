/* fanfare-pages.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-account-manager.h"
#include "fanfare-library.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PAGES (fanfare_pages_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePages, fanfare_pages, FANFARE, PAGES, GtkWidget);

GListModel *fanfare_pages_get_pages (FanfarePages *self) G_GNUC_WARN_UNUSED_RESULT;
const char *fanfare_pages_get_visible_page (FanfarePages *self);
gboolean    fanfare_pages_set_visible_page (FanfarePages *self,
                                            const char   *name);
const char *fanfare_pages_get_title (FanfarePages *self);
void        fanfare_pages_focus_search (FanfarePages *self);
void        fanfare_pages_set_library (FanfarePages   *self,
                                       FanfareLibrary *library);

void        fanfare_pages_set_accounts (FanfarePages          *self,
                                        FanfareAccountManager *accounts);
void        fanfare_pages_search (FanfarePages *self,
                                  const char   *text);

G_END_DECLS
