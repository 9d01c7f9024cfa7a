/* fanfare-inbox-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"
#include "fanfare-inbox-gifts.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_INBOX_PAGE (fanfare_inbox_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareInboxPage, fanfare_inbox_page, FANFARE, INBOX_PAGE, GtkWidget);

void        fanfare_inbox_page_set_accounts (FanfareInboxPage      *self,
                                             FanfareAccountManager *accounts);
guint       fanfare_inbox_page_get_unread (FanfareInboxPage *self);
const char *fanfare_inbox_page_get_badge (FanfareInboxPage *self);
void        fanfare_inbox_page_check_now (FanfareInboxPage *self);
GListModel *fanfare_inbox_page_get_messages (FanfareInboxPage *self);
FanfareInboxGifts *fanfare_inbox_page_get_gifts (FanfareInboxPage *self);

G_END_DECLS
