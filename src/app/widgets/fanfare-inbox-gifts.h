/* fanfare-inbox-gifts.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_INBOX_GIFTS (fanfare_inbox_gifts_get_type ())

G_DECLARE_FINAL_TYPE (FanfareInboxGifts, fanfare_inbox_gifts, FANFARE, INBOX_GIFTS, GtkWidget)

void     fanfare_inbox_gifts_load (FanfareInboxGifts *self,
                                   FanfareClient     *client);
void     fanfare_inbox_gifts_clear (FanfareInboxGifts *self);
guint    fanfare_inbox_gifts_get_n_gifts (FanfareInboxGifts *self);
gboolean fanfare_inbox_gifts_get_loaded (FanfareInboxGifts *self);

G_END_DECLS
