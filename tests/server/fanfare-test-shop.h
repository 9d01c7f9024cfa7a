/* fanfare-test-shop.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-test-server.h"

G_BEGIN_DECLS

/* The store through the real server: requests that move money, each on
 * a session of its own so that threads may send them at once. */

FanfareTestResponse *fanfare_test_money_try (const char *url,
                                             const char *path,
                                             const char *token,
                                             const char *key,
                                             const char *json_body) G_GNUC_WARN_UNUSED_RESULT;
FanfareTestResponse *fanfare_test_money_request (const char *url,
                                                 const char *path,
                                                 const char *token,
                                                 const char *key,
                                                 const char *json_body) G_GNUC_WARN_UNUSED_RESULT;
char               **fanfare_test_issue_codes (const char *data_dir,
                                               const char *amount,
                                               guint       count) G_GNUC_WARN_UNUSED_RESULT;
gint64               fanfare_test_top_up (FanfareTestServer *server,
                                          const char        *token,
                                          const char        *code);
gint64               fanfare_test_wallet_balance (FanfareTestServer *server,
                                                  const char        *token);
void                 fanfare_test_set_price (FanfareTestServer *server,
                                             const char        *token,
                                             gint64             album_id,
                                             gint64             price_cents);
int                  fanfare_test_audit (const char *data_dir,
                                         char      **report);

G_END_DECLS
