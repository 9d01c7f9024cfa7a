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
void       fanfare_test_wait_at_rest (GtkWidget *root);
GtkWidget *fanfare_test_find_widget (GtkWidget *root,
                                     GType      type);
GtkWidget *fanfare_test_find_widget_with_class (GtkWidget  *root,
                                                GType       type,
                                                const char *css_class);
GtkWindow *fanfare_test_find_toplevel (GType  type);
void       fanfare_test_save_screenshot (GtkWidget  *widget,
                                         const char *name);
void       fanfare_test_assert_buttons_labelled (GtkWidget *root);
void       fanfare_test_assert_icons_exist (GtkWidget *root);
GtkWidget *fanfare_test_find_label (GtkWidget  *root,
                                    const char *text);
void       fanfare_test_assert_label_shown (GtkWidget  *root,
                                            const char *text);

void       fanfare_test_click (GtkWidget *widget,
                               double     x,
                               double     y,
                               int        button);
GBytes    *fanfare_test_make_cover (guint32  rgba) G_GNUC_WARN_UNUSED_RESULT;
char      *fanfare_test_use_music_dir (const char *scratch) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
