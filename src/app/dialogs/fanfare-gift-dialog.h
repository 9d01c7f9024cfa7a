/* fanfare-gift-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

/* A gift the user confirmed, kept with its idempotency key until the
 * server answers it. */
typedef struct _FanfareGift FanfareGift;

FanfareGift *fanfare_gift_new (void);
void         fanfare_gift_free (FanfareGift *gift);

GtkWidget   *fanfare_gift_dialog_new (GtkWindow     *parent,
                                      FanfareClient *client,
                                      FanfareGift   *gift,
                                      const char    *album_id,
                                      const char    *title);
GtkEditable *fanfare_gift_dialog_get_username_entry (GtkWidget *dialog);
GtkEditable *fanfare_gift_dialog_get_message_entry (GtkWidget *dialog);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareGift, fanfare_gift_free)

G_END_DECLS
