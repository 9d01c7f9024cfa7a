/* fanfare-test-platform.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-playlist-page.h"
#include "fanfare-test-app.h"

G_BEGIN_DECLS

/* The application, its window and the server of the program's run. */
extern FanfareApplication *app;
extern FanfareWindow *window;
extern FanfareTestServer *server;
/* The program's private folders, and the demo listener's token there. */
extern char *scratch;
extern char *token;

void                 fanfare_test_platform_start (int      *argc,
                                                  char   ***argv,
                                                  gboolean  sign_in);
int                  fanfare_test_platform_stop (int  ret);

FanfareClient       *client (void);
GtkWidget           *find (GType  type);
void                 save_screenshot (const char *name);
FanfarePlaylistPage *wait_playlist_page (void);
gboolean             wait_for_playback (FanfareTestCondition  condition,
                                        gpointer              data);

/* For fanfare_test_wait_for(). */
gboolean             signed_in (gpointer  data);
gboolean             covers_loaded (gpointer  data);
gboolean             playlist_loaded (gpointer  data);
gboolean             playlist_page_pushed (gpointer  data);
gboolean             is_playing (gpointer  data);

G_END_DECLS
