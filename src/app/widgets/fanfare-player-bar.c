/* fanfare-player-bar.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-player-bar.h"

struct _FanfarePlayerBar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox *box;

  /* State */
  guint compact : 1;
};

G_DEFINE_FINAL_TYPE (FanfarePlayerBar, fanfare_player_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fanfare_player_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PLAYER_BAR);

  G_OBJECT_CLASS (fanfare_player_bar_parent_class)->dispose (object);
}

static void
fanfare_player_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FanfarePlayerBar *self = FANFARE_PLAYER_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_player_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FanfarePlayerBar *self = FANFARE_PLAYER_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      fanfare_player_bar_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_player_bar_class_init (FanfarePlayerBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_player_bar_dispose;
  object_class->get_property = fanfare_player_bar_get_property;
  object_class->set_property = fanfare_player_bar_set_property;

  /**
   * FanfarePlayerBar:compact:
   *
   * Whether the bar shows only the essentials, for narrow windows.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-player-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, box);
  gtk_widget_class_set_css_name (widget_class, "playerbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fanfare_player_bar_init (FanfarePlayerBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Player"),
                                  -1);
}

/**
 * fanfare_player_bar_get_compact:
 * @self: a #FanfarePlayerBar
 *
 * Returns: whether the bar shows only the essentials
 */
gboolean
fanfare_player_bar_get_compact (FanfarePlayerBar *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER_BAR (self), FALSE);

  return self->compact;
}

/**
 * fanfare_player_bar_set_compact:
 * @self: a #FanfarePlayerBar
 * @compact: whether to show only the essentials
 *
 * Narrow windows hide the seek bar and the secondary buttons.
 */
void
fanfare_player_bar_set_compact (FanfarePlayerBar *self,
                                gboolean          compact)
{
  g_return_if_fail (FANFARE_IS_PLAYER_BAR (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
