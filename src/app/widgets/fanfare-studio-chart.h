/* fanfare-studio-chart.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_CHART (fanfare_studio_chart_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioChart, fanfare_studio_chart, FANFARE, STUDIO_CHART, GtkWidget)

GtkWidget *fanfare_studio_chart_new (void);
void       fanfare_studio_chart_set_values (FanfareStudioChart *self,
                                            const double       *values,
                                            guint               n_values);
void       fanfare_studio_chart_set_mirrored (FanfareStudioChart *self,
                                              gboolean            mirrored);
guint      fanfare_studio_chart_get_n_values (FanfareStudioChart *self);
double     fanfare_studio_chart_get_max (FanfareStudioChart *self);

G_END_DECLS
