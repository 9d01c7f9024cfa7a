/* fanfare-identify-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-identifier.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_IDENTIFY_PAGE (fanfare_identify_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareIdentifyPage, fanfare_identify_page, FANFARE, IDENTIFY_PAGE, GtkWidget);

FanfareIdentifier *fanfare_identify_page_get_identifier (FanfareIdentifyPage *self);
FanfareTrack      *fanfare_identify_page_get_result (FanfareIdentifyPage *self);
GListModel        *fanfare_identify_page_get_history (FanfareIdentifyPage *self);
GListModel        *fanfare_identify_page_get_tracklist (FanfareIdentifyPage *self);

G_END_DECLS
