/* fanfare-discover-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Discover page shows what the server has for the user: their picks of
 * the day, each saying why, and their radio; the week's hot tracks; the
 * playlists of influencers and musicians; new releases, those of the last
 * month most listened to first, then the newest albums. It loads them
 * when a server is chosen, when the user signs in, when the server can be
 * reached again and whenever it is shown. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-tile.h"
#include "fanfare-application.h"
#include "fanfare-cover-image.h"
#include "fanfare-continue-listening.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigate.h"
#include "fanfare-utils.h"

#define N_NEW_RELEASES 24
#define N_PICKS        8
#define N_CHART        10
#define N_FEATURED     12
#define TILE_SIZE      160

struct _FanfareDiscoverPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack                 *stack;
  GtkFlowBox               *new_releases_box;
  GtkListBox               *picks_list;
  GtkListBox               *chart_list;
  GtkFlowBox               *featured_box;
  AdwStatusPage            *error_page;
  FanfareContinueListening *continue_listening;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GListStore            *new_releases;
  GListStore            *picks;
  GListStore            *chart;
  GListStore            *featured;
  GListModel            *charted_albums; /* the chart's new releases */
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareDiscoverPage, fanfare_discover_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (FanfareDiscoverPage * self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

/* The chart's new releases first, then the newest albums not among them. */
static GListModel *
merge_new_releases (GListModel *charted,
                    GListModel *newest)
{
  GListStore *merged = g_list_store_new (FANFARE_TYPE_ALBUM);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *lists[] = { charted, newest };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(FanfareAlbum) album = g_list_model_get_item (lists[l], i);

        if (g_hash_table_add (ids, g_strdup (fanfare_album_get_id (album))))
          g_list_store_append (merged, album);
      }

  return G_LIST_MODEL (merged);
}

static JsonNode *
json_of (gpointer  item)
{
  if (FANFARE_IS_ALBUM (item))
    return fanfare_album_to_json (item);
  if (FANFARE_IS_TRACK (item))
    return fanfare_track_to_json (item);
  if (FANFARE_IS_PLAYLIST (item))
    return fanfare_playlist_to_json (item);

  return NULL;
}

/* Whether the server said the same of a place of a list as before: then
 * its tile or row stays as it is, and so does its cover, when the page is
 * shown again. */
static gboolean
same_item (gconstpointer  a,
           gconstpointer  b)
{
  gpointer x = (gpointer) a;
  gpointer y = (gpointer) b;
  g_autoptr(JsonNode) json_x = NULL;
  g_autoptr(JsonNode) json_y = NULL;

  if (G_OBJECT_TYPE (x) != G_OBJECT_TYPE (y))
    return FALSE;

  if (FANFARE_IS_CHART_ITEM (x))
    return fanfare_chart_item_get_listeners (x) == fanfare_chart_item_get_listeners (y) &&
           same_item (fanfare_chart_item_get_item (x), fanfare_chart_item_get_item (y));
  if (FANFARE_IS_PICK (x))
    return fanfare_pick_get_reason (x) == fanfare_pick_get_reason (y) &&
           g_strcmp0 (fanfare_pick_get_reason_title (x), fanfare_pick_get_reason_title (y)) == 0 &&
           same_item (fanfare_pick_get_track (x), fanfare_pick_get_track (y));

  json_x = json_of (x);
  json_y = json_of (y);

  return json_x != NULL && json_y != NULL && json_node_equal (json_x, json_y);
}

static void
new_releases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareDiscoverPage) self = user_data;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GListModel) merged = NULL;
  g_autoptr(GError) error = NULL;

  albums = fanfare_client_list_new_releases_finish (FANFARE_CLIENT (object), result, &error);
  if (albums == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Offline, the banner says so and what was shown stays. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->new_releases)) == 0)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  merged = merge_new_releases (self->charted_albums, albums);
  fanfare_list_store_update (self->new_releases, merged, N_NEW_RELEASES, same_item);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (merged) > 0 ? "content" : "empty");
}

static void
chart_albums_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareDiscoverPage) self = user_data;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *albums = g_list_store_new (FANFARE_TYPE_ALBUM);

  items = fanfare_client_list_finish (FANFARE_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (albums);
      return;
    }
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FanfareChartItem) item = g_list_model_get_item (items, i);

      if (FANFARE_IS_ALBUM (fanfare_chart_item_get_item (item)))
        g_list_store_append (albums, fanfare_chart_item_get_item (item));
    }
  g_clear_object (&self->charted_albums);
  self->charted_albums = G_LIST_MODEL (albums);

  fanfare_client_list_new_releases_async (FANFARE_CLIENT (object), N_NEW_RELEASES, self->cancellable,
                                          new_releases_cb, g_object_ref (self));
}

/* A section without anything to show is hidden, with its heading. */
static void
show_section (GtkWidget *list,
              gboolean   shown)
{
  GtkWidget *heading = gtk_widget_get_prev_sibling (list);

  gtk_widget_set_visible (list, shown);
  if (GTK_IS_LABEL (heading))
    gtk_widget_set_visible (heading, shown);
}

/* Cancelled: the page loads again, or is gone with its widgets. */
static gboolean
answer_is_stale (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
picks_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareDiscoverPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = fanfare_client_list_finish (FANFARE_CLIENT (object), result, &error);

  if (answer_is_stale (error))
    return;
  if (items != NULL)
    fanfare_list_store_update (self->picks, items, N_PICKS, same_item);
  gtk_widget_set_visible (GTK_WIDGET (self->picks_list), g_list_model_get_n_items (G_LIST_MODEL (self->picks)) > 0);
}

static void
chart_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareDiscoverPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = fanfare_client_list_finish (FANFARE_CLIENT (object), result, &error);

  if (answer_is_stale (error))
    return;
  if (items != NULL)
    fanfare_list_store_update (self->chart, items, N_CHART, same_item);
  show_section (GTK_WIDGET (self->chart_list), g_list_model_get_n_items (G_LIST_MODEL (self->chart)) > 0);
}

static void
featured_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareDiscoverPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = fanfare_client_list_playlists_finish (FANFARE_CLIENT (object), result, &error);

  if (answer_is_stale (error))
    return;
  if (items != NULL)
    fanfare_list_store_update (self->featured, items, N_FEATURED, same_item);
  show_section (GTK_WIDGET (self->featured_box), g_list_model_get_n_items (G_LIST_MODEL (self->featured)) > 0);
}

static void
reload (FanfareDiscoverPage *self)
{
  FanfareClient *client = get_client (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (client == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }
  if (!fanfare_client_get_online (client))
    return;

  self->cancellable = g_cancellable_new ();
  fanfare_client_list_chart_albums_async (client, N_NEW_RELEASES, self->cancellable, chart_albums_cb,
                                          g_object_ref (self));
  fanfare_client_list_chart_tracks_async (client, N_CHART, self->cancellable, chart_cb, g_object_ref (self));
  fanfare_client_list_featured_playlists_async (client, N_FEATURED, self->cancellable,
                                                featured_cb, g_object_ref (self));
  fanfare_continue_listening_reload (self->continue_listening, client);
  if (fanfare_client_get_signed_in (client))
    fanfare_client_list_daily_picks_async (client, self->cancellable, picks_cb, g_object_ref (self));
  else
    g_list_store_remove_all (self->picks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discover.play-radio", fanfare_client_get_signed_in (client));
}

static void
client_changed_cb (FanfareDiscoverPage *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  reload (self);
}

static void
fanfare_discover_page_child_activated_cb (FanfareDiscoverPage *self,
                                          GtkFlowBoxChild     *child)
{
  GtkWidget *tile = gtk_flow_box_child_get_child (child);

  if (FANFARE_IS_ALBUM_TILE (tile))
    fanfare_navigate_album (GTK_WIDGET (self), fanfare_album_tile_get_album (FANFARE_ALBUM_TILE (tile)));
}

static FanfareApplication *
get_application (FanfareDiscoverPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? FANFARE_APPLICATION (app) : NULL;
}

/* A row plays the tracks of its list from its own. */
static void
play_from (FanfareDiscoverPage *self,
           GListModel          *items,
           guint                position)
{
  FanfareApplication *app = get_application (self);
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(FanfareTrack) first = NULL;

  if (app == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gpointer track = FANFARE_IS_PICK (item) ? (gpointer) fanfare_pick_get_track (FANFARE_PICK (item))
                                              : fanfare_chart_item_get_item (FANFARE_CHART_ITEM (item));

      g_list_store_append (tracks, track);
    }
  first = g_list_model_get_item (G_LIST_MODEL (tracks), position);
  fanfare_application_play_list (app, G_LIST_MODEL (tracks), first, FANFARE_PLAY_NOW);
}

static void
fanfare_discover_page_pick_activated_cb (FanfareDiscoverPage *self,
                                         GtkListBoxRow       *row)
{
  play_from (self, G_LIST_MODEL (self->picks), gtk_list_box_row_get_index (row));
}

static void
fanfare_discover_page_chart_activated_cb (FanfareDiscoverPage *self,
                                          GtkListBoxRow       *row)
{
  play_from (self, G_LIST_MODEL (self->chart), gtk_list_box_row_get_index (row));
}

static void
fanfare_discover_page_playlist_activated_cb (FanfareDiscoverPage *self,
                                             GtkFlowBoxChild     *child)
{
  FanfarePlaylist *playlist = g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (child)), "playlist");

  if (playlist != NULL)
    fanfare_navigate_playlist (GTK_WIDGET (self), fanfare_playlist_get_id (playlist));
}

static void
play_radio_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FanfareApplication *app = get_application (FANFARE_DISCOVER_PAGE (widget));

  if (app != NULL)
    fanfare_application_play_radio (app);
}

static GtkWidget *
create_track_row (FanfareTrack *track,
                  const char   *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_track_get_title (track));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("media-playback-start-symbolic"));

  return row;
}

static GtkWidget *
create_pick_row (gpointer  item,
                 gpointer  user_data)
{
  FanfareTrack *track = fanfare_pick_get_track (item);
  g_autofree char *reason = fanfare_pick_dup_reason_text (item);
  g_autofree char *subtitle = NULL;

  if (fanfare_track_get_artist (track) != NULL)
    /* Translators: an artist, then why the track was picked for the user */
    subtitle = g_strdup_printf (_("%s · %s"), fanfare_track_get_artist (track), reason);

  return create_track_row (track, subtitle != NULL ? subtitle : reason);
}

static GtkWidget *
create_chart_row (gpointer  item,
                  gpointer  user_data)
{
  FanfareTrack *track = fanfare_chart_item_get_item (item);
  guint listeners = fanfare_chart_item_get_listeners (item);
  g_autofree char *count = g_strdup_printf (ngettext ("%u listener", "%u listeners", listeners), listeners);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *rank;
  g_autofree char *rank_text = NULL;
  guint position = 0;

  if (fanfare_track_get_artist (track) != NULL)
    /* Translators: an artist, then how many listeners played the track this week */
    subtitle = g_strdup_printf (_("%s · %s"), fanfare_track_get_artist (track), count);
  row = create_track_row (track, subtitle != NULL ? subtitle : count);
  g_list_store_find (user_data, item, &position);
  rank = gtk_label_new (NULL);
  rank_text = g_strdup_printf ("%u", position + 1);
  gtk_label_set_label (GTK_LABEL (rank), rank_text);
  gtk_widget_add_css_class (rank, "title-4");
  gtk_widget_set_size_request (rank, 28, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank);

  return row;
}

static GtkWidget *
create_playlist_tile (gpointer  item,
                      gpointer  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cover = fanfare_cover_image_new ();
  GtkWidget *title = gtk_label_new (fanfare_playlist_get_title (item));
  GtkWidget *owner = gtk_label_new (fanfare_playlist_get_owner_name (item) != NULL ?
                                    fanfare_playlist_get_owner_name (item) : fanfare_playlist_get_owner (item));

  fanfare_cover_image_set_size (FANFARE_COVER_IMAGE (cover), TILE_SIZE);
  fanfare_cover_image_set_uri (FANFARE_COVER_IMAGE (cover), fanfare_playlist_get_cover_uri (item));
  gtk_widget_set_halign (cover, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = GTK_LABEL (i == 0 ? title : owner);

      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (label, 18);
      gtk_label_set_xalign (label, 0);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (owner, "dim-label");
  gtk_box_append (GTK_BOX (box), cover);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), owner);
  gtk_widget_set_tooltip_text (box, fanfare_playlist_get_title (item));
  g_object_set_data_full (G_OBJECT (box), "playlist", g_object_ref (item), g_object_unref);

  return box;
}

static void
fanfare_discover_page_dispose (GObject *object)
{
  FanfareDiscoverPage *self = FANFARE_DISCOVER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_DISCOVER_PAGE);
  g_clear_object (&self->new_releases);
  g_clear_object (&self->picks);
  g_clear_object (&self->chart);
  g_clear_object (&self->featured);
  g_clear_object (&self->charted_albums);

  G_OBJECT_CLASS (fanfare_discover_page_parent_class)->dispose (object);
}

static void
fanfare_discover_page_class_init (FanfareDiscoverPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_discover_page_dispose;

  g_type_ensure (FANFARE_TYPE_CONTINUE_LISTENING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-discover-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, new_releases_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, continue_listening);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, picks_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, chart_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, featured_box);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_discover_page_child_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_discover_page_pick_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_discover_page_chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_discover_page_playlist_activated_cb);
  gtk_widget_class_install_action (widget_class, "discover.play-radio", NULL, play_radio_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_discover_page_init (FanfareDiscoverPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->new_releases = g_list_store_new (FANFARE_TYPE_ALBUM);
  gtk_flow_box_bind_model (self->new_releases_box, G_LIST_MODEL (self->new_releases),
                           fanfare_album_tile_new_for_album, NULL, NULL);
  self->picks = g_list_store_new (FANFARE_TYPE_PICK);
  gtk_list_box_bind_model (self->picks_list, G_LIST_MODEL (self->picks), create_pick_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->picks_list), FALSE);
  self->chart = g_list_store_new (FANFARE_TYPE_CHART_ITEM);
  gtk_list_box_bind_model (self->chart_list, G_LIST_MODEL (self->chart), create_chart_row, self->chart, NULL);
  show_section (GTK_WIDGET (self->chart_list), FALSE);
  self->featured = g_list_store_new (FANFARE_TYPE_PLAYLIST);
  gtk_flow_box_bind_model (self->featured_box, G_LIST_MODEL (self->featured), create_playlist_tile, NULL, NULL);
  show_section (GTK_WIDGET (self->featured_box), FALSE);
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (reload), self);
  /* Shown again, it shows what was published meanwhile. */
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
}

void
fanfare_discover_page_set_accounts (FanfareDiscoverPage   *self,
                                    FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_DISCOVER_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/**
 * fanfare_discover_page_get_new_releases:
 *
 * Returns: (transfer none): the albums on show, newest first
 */
GListModel *
fanfare_discover_page_get_new_releases (FanfareDiscoverPage *self)
{
  g_return_val_if_fail (FANFARE_IS_DISCOVER_PAGE (self), NULL);

  return G_LIST_MODEL (self->new_releases);
}

/**
 * fanfare_discover_page_get_picks:
 *
 * Returns: (transfer none): the #FanfarePick objects on show
 */
GListModel *
fanfare_discover_page_get_picks (FanfareDiscoverPage *self)
{
  g_return_val_if_fail (FANFARE_IS_DISCOVER_PAGE (self), NULL);

  return G_LIST_MODEL (self->picks);
}

/**
 * fanfare_discover_page_get_chart:
 *
 * Returns: (transfer none): the #FanfareChartItem objects of the week
 */
GListModel *
fanfare_discover_page_get_chart (FanfareDiscoverPage *self)
{
  g_return_val_if_fail (FANFARE_IS_DISCOVER_PAGE (self), NULL);

  return G_LIST_MODEL (self->chart);
}

/**
 * fanfare_discover_page_get_featured:
 *
 * Returns: (transfer none): the featured #FanfarePlaylist objects
 */
GListModel *
fanfare_discover_page_get_featured (FanfareDiscoverPage *self)
{
  g_return_val_if_fail (FANFARE_IS_DISCOVER_PAGE (self), NULL);

  return G_LIST_MODEL (self->featured);
}
