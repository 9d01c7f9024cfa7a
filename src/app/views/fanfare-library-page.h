/* fanfare-library-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-account-manager.h"
#include "fanfare-library.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LIBRARY_PAGE (fanfare_library_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLibraryPage, fanfare_library_page, FANFARE, LIBRARY_PAGE, GtkWidget);

FanfareLibrary *fanfare_library_page_get_library (FanfareLibraryPage *self);
void            fanfare_library_page_set_library (FanfareLibraryPage *self,
                                                  FanfareLibrary     *library);

void fanfare_library_page_set_accounts (FanfareLibraryPage    *self,
                                        FanfareAccountManager *accounts);

G_END_DECLS
