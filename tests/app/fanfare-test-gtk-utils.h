/* fanfare-test-gtk-utils.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-test-utils.h"

G_BEGIN_DECLS

void       fanfare_test_init_gtk (int    *argc,
                                  char ***argv);
void       fanfare_test_wait_mapped (GtkWidget *widget);
void       fanfare_test_wait_frame (GtkWidget *widget);
GtkWidget *fanfare_test_find_widget (GtkWidget *root,
                                     GType      type);
GtkWindow *fanfare_test_find_toplevel (GType  type);
void       fanfare_test_save_screenshot (GtkWidget  *widget,
                                         const char *name);
void       fanfare_test_assert_buttons_labelled (GtkWidget *root);
void       fanfare_test_assert_icons_exist (GtkWidget *root);

G_END_DECLS
