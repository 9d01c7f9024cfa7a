/* fanfare-navigation-stack.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_NAVIGATION_STACK (fanfare_navigation_stack_get_type ())

G_DECLARE_FINAL_TYPE (FanfareNavigationStack, fanfare_navigation_stack, FANFARE, NAVIGATION_STACK, GtkWidget);

GtkWidget  *fanfare_navigation_stack_get_root (FanfareNavigationStack *self);
void        fanfare_navigation_stack_set_root (FanfareNavigationStack *self,
                                               GtkWidget              *root);
void        fanfare_navigation_stack_push (FanfareNavigationStack *self,
                                           GtkWidget              *page,
                                           const char             *title);
gboolean    fanfare_navigation_stack_pop (FanfareNavigationStack *self);
void        fanfare_navigation_stack_pop_to_root (FanfareNavigationStack *self);
guint       fanfare_navigation_stack_get_depth (FanfareNavigationStack *self);
GtkWidget  *fanfare_navigation_stack_get_visible_page (FanfareNavigationStack *self);
const char *fanfare_navigation_stack_get_title (FanfareNavigationStack *self);

G_END_DECLS
