/* fanfare-studio-analytics.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the Studio page tells an artist about their listeners, from the
 * server's analytics over the last 30 days: plays, unique listeners,
 * followers, albums sold and the money earned, each drawn per day; the
 * most played tracks; and the totals in words. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-buy-button.h"
#include "fanfare-studio-analytics.h"
#include "fanfare-studio-chart.h"

struct _FanfareStudioAnalytics
{
  GtkWidget parent_instance;

  /* Template widgets */
  FanfareStudioChart *chart;
  FanfareStudioChart *listeners_chart;
  FanfareStudioChart *followers_chart;
  FanfareStudioChart *sales_chart;
  FanfareStudioChart *revenue_chart;
  GtkLabel           *followers_label;
  GtkLabel           *revenue_label;
  GtkListBox         *top_tracks_list;
  GtkLabel           *analytics_label;
};

G_DEFINE_FINAL_TYPE (FanfareStudioAnalytics, fanfare_studio_analytics, GTK_TYPE_WIDGET)

/* The most played tracks, each with a bar as long as its share of the
 * first's plays. */
static void
show_top_tracks (FanfareStudioAnalytics *self,
                 JsonArray              *top)
{
  GtkWidget *child;
  double most = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->top_tracks_list))) != NULL)
    gtk_list_box_remove (self->top_tracks_list, child);

  for (guint i = 0; top != NULL && i < json_array_get_length (top); i++)
    most = MAX (most, json_object_get_int_member (json_array_get_object_element (top, i), "plays"));

  for (guint i = 0; top != NULL && i < json_array_get_length (top); i++)
    {
      JsonObject *track = json_array_get_object_element (top, i);
      int plays = json_object_get_int_member (track, "plays");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (most, 1));
      g_autofree char *count = g_strdup_printf (ngettext ("%d play", "%d plays", plays), plays);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     json_object_get_string_member_with_default (track, "title", ""));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), plays);
      gtk_widget_set_size_request (bar, 200, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      gtk_list_box_append (self->top_tracks_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->top_tracks_list), top != NULL && json_array_get_length (top) > 0);
}

/* Draws one figure of every day in @days. */
static void
chart_days (FanfareStudioChart *chart,
            JsonArray          *days,
            const char         *member)
{
  guint n = days != NULL ? json_array_get_length (days) : 0;
  g_autofree double *values = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    values[i] = json_object_get_int_member_with_default (json_array_get_object_element (days, i), member, 0);
  fanfare_studio_chart_set_values (chart, values, n);
}

/* The albums sold and the money they earned, in words. */
static void
show_revenue (FanfareStudioAnalytics *self,
              JsonObject             *analytics)
{
  int sales = json_object_get_int_member_with_default (analytics, "sales", 0);
  const char *currency = json_object_get_string_member_with_default (analytics, "currency", NULL);
  g_autofree char *money = fanfare_studio_analytics_format_money (json_object_get_int_member_with_default (analytics,
                                                                                                           "revenue_cents",
                                                                                                           0),
                                                                  currency);
  g_autofree char *text = NULL;

  if (currency == NULL)
    {
      gtk_label_set_text (self->revenue_label, _("No albums sold yet"));
      return;
    }

  /* Translators: the money an artist earned, such as ¥12.75, then how many albums sold it */
  text = g_strdup_printf (ngettext ("%s earned from %d album sold", "%s earned from %d albums sold", sales),
                          money, sales);
  gtk_label_set_text (self->revenue_label, text);
}

static void
fanfare_studio_analytics_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_STUDIO_ANALYTICS);
  /* The group around the charts has no name in the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fanfare_studio_analytics_parent_class)->dispose (object);
}

static void
fanfare_studio_analytics_class_init (FanfareStudioAnalyticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_studio_analytics_dispose;

  g_type_ensure (FANFARE_TYPE_STUDIO_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fanfare_music/Fanfare/ui/app/widgets/fanfare-studio-analytics.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, listeners_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, followers_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, sales_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, revenue_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, followers_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, revenue_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, top_tracks_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAnalytics, analytics_label);
}

static void
fanfare_studio_analytics_init (FanfareStudioAnalytics *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_studio_analytics_show:
 * @analytics: the server's "analytics" object
 *
 * Shows the figures, the charts and the top tracks of @analytics.
 */
void
fanfare_studio_analytics_show (FanfareStudioAnalytics *self,
                               JsonObject             *analytics)
{
  JsonArray *days;
  g_autofree char *summary = NULL;
  g_autofree char *followers_text = NULL;
  int followers;

  g_return_if_fail (FANFARE_IS_STUDIO_ANALYTICS (self));
  g_return_if_fail (analytics != NULL);

  days = json_object_get_array_member (analytics, "days");
  chart_days (self->chart, days, "plays");
  chart_days (self->listeners_chart, days, "listeners");
  chart_days (self->followers_chart, days, "followers");
  chart_days (self->sales_chart, days, "sales");
  chart_days (self->revenue_chart, days, "revenue_cents");
  show_top_tracks (self, json_object_get_array_member (analytics, "top_tracks"));
  show_revenue (self, analytics);
  followers = json_object_get_int_member (analytics, "followers");
  followers_text = g_strdup_printf (ngettext ("%d follower", "%d followers", followers), followers);
  gtk_label_set_text (self->followers_label, followers_text);

  /* Translators: the artist's figures over the last 30 days */
  summary = g_strdup_printf (_("%d plays, %d listeners, %d followers, %d fan-club members, %d albums sold"),
                             (int) json_object_get_int_member (analytics, "plays"),
                             (int) json_object_get_int_member (analytics, "listeners"),
                             (int) json_object_get_int_member (analytics, "followers"),
                             (int) json_object_get_int_member (analytics, "fan_club_members"),
                             (int) json_object_get_int_member (analytics, "sales"));
  gtk_label_set_text (self->analytics_label, summary);
}

/**
 * fanfare_studio_analytics_format_money:
 * @cents: an amount in the currency's smallest unit, perhaps below zero
 *   after refunds
 *
 * Returns: the amount as people read it, such as "¥12.75" or "-USD 1.50"
 */
char *
fanfare_studio_analytics_format_money (gint64      cents,
                                       const char *currency)
{
  g_autofree char *amount = fanfare_buy_button_format_price (ABS (cents), currency);

  return cents < 0 ? g_strconcat ("-", amount, NULL) : g_steal_pointer (&amount);
}
