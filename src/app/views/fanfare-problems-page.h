/* fanfare-problems-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_PROBLEMS_PAGE (fanfare_problems_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareProblemsPage, fanfare_problems_page, FANFARE, PROBLEMS_PAGE, GtkWidget);

GtkWidget *fanfare_problems_page_new (GListModel *problems);

G_END_DECLS
