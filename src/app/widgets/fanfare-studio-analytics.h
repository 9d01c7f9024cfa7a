/* fanfare-studio-analytics.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_ANALYTICS (fanfare_studio_analytics_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioAnalytics, fanfare_studio_analytics, FANFARE, STUDIO_ANALYTICS, GtkWidget)

void  fanfare_studio_analytics_show (FanfareStudioAnalytics *self,
                                     JsonObject             *analytics);
char *fanfare_studio_analytics_format_money (gint64      cents,
                                             const char *currency) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
