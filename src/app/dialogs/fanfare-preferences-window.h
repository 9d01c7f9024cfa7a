/* fanfare-preferences-window.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-application.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PREFERENCES_WINDOW (fanfare_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePreferencesWindow, fanfare_preferences_window, FANFARE, PREFERENCES_WINDOW, AdwPreferencesWindow);

FanfarePreferencesWindow *fanfare_preferences_window_new (FanfareApplication *application);

G_END_DECLS
