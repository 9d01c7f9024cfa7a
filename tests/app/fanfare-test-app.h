/* fanfare-test-app.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-application.h"
#include "fanfare-sign-in-dialog.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-window.h"

G_BEGIN_DECLS

char               *fanfare_test_app_init (int    *argc,
                                           char ***argv) G_GNUC_WARN_UNUSED_RESULT;
FanfareTestServer  *fanfare_test_app_start_demo_server (void) G_GNUC_WARN_UNUSED_RESULT;
void                fanfare_test_app_use_server (FanfareTestServer *server);
FanfareApplication *fanfare_test_app_new (void) G_GNUC_WARN_UNUSED_RESULT;
FanfareWindow      *fanfare_test_app_open_window (FanfareApplication *app,
                                                  int                 width,
                                                  int                 height);
gboolean            fanfare_test_app_signed_in (gpointer  app);
void                fanfare_test_app_sign_in (FanfareApplication *app,
                                              const char         *url,
                                              const char         *username,
                                              const char         *password);
FanfareSignInDialog *fanfare_test_app_open_sign_in (FanfareApplication *app);
void                fanfare_test_app_sign_in_with_dialog (FanfareApplication *app,
                                                          const char         *url,
                                                          const char         *username,
                                                          const char         *password);
void                fanfare_test_app_quit (FanfareApplication *app);
void                fanfare_test_app_end (FanfareApplication *app);

FanfareClient      *fanfare_test_app_client_sign_in (FanfareTestServer *server,
                                                     const char        *username,
                                                     const char        *password) G_GNUC_WARN_UNUSED_RESULT;
FanfareClient      *fanfare_test_app_client_register (FanfareTestServer *server,
                                                      const char        *username,
                                                      const char        *display_name,
                                                      const char        *password) G_GNUC_WARN_UNUSED_RESULT;

/* fanfare-test-app-window.c */
void                fanfare_test_app_save_screenshot (GtkWidget  *widget,
                                                      const char *name);
GtkWidget          *fanfare_test_app_find_dialog (const char *heading);
GtkWidget          *fanfare_test_app_wait_dialog (const char *heading);
GtkWidget          *fanfare_test_app_wait_page (FanfareWindow *window,
                                                GType          type);
GtkWidget          *fanfare_test_app_find_actionable (GtkWidget  *root,
                                                      const char *action);
void                fanfare_test_app_wait_club_role (GtkWidget  *club,
                                                     const char *role);
/* For fanfare_test_wait_for(). */
gboolean            fanfare_test_app_has_items (gpointer  model);
gboolean            fanfare_test_app_is_mapped (gpointer  widget);

G_END_DECLS
