/* fanfare-search-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-account-manager.h"
#include "fanfare-library.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_SEARCH_PAGE (fanfare_search_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareSearchPage, fanfare_search_page, FANFARE, SEARCH_PAGE, GtkWidget);

void fanfare_search_page_set_library (FanfareSearchPage *self,
                                      FanfareLibrary    *library);
void fanfare_search_page_focus_entry (FanfareSearchPage *self);

void fanfare_search_page_set_accounts (FanfareSearchPage     *self,
                                       FanfareAccountManager *accounts);
void fanfare_search_page_search (FanfareSearchPage *self,
                                 const char        *text);

G_END_DECLS
