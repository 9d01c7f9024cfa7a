/* fanfare-window.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-application.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_WINDOW (fanfare_window_get_type ())

G_DECLARE_FINAL_TYPE (FanfareWindow, fanfare_window, FANFARE, WINDOW, AdwApplicationWindow);

FanfareWindow *fanfare_window_new (FanfareApplication *application);
const char    *fanfare_window_get_visible_page (FanfareWindow *self);
void           fanfare_window_push_page (FanfareWindow *self,
                                         GtkWidget     *page,
                                         const char    *title);
void           fanfare_window_add_toast (FanfareWindow *self,
                                         AdwToast      *toast);
void           fanfare_window_toast_from (GtkWidget  *from,
                                          const char *title);

G_END_DECLS
