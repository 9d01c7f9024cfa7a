/* fanfare-application.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_APPLICATION (fanfare_application_get_type ())

G_DECLARE_FINAL_TYPE (FanfareApplication, fanfare_application, FANFARE, APPLICATION, AdwApplication);

FanfareApplication *fanfare_application_new (void) G_GNUC_WARN_UNUSED_RESULT;
GSettings          *fanfare_application_get_settings (FanfareApplication *self);

G_END_DECLS
