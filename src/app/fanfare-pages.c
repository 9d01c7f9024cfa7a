/* fanfare-pages.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* FanfarePages holds the pages of the main window in a stack. The sidebar is
 * built from its pages model, so a page's name, title and icon are written
 * once, in fanfare-pages.ui. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-clubs-page.h"
#include "fanfare-discover-page.h"
#include "fanfare-friends-page.h"
#include "fanfare-identify-page.h"
#include "fanfare-inbox-page.h"
#include "fanfare-library-page.h"
#include "fanfare-pages.h"
#include "fanfare-playlists-page.h"
#include "fanfare-purchased-page.h"
#include "fanfare-studio-page.h"
#include "fanfare-search-page.h"

struct _FanfarePages
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  FanfareDiscoverPage  *discover_page;
  FanfareFriendsPage   *friends_page;
  FanfareInboxPage     *inbox_page;
  FanfarePlaylistsPage *playlists_page;
  FanfareStudioPage    *studio_page;
  FanfareSearchPage    *search_page;
  FanfareLibraryPage   *library_page;
};

G_DEFINE_FINAL_TYPE (FanfarePages, fanfare_pages, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fanfare_pages_visible_child_changed_cb (FanfarePages *self)
{
  g_assert (FANFARE_IS_PAGES (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
fanfare_pages_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PAGES);

  G_OBJECT_CLASS (fanfare_pages_parent_class)->dispose (object);
}

static void
fanfare_pages_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FanfarePages *self = FANFARE_PAGES (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, fanfare_pages_get_visible_page (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, fanfare_pages_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_pages_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FanfarePages *self = FANFARE_PAGES (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      fanfare_pages_set_visible_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_pages_class_init (FanfarePagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_pages_dispose;
  object_class->get_property = fanfare_pages_get_property;
  object_class->set_property = fanfare_pages_set_property;

  /**
   * FanfarePages:visible-page:
   *
   * The name of the page on show, such as "discover" or "library".
   */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfarePages:title:
   *
   * The translated title of the page on show.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FANFARE_TYPE_CLUBS_PAGE);
  g_type_ensure (FANFARE_TYPE_DISCOVER_PAGE);
  g_type_ensure (FANFARE_TYPE_FRIENDS_PAGE);
  g_type_ensure (FANFARE_TYPE_INBOX_PAGE);
  g_type_ensure (FANFARE_TYPE_IDENTIFY_PAGE);
  g_type_ensure (FANFARE_TYPE_LIBRARY_PAGE);
  g_type_ensure (FANFARE_TYPE_PLAYLISTS_PAGE);
  g_type_ensure (FANFARE_TYPE_PURCHASED_PAGE);
  g_type_ensure (FANFARE_TYPE_STUDIO_PAGE);
  g_type_ensure (FANFARE_TYPE_SEARCH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/app/fanfare-pages.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, discover_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, friends_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, inbox_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, playlists_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, studio_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, search_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePages, library_page);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_pages_visible_child_changed_cb);
}

static void
fanfare_pages_init (FanfarePages *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_pages_get_pages:
 * @self: a #FanfarePages
 *
 * Returns: (transfer full) (element-type GtkStackPage): the pages, in order
 */
GListModel *
fanfare_pages_get_pages (FanfarePages *self)
{
  g_return_val_if_fail (FANFARE_IS_PAGES (self), NULL);

  return G_LIST_MODEL (gtk_stack_get_pages (self->stack));
}

/**
 * fanfare_pages_get_visible_page:
 * @self: a #FanfarePages
 *
 * Returns: (nullable): the name of the page on show
 */
const char *
fanfare_pages_get_visible_page (FanfarePages *self)
{
  g_return_val_if_fail (FANFARE_IS_PAGES (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * fanfare_pages_set_visible_page:
 * @self: a #FanfarePages
 * @name: the name of a page
 *
 * Shows the page called @name.
 *
 * Returns: %TRUE if there is such a page
 */
gboolean
fanfare_pages_set_visible_page (FanfarePages *self,
                                const char   *name)
{
  g_return_val_if_fail (FANFARE_IS_PAGES (self), FALSE);

  if (name == NULL || gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, name);

  return TRUE;
}

/**
 * fanfare_pages_get_title:
 * @self: a #FanfarePages
 *
 * Returns: (nullable): the translated title of the page on show
 */
const char *
fanfare_pages_get_title (FanfarePages *self)
{
  GtkWidget *child;

  g_return_val_if_fail (FANFARE_IS_PAGES (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  if (child == NULL)
    return NULL;

  return gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child));
}

/**
 * fanfare_pages_focus_search:
 * @self: a #FanfarePages
 *
 * Shows the search page and puts the keyboard focus in its entry.
 */
void
fanfare_pages_focus_search (FanfarePages *self)
{
  g_return_if_fail (FANFARE_IS_PAGES (self));

  fanfare_pages_set_visible_page (self, "search");
  fanfare_search_page_focus_entry (self->search_page);
}

/**
 * fanfare_pages_set_library:
 * @self: a #FanfarePages
 * @library: the local library, open or still opening
 *
 * Gives the pages that show the library the library to show.
 */
void
fanfare_pages_set_library (FanfarePages   *self,
                           FanfareLibrary *library)
{
  g_return_if_fail (FANFARE_IS_PAGES (self));
  g_return_if_fail (FANFARE_IS_LIBRARY (library));

  fanfare_library_page_set_library (self->library_page, library);
  fanfare_search_page_set_library (self->search_page, library);
}

/**
 * fanfare_pages_set_accounts:
 *
 * Gives the pages that show the platform the accounts to follow.
 */
void
fanfare_pages_set_accounts (FanfarePages          *self,
                            FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_PAGES (self));

  fanfare_discover_page_set_accounts (self->discover_page, accounts);
  fanfare_library_page_set_accounts (self->library_page, accounts);
  fanfare_search_page_set_accounts (self->search_page, accounts);
  fanfare_playlists_page_set_accounts (self->playlists_page, accounts);
  fanfare_friends_page_set_accounts (self->friends_page, accounts);
  fanfare_inbox_page_set_accounts (self->inbox_page, accounts);
  fanfare_studio_page_set_accounts (self->studio_page, accounts);
}

/**
 * fanfare_pages_search:
 *
 * Shows the search page searching for @text.
 */
void
fanfare_pages_search (FanfarePages *self,
                      const char   *text)
{
  g_return_if_fail (FANFARE_IS_PAGES (self));

  fanfare_pages_set_visible_page (self, "search");
  fanfare_search_page_search (self->search_page, text);
}
