/* fanfare-collaborators-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-playlist-page.h"

G_BEGIN_DECLS

GtkWidget *fanfare_collaborators_dialog_present (FanfarePlaylistPage *page,
                                                 const char * const  *collaborators);

G_END_DECLS
