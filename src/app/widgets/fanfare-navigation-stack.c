/* fanfare-navigation-stack.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The content pane's pages, one above the other: the root (the sidebar's
 * pages) and the album, artist and other pages opened from it. A pushed
 * page slides in from the side and slides out when popped; a popped page
 * is dropped once it is out of sight. */

#include "config.h"

#include "fanfare-navigation-stack.h"
#include "fanfare-utils.h"

#define TITLE_KEY "fanfare-navigation-title"

struct _FanfareNavigationStack
{
  GtkWidget parent_instance;

  /* Owned */
  GtkStack  *stack;
  GPtrArray *pages;        /* (element-type GtkWidget) (transfer none): the root first */
  GPtrArray *leaving;      /* (element-type GtkWidget) (transfer none): popped, still sliding */
  char      *root_title;

  /* State */
  guint serial;
};

G_DEFINE_FINAL_TYPE (FanfareNavigationStack, fanfare_navigation_stack, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROOT,
  PROP_ROOT_TITLE,
  PROP_TITLE,
  PROP_DEPTH,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_visible (FanfareNavigationStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
drop_leaving (FanfareNavigationStack *self)
{
  for (guint i = 0; i < self->leaving->len; i++)
    gtk_stack_remove (self->stack, self->leaving->pdata[i]);
  g_ptr_array_set_size (self->leaving, 0);
}

static void
transition_running_cb (FanfareNavigationStack *self)
{
  if (!gtk_stack_get_transition_running (self->stack))
    drop_leaving (self);
}

static void
fanfare_navigation_stack_dispose (GObject *object)
{
  FanfareNavigationStack *self = FANFARE_NAVIGATION_STACK (object);

  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (fanfare_navigation_stack_parent_class)->dispose (object);
}

static void
fanfare_navigation_stack_finalize (GObject *object)
{
  FanfareNavigationStack *self = FANFARE_NAVIGATION_STACK (object);

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->leaving);
  g_free (self->root_title);

  G_OBJECT_CLASS (fanfare_navigation_stack_parent_class)->finalize (object);
}

static void
fanfare_navigation_stack_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  FanfareNavigationStack *self = FANFARE_NAVIGATION_STACK (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, fanfare_navigation_stack_get_root (self));
      break;

    case PROP_ROOT_TITLE:
      g_value_set_string (value, self->root_title);
      break;

    case PROP_TITLE:
      g_value_set_string (value, fanfare_navigation_stack_get_title (self));
      break;

    case PROP_DEPTH:
      g_value_set_uint (value, fanfare_navigation_stack_get_depth (self));
      break;

    case PROP_VISIBLE_PAGE:
      g_value_set_object (value, fanfare_navigation_stack_get_visible_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_navigation_stack_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  FanfareNavigationStack *self = FANFARE_NAVIGATION_STACK (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      fanfare_navigation_stack_set_root (self, g_value_get_object (value));
      break;

    case PROP_ROOT_TITLE:
      if (fanfare_set_str (&self->root_title, g_value_get_string (value)))
        {
          g_object_notify_by_pspec (object, pspec);
          if (self->pages->len <= 1)
            g_object_notify_by_pspec (object, properties[PROP_TITLE]);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_navigation_stack_class_init (FanfareNavigationStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_navigation_stack_dispose;
  object_class->finalize = fanfare_navigation_stack_finalize;
  object_class->get_property = fanfare_navigation_stack_get_property;
  object_class->set_property = fanfare_navigation_stack_set_property;

  /**
   * FanfareNavigationStack:root:
   *
   * The page at the bottom, which is never popped.
   */
  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareNavigationStack:root-title:
   *
   * The title while the root is on show.
   */
  properties[PROP_ROOT_TITLE] =
    g_param_spec_string ("root-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareNavigationStack:title:
   *
   * The title of the page on show, for the header bar.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareNavigationStack:depth:
   *
   * How many pages are above the root.
   */
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareNavigationStack:visible-page:
   *
   * The page on show.
   */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_object ("visible-page", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "navigationstack");
}

static void
fanfare_navigation_stack_init (FanfareNavigationStack *self)
{
  self->pages = g_ptr_array_new ();
  self->leaving = g_ptr_array_new ();
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_duration (self->stack, 200);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::transition-running",
                           G_CALLBACK (transition_running_cb), self, G_CONNECT_SWAPPED);
}

/**
 * fanfare_navigation_stack_get_root:
 * @self: a #FanfareNavigationStack
 *
 * Returns: (transfer none) (nullable): the page at the bottom
 */
GtkWidget *
fanfare_navigation_stack_get_root (FanfareNavigationStack *self)
{
  g_return_val_if_fail (FANFARE_IS_NAVIGATION_STACK (self), NULL);

  return self->pages->len > 0 ? self->pages->pdata[0] : NULL;
}

/**
 * fanfare_navigation_stack_set_root:
 * @self: a #FanfareNavigationStack
 * @root: the page at the bottom
 *
 * Sets the root once; the stack holds nothing else yet.
 */
void
fanfare_navigation_stack_set_root (FanfareNavigationStack *self,
                                   GtkWidget              *root)
{
  g_return_if_fail (FANFARE_IS_NAVIGATION_STACK (self));
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (self->pages->len == 0);

  gtk_stack_add_named (self->stack, root, "root");
  g_ptr_array_add (self->pages, root);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT]);
  notify_visible (self);
}

/**
 * fanfare_navigation_stack_push:
 * @self: a #FanfareNavigationStack
 * @page: (transfer floating): a page to show above the others
 * @title: (nullable): its title, for the header bar
 *
 * Slides @page in over the page on show.
 */
void
fanfare_navigation_stack_push (FanfareNavigationStack *self,
                               GtkWidget              *page,
                               const char             *title)
{
  g_autofree char *name = NULL;

  g_return_if_fail (FANFARE_IS_NAVIGATION_STACK (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (self->pages->len > 0);

  name = g_strdup_printf ("page-%u", ++self->serial);
  g_object_set_data_full (G_OBJECT (page), TITLE_KEY, g_strdup (title), g_free);
  gtk_stack_add_named (self->stack, page, name);
  g_ptr_array_add (self->pages, page);

  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT);
  gtk_stack_set_visible_child (self->stack, page);
  notify_visible (self);
}

/**
 * fanfare_navigation_stack_pop:
 * @self: a #FanfareNavigationStack
 *
 * Slides the page on top out, back to the one below.
 *
 * Returns: %FALSE when only the root was on show
 */
gboolean
fanfare_navigation_stack_pop (FanfareNavigationStack *self)
{
  GtkWidget *page;

  g_return_val_if_fail (FANFARE_IS_NAVIGATION_STACK (self), FALSE);

  if (self->pages->len <= 1)
    return FALSE;

  page = g_ptr_array_steal_index (self->pages, self->pages->len - 1);
  g_ptr_array_add (self->leaving, page);

  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child (self->stack, self->pages->pdata[self->pages->len - 1]);
  if (!gtk_stack_get_transition_running (self->stack))
    drop_leaving (self);
  notify_visible (self);

  return TRUE;
}

/**
 * fanfare_navigation_stack_pop_to_root:
 * @self: a #FanfareNavigationStack
 *
 * Shows the root at once, dropping every page above it.
 */
void
fanfare_navigation_stack_pop_to_root (FanfareNavigationStack *self)
{
  g_return_if_fail (FANFARE_IS_NAVIGATION_STACK (self));

  if (self->pages->len <= 1)
    return;

  while (self->pages->len > 1)
    g_ptr_array_add (self->leaving, g_ptr_array_steal_index (self->pages, self->pages->len - 1));

  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child (self->stack, self->pages->pdata[0]);
  drop_leaving (self);
  notify_visible (self);
}

/**
 * fanfare_navigation_stack_get_depth:
 * @self: a #FanfareNavigationStack
 *
 * Returns: how many pages are above the root
 */
guint
fanfare_navigation_stack_get_depth (FanfareNavigationStack *self)
{
  g_return_val_if_fail (FANFARE_IS_NAVIGATION_STACK (self), 0);

  return self->pages->len > 0 ? self->pages->len - 1 : 0;
}

/**
 * fanfare_navigation_stack_get_visible_page:
 * @self: a #FanfareNavigationStack
 *
 * Returns: (transfer none) (nullable): the page on show
 */
GtkWidget *
fanfare_navigation_stack_get_visible_page (FanfareNavigationStack *self)
{
  g_return_val_if_fail (FANFARE_IS_NAVIGATION_STACK (self), NULL);

  return self->pages->len > 0 ? self->pages->pdata[self->pages->len - 1] : NULL;
}

/**
 * fanfare_navigation_stack_get_title:
 * @self: a #FanfareNavigationStack
 *
 * Returns: (nullable): the title of the page on show
 */
const char *
fanfare_navigation_stack_get_title (FanfareNavigationStack *self)
{
  g_return_val_if_fail (FANFARE_IS_NAVIGATION_STACK (self), NULL);

  if (self->pages->len <= 1)
    return self->root_title;

  return g_object_get_data (self->pages->pdata[self->pages->len - 1], TITLE_KEY);
}
