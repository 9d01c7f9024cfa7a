/* fanfare-purchased-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Purchased Albums: every album the user owns, bought or given, with
 * its nameplate ("No. 1,234") and whether the nameplate verified with the
 * server's key; a row opens the album, where it plays. Read again each
 * time the page is shown. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-album-download.h"
#include "fanfare-application.h"
#include "fanfare-client-store.h"
#include "fanfare-gift-dialog.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-navigate.h"
#include "fanfare-purchased-page.h"
#include "fanfare-window.h"

struct _FanfarePurchasedPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkListBox *list;

  /* Owned references */
  GCancellable *cancellable;
  GPtrArray    *purchases;  /* FanfareClientPurchase, in the list's order */
  char         *key;        /* the server's nameplate key */
  GHashTable   *downloads;  /* album id → FanfareAlbumDownload */
  FanfareGift  *gift;       /* the last gift, until answered */

  /* State */
  guint n_verified;
};

G_DEFINE_FINAL_TYPE (FanfarePurchasedPage, fanfare_purchased_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (void)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;

  return client != NULL && fanfare_client_get_signed_in (client) ? client : NULL;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             const char *album_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", album_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

/* Play, Download, and the download's progress while it runs. */
static void
add_album_buttons (FanfarePurchasedPage *self,
                   GtkWidget            *row,
                   const char           *album_id)
{
  FanfareAlbumDownload *download = g_hash_table_lookup (self->downloads, album_id);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_visible (bar, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Download progress"), -1);
  if (download != NULL)
    {
      g_object_bind_property (download, "fraction", bar, "fraction", G_BINDING_SYNC_CREATE);
      g_object_bind_property (download, "finished", bar, "visible",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("media-playback-start-symbolic", _("Play"), "purchased.play", album_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("folder-download-symbolic", _("Download…"), "purchased.download",
                                          album_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("fanfare-gift-symbolic", _("Give as Gift…"), "purchased.give", album_id));
}

static GtkWidget *
create_row (FanfarePurchasedPage  *self,
            FanfareClientPurchase *purchase)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *plate;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_album_get_title (purchase->album));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The nameplate beside it shows the serial number. */
  if (purchase->from != NULL)
    /* Translators: the artist and who gave the album */
    subtitle = g_strdup_printf (_("%s · a gift from %s"), fanfare_album_get_artist (purchase->album), purchase->from);
  else
    subtitle = g_strdup (fanfare_album_get_artist (purchase->album));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  add_album_buttons (self, row, fanfare_album_get_id (purchase->album));
  if (purchase->nameplate == NULL)
    return row;

  plate = fanfare_nameplate_view_new (purchase->nameplate, self->key);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), plate);
  self->n_verified += fanfare_nameplate_view_get_verified (FANFARE_NAMEPLATE_VIEW (plate));

  return row;
}

static void
show (FanfarePurchasedPage *self,
      GPtrArray            *purchases)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->purchases, g_ptr_array_unref);
  self->purchases = purchases != NULL ? g_ptr_array_ref (purchases) : NULL;
  self->n_verified = 0;

  for (guint i = 0; purchases != NULL && i < purchases->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (purchases, i)));

  gtk_stack_set_visible_child_name (self->stack, purchases != NULL && purchases->len > 0 ? "albums" : "empty");
}

static void
purchases_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FanfarePurchasedPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) purchases = fanfare_client_list_purchases_finish (FANFARE_CLIENT (object), result, &error);

  if (purchases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the purchased albums: %s", error->message);
      return;
    }

  show (self, purchases);
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(FanfarePurchasedPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key = fanfare_client_get_store_key_finish (FANFARE_CLIENT (object), result, &error);

  if (key == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the key, nameplates show as not verified. */
  g_free (self->key);
  self->key = key;
  fanfare_client_list_purchases_async (FANFARE_CLIENT (object), self->cancellable, purchases_cb, g_object_ref (self));
}

/**
 * fanfare_purchased_page_reload:
 *
 * Reads the purchased albums again.
 */
void
fanfare_purchased_page_reload (FanfarePurchasedPage *self)
{
  FanfareClient *client = get_client ();

  g_return_if_fail (FANFARE_IS_PURCHASED_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (client == NULL)
    {
      show (self, NULL);
      return;
    }

  if (self->key == NULL)
    fanfare_client_get_store_key_async (client, self->cancellable, key_cb, g_object_ref (self));
  else
    fanfare_client_list_purchases_async (client, self->cancellable, purchases_cb, g_object_ref (self));
}

static void
download_finished_cb (FanfarePurchasedPage *self,
                      GParamSpec           *pspec,
                      FanfareAlbumDownload *download)
{
  const GError *error = fanfare_album_download_get_error (download);

  if (!fanfare_album_download_get_finished (download) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_debug ("Could not download an album: %s", error->message);
      /* Translators: why a download stopped; downloading again resumes it */
      fanfare_window_toast_from (GTK_WIDGET (self), _("The download stopped; download again to resume it"));
    }
  else
    fanfare_window_toast_from (GTK_WIDGET (self), _("Album downloaded"));
}

static void
download_tracks_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfarePurchasedPage *self = g_task_get_source_object (task);
  GFile *folder = g_task_get_task_data (task);
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAlbumDownload) download = NULL;
  g_autoptr(GPtrArray) purchases = NULL;

  album = fanfare_client_get_album_finish (FANFARE_CLIENT (object), result, &tracks, &error);
  if (album == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_window_toast_from (GTK_WIDGET (self), error->message);
      return;
    }

  download = fanfare_album_download_new (FANFARE_CLIENT (object), tracks, folder);
  g_signal_connect_object (download, "notify::finished", G_CALLBACK (download_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_replace (self->downloads, g_strdup (fanfare_album_get_id (album)), g_object_ref (download));
  fanfare_album_download_start (download);

  /* The rows again, now with the download's progress. */
  purchases = self->purchases != NULL ? g_ptr_array_ref (self->purchases) : NULL;
  show (self, purchases);
}

/**
 * fanfare_purchased_page_download_to:
 * @folder: where the album's files go
 *
 * Downloads the album the user owns into @folder, resuming what an earlier
 * download of it left there.
 */
void
fanfare_purchased_page_download_to (FanfarePurchasedPage *self,
                                    const char           *album_id,
                                    GFile                *folder)
{
  FanfareClient *client = get_client ();
  FanfareAlbumDownload *running = g_hash_table_lookup (self->downloads, album_id);
  GTask *task;

  g_return_if_fail (FANFARE_IS_PURCHASED_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (client == NULL || (running != NULL && !fanfare_album_download_get_finished (running)))
    return;

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  fanfare_client_get_album_async (client, album_id, self->cancellable, download_tracks_cb, task);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree char *album_id = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);
  GtkWidget *page = g_object_get_data (object, "fanfare-page");

  if (folder != NULL && page != NULL)
    fanfare_purchased_page_download_to (FANFARE_PURCHASED_PAGE (page), album_id, folder);
}

#else
static void
folder_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autofree char *album_id = user_data;
  GtkWidget *page = g_object_get_data (G_OBJECT (chooser), "fanfare-page");

  if (response == GTK_RESPONSE_ACCEPT && page != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      fanfare_purchased_page_download_to (FANFARE_PURCHASED_PAGE (page), album_id, folder);
    }

  g_object_unref (chooser);
}
#endif

static void
download_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  char *album_id = g_variant_dup_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Download Album To"));
  g_object_set_data_full (G_OBJECT (dialog), "fanfare-page", g_object_ref (widget), g_object_unref);
  gtk_file_dialog_select_folder (dialog, parent, NULL, folder_chosen_cb, album_id);
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Download Album To"), parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Download"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "fanfare-page", g_object_ref (widget), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_response_cb), album_id);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
#endif
}

static void
give_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfarePurchasedPage *self = FANFARE_PURCHASED_PAGE (widget);
  FanfareClient *client = get_client ();
  const char *album_id = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (client == NULL || !GTK_IS_WINDOW (root))
    return;

  for (guint i = 0; self->purchases != NULL && i < self->purchases->len; i++)
    {
      FanfareClientPurchase *purchase = g_ptr_array_index (self->purchases, i);

      if (g_strcmp0 (fanfare_album_get_id (purchase->album), album_id) == 0)
        gtk_window_present (GTK_WINDOW (fanfare_gift_dialog_new (GTK_WINDOW (root), client, self->gift, album_id,
                                                                 fanfare_album_get_title (purchase->album))));
    }
}

/* The whole album, from its first track. */
static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fanfare_play_album (widget, g_variant_get_string (parameter, NULL), FANFARE_PURCHASED_PAGE (widget)->cancellable);
}

static void
fanfare_purchased_page_row_activated_cb (FanfarePurchasedPage *self,
                                         GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);
  FanfareClientPurchase *purchase;

  if (self->purchases == NULL || index < 0 || (guint) index >= self->purchases->len)
    return;

  purchase = g_ptr_array_index (self->purchases, index);
  fanfare_navigate_album (GTK_WIDGET (self), purchase->album);
}

static void
fanfare_purchased_page_dispose (GObject *object)
{
  FanfarePurchasedPage *self = FANFARE_PURCHASED_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PURCHASED_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->purchases, g_ptr_array_unref);
  if (self->downloads != NULL)
    {
      GHashTableIter iter;
      gpointer download;

      g_hash_table_iter_init (&iter, self->downloads);
      while (g_hash_table_iter_next (&iter, NULL, &download))
        fanfare_album_download_cancel (download);
      g_clear_pointer (&self->downloads, g_hash_table_unref);
    }

  G_OBJECT_CLASS (fanfare_purchased_page_parent_class)->dispose (object);
}

static void
fanfare_purchased_page_finalize (GObject *object)
{
  FanfarePurchasedPage *self = FANFARE_PURCHASED_PAGE (object);

  g_free (self->key);
  fanfare_gift_free (self->gift);

  G_OBJECT_CLASS (fanfare_purchased_page_parent_class)->finalize (object);
}

static void
fanfare_purchased_page_class_init (FanfarePurchasedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_purchased_page_dispose;
  object_class->finalize = fanfare_purchased_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-purchased-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePurchasedPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfarePurchasedPage, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_purchased_page_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "purchased.play", "s", play_action);
  gtk_widget_class_install_action (widget_class, "purchased.download", "s", download_action);
  gtk_widget_class_install_action (widget_class, "purchased.give", "s", give_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_purchased_page_init (FanfarePurchasedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->gift = fanfare_gift_new ();
  self->downloads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_signal_connect (self, "map", G_CALLBACK (fanfare_purchased_page_reload), NULL);
}

guint
fanfare_purchased_page_get_n_albums (FanfarePurchasedPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PURCHASED_PAGE (self), 0);

  return self->purchases != NULL ? self->purchases->len : 0;
}

guint
fanfare_purchased_page_get_n_verified (FanfarePurchasedPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PURCHASED_PAGE (self), 0);

  return self->n_verified;
}

/* The album's download, if one started. */
FanfareAlbumDownload *
fanfare_purchased_page_get_download (FanfarePurchasedPage *self,
                                     const char           *album_id)
{
  g_return_val_if_fail (FANFARE_IS_PURCHASED_PAGE (self), NULL);

  return g_hash_table_lookup (self->downloads, album_id);
}
