/* fanfare-test-client.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-test-server.h"

G_BEGIN_DECLS

#define FANFARE_TEST_DEMO_USER "demo"
#define FANFARE_TEST_DEMO_PASSWORD "fanfare-demo"

char              *fanfare_test_seed_demo (void) G_GNUC_WARN_UNUSED_RESULT;
char              *fanfare_test_copy_tree (const char *source) G_GNUC_WARN_UNUSED_RESULT;
FanfareTestServer *fanfare_test_demo_server_start (const char *template_dir) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_test_server_kill (FanfareTestServer *server);
void               fanfare_test_server_restart (FanfareTestServer *server);
GAsyncResult      *fanfare_test_wait_result (GAsyncResult **slot);
void               fanfare_test_assert_finalized (gpointer  object);
void               fanfare_test_store_result (GObject      *object,
                                              GAsyncResult *result,
                                              gpointer      user_data);

guint              fanfare_test_assert_no_secret_under (const char         *path,
                                                        const char * const *secrets);

G_END_DECLS
