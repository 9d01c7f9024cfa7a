/* fanfare-nameplate-view.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client-store.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_NAMEPLATE_VIEW (fanfare_nameplate_view_get_type ())

G_DECLARE_FINAL_TYPE (FanfareNameplateView, fanfare_nameplate_view, FANFARE, NAMEPLATE_VIEW, GtkWidget)

GtkWidget *fanfare_nameplate_view_new (const FanfareNameplate * nameplate,
                                       const char             *key);
GtkWidget *fanfare_nameplate_view_new_badge (const FanfareNameplate *nameplate,
                                             const char             *key);
gboolean   fanfare_nameplate_view_get_verified (FanfareNameplateView *self);

G_END_DECLS
