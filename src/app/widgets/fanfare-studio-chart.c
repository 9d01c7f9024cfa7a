/* fanfare-studio-chart.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A bar chart of a series, such as plays per day, drawn with GtkSnapshot
 * in the accent colour, the highest bar reaching the top; mirrored about
 * its middle, small, it draws a track's waveform from its peaks. */

#include "config.h"

#include "fanfare-studio-chart.h"

#define MIN_HEIGHT 120
#define MIRRORED_HEIGHT 32
#define GAP        2.0f

struct _FanfareStudioChart
{
  GtkWidget parent_instance;

  GArray   *values; /* double */
  double    max;
  gboolean  mirrored;
};

G_DEFINE_FINAL_TYPE (FanfareStudioChart, fanfare_studio_chart, GTK_TYPE_WIDGET)

static void
fanfare_studio_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FanfareStudioChart *self = FANFARE_STUDIO_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GdkRGBA color;
  float bar;

  if (self->values->len == 0 || self->max <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  color.alpha = 0.15f;
  if (!self->mirrored)
    gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", &color))
    gdk_rgba_parse (&color, "#3584e4");

  bar = width / self->values->len;
  for (guint i = 0; i < self->values->len; i++)
    {
      float h = (float) (g_array_index (self->values, double, i) / self->max) * (height - 1);

      if (self->mirrored)
        gtk_snapshot_append_color (snapshot, &color,
                                   &GRAPHENE_RECT_INIT (i * bar, (height - MAX (h, 1)) / 2, MAX (bar, 1), MAX (h, 1)));
      else if (h > 0)
        gtk_snapshot_append_color (snapshot, &color,
                                   &GRAPHENE_RECT_INIT (i * bar + GAP / 2, height - 1 - h, MAX (bar - GAP, 1), h));
    }
}

static void
fanfare_studio_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  FanfareStudioChart *self = FANFARE_STUDIO_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->mirrored ? MIRRORED_HEIGHT : MIN_HEIGHT;
  else
    *minimum = *natural = self->mirrored ? 96 : 60;
}

static void
fanfare_studio_chart_finalize (GObject *object)
{
  FanfareStudioChart *self = FANFARE_STUDIO_CHART (object);

  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (fanfare_studio_chart_parent_class)->finalize (object);
}

static void
fanfare_studio_chart_class_init (FanfareStudioChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fanfare_studio_chart_finalize;
  widget_class->snapshot = fanfare_studio_chart_snapshot;
  widget_class->measure = fanfare_studio_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "studiochart");
}

static void
fanfare_studio_chart_init (FanfareStudioChart *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

GtkWidget *
fanfare_studio_chart_new (void)
{
  return g_object_new (FANFARE_TYPE_STUDIO_CHART, NULL);
}

void
fanfare_studio_chart_set_values (FanfareStudioChart *self,
                                 const double       *values,
                                 guint               n_values)
{
  g_return_if_fail (FANFARE_IS_STUDIO_CHART (self));

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  self->max = 0;
  for (guint i = 0; i < n_values; i++)
    self->max = MAX (self->max, values[i]);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
fanfare_studio_chart_get_n_values (FanfareStudioChart *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_CHART (self), 0);

  return self->values->len;
}

double
fanfare_studio_chart_get_max (FanfareStudioChart *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_CHART (self), 0);

  return self->max;
}

/**
 * fanfare_studio_chart_set_mirrored:
 *
 * Draws the bars about the middle, without gaps, in a small chart: a
 * waveform.
 */
void
fanfare_studio_chart_set_mirrored (FanfareStudioChart *self,
                                   gboolean            mirrored)
{
  g_return_if_fail (FANFARE_IS_STUDIO_CHART (self));

  self->mirrored = mirrored;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
