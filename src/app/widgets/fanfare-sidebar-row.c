/* fanfare-sidebar-row.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A row of the window's sidebar: the icon and title of one page, both bound
 * to the page in the template. */

#include "config.h"

#include "fanfare-sidebar-row.h"

struct _FanfareSidebarRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkWidget *badge_label;

  /* Owned references */
  GtkStackPage *page;
};

G_DEFINE_FINAL_TYPE (FanfareSidebarRow, fanfare_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
badge_to_visible (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *badge = g_value_get_string (from);

  g_value_set_boolean (to, badge != NULL && *badge != '\0');

  return TRUE;
}

/* A page with a "badge" property, such as the inbox's unread count, shows
 * it in its row. */
static void
bind_badge (FanfareSidebarRow *self)
{
  GtkWidget *child = self->page != NULL ? gtk_stack_page_get_child (self->page) : NULL;

  if (child == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (child), "badge") == NULL)
    return;

  g_object_bind_property (child, "badge", self->badge_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (child, "badge", self->badge_label, "visible", G_BINDING_SYNC_CREATE,
                               badge_to_visible, NULL, NULL, NULL);
}

static void
fanfare_sidebar_row_dispose (GObject *object)
{
  FanfareSidebarRow *self = FANFARE_SIDEBAR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (fanfare_sidebar_row_parent_class)->dispose (object);
}

static void
fanfare_sidebar_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FanfareSidebarRow *self = FANFARE_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_sidebar_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FanfareSidebarRow *self = FANFARE_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      self->page = g_value_dup_object (value);
      bind_badge (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_sidebar_row_class_init (FanfareSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_sidebar_row_dispose;
  object_class->get_property = fanfare_sidebar_row_get_property;
  object_class->set_property = fanfare_sidebar_row_set_property;

  /**
   * FanfareSidebarRow:page:
   *
   * The page that the row stands for.
   */
  properties[PROP_PAGE] =
    g_param_spec_object ("page", NULL, NULL,
                         GTK_TYPE_STACK_PAGE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareSidebarRow, badge_label);
}

static void
fanfare_sidebar_row_init (FanfareSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_sidebar_row_new:
 * @page: the page the row stands for
 *
 * Returns: (transfer floating): a new #FanfareSidebarRow
 */
GtkWidget *
fanfare_sidebar_row_new (GtkStackPage *page)
{
  g_return_val_if_fail (GTK_IS_STACK_PAGE (page), NULL);

  return g_object_new (FANFARE_TYPE_SIDEBAR_ROW,
                       "page", page,
                       NULL);
}

/**
 * fanfare_sidebar_row_get_page:
 * @self: a #FanfareSidebarRow
 *
 * Returns: (transfer none): the page the row stands for
 */
GtkStackPage *
fanfare_sidebar_row_get_page (FanfareSidebarRow *self)
{
  g_return_val_if_fail (FANFARE_IS_SIDEBAR_ROW (self), NULL);

  return self->page;
}

/**
 * fanfare_sidebar_row_get_page_name:
 * @self: a #FanfareSidebarRow
 *
 * Returns: the name of the page the row stands for
 */
const char *
fanfare_sidebar_row_get_page_name (FanfareSidebarRow *self)
{
  g_return_val_if_fail (FANFARE_IS_SIDEBAR_ROW (self), NULL);

  return gtk_stack_page_get_name (self->page);
}
