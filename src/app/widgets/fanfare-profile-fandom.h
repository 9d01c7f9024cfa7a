/* fanfare-profile-fandom.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PROFILE_FANDOM (fanfare_profile_fandom_get_type ())

G_DECLARE_FINAL_TYPE (FanfareProfileFandom, fanfare_profile_fandom, FANFARE, PROFILE_FANDOM, GtkWidget)

void     fanfare_profile_fandom_load (FanfareProfileFandom *self,
                                      FanfareClient        *client,
                                      const char           *username);
gboolean fanfare_profile_fandom_get_loaded (FanfareProfileFandom *self);
guint    fanfare_profile_fandom_get_n_nameplates (FanfareProfileFandom *self);
guint    fanfare_profile_fandom_get_n_verified (FanfareProfileFandom *self);
guint    fanfare_profile_fandom_get_n_clubs (FanfareProfileFandom *self);

G_END_DECLS
