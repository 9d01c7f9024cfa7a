/* fanfare-buy-button.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_BUY_BUTTON (fanfare_buy_button_get_type ())

G_DECLARE_FINAL_TYPE (FanfareBuyButton, fanfare_buy_button, FANFARE, BUY_BUTTON, GtkWidget);

void        fanfare_buy_button_set_album (FanfareBuyButton *self,
                                          FanfareClient    *client,
                                          const char       *album_id,
                                          const char       *title);
gboolean    fanfare_buy_button_get_owned (FanfareBuyButton *self);
char       *fanfare_buy_button_format_price (gint64      price_cents,
                                             const char *currency) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
