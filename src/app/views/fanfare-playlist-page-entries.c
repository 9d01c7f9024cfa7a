/* fanfare-playlist-page-entries.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tracks of the playlist page. They arrive a page at a time: the
 * first page shows at once, with the full count in the header, and the
 * rest follow one page after another into the same list, which grows
 * and is never rebuilt, so that scrolling goes on while they arrive. A
 * row is a few labels that are set, not built, when it shows an entry. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-playlist-page-private.h"
#include "fanfare-utils.h"
#include "fanfare-window.h"

/* Entries a page: enough to fill a tall window many times over. */
#define PAGE_SIZE 100

static void
remove_clicked_cb (GtkButton   *button,
                   GtkListItem *item)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), FANFARE_TYPE_PLAYLIST_PAGE);

  if (page != NULL && gtk_list_item_get_item (item) != NULL)
    fanfare_playlist_page_remove_entry (FANFARE_PLAYLIST_PAGE (page), gtk_list_item_get_position (item));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  FanfarePlaylistEntry *entry = gtk_list_item_get_item (item);

  return entry != NULL ? gdk_content_provider_new_typed (FANFARE_TYPE_PLAYLIST_ENTRY, entry) : NULL;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkWidget *page = gtk_widget_get_ancestor (row, FANFARE_TYPE_PLAYLIST_PAGE);
  FanfarePlaylistEntry *entry = g_value_get_object (value);
  guint from;

  if (page == NULL || !g_list_store_find (FANFARE_PLAYLIST_PAGE (page)->entries, entry, &from))
    return FALSE;
  fanfare_playlist_page_move_entry (FANFARE_PLAYLIST_PAGE (page), from, gtk_list_item_get_position (item));

  return TRUE;
}

static gpointer
row_label (GtkWidget  *row,
           const char *key)
{
  return g_object_get_data (G_OBJECT (row), key);
}

/* A row of the list: a handle to drag it by and a button to remove it,
 * for those who may edit; its title, artist and length. */
static void
setup_entry_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *artist = gtk_label_new (NULL);
  GtkWidget *duration = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (FANFARE_TYPE_PLAYLIST_ENTRY, GDK_ACTION_MOVE);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (artist), 0);
  gtk_label_set_ellipsize (GTK_LABEL (artist), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (artist, "dim-label");
  gtk_widget_add_css_class (artist, "caption");
  gtk_widget_add_css_class (duration, "numeric");
  gtk_widget_add_css_class (duration, "dim-label");
  gtk_widget_set_tooltip_text (remove, _("Remove From Playlist"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), artist);
  gtk_box_append (GTK_BOX (row), handle);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), duration);
  gtk_box_append (GTK_BOX (row), remove);
  g_object_set_data (G_OBJECT (row), "handle", handle);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "artist", artist);
  g_object_set_data (G_OBJECT (row), "duration", duration);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), item);

  /* Those who may edit reorder the tracks by dragging them. */
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  g_object_set_data (G_OBJECT (row), "drag-source", source);

  gtk_list_item_set_child (item, row);
}

static void
bind_entry_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               FanfarePlaylistPage      *self)
{
  FanfarePlaylistEntry *entry = gtk_list_item_get_item (item);
  FanfareTrack *track = fanfare_playlist_entry_get_track (entry);
  const char *title = fanfare_playlist_entry_get_title (entry);
  const char *artist = fanfare_playlist_entry_get_artist (entry);
  GtkWidget *row = gtk_list_item_get_child (item);
  g_autofree char *duration = track != NULL ? fanfare_format_duration (fanfare_track_get_duration (track)) : NULL;
  gboolean can_edit = self->access.can_edit;

  gtk_label_set_label (GTK_LABEL (row_label (row, "title")), title != NULL ? title : _("Unavailable Track"));
  gtk_label_set_label (GTK_LABEL (row_label (row, "artist")), artist != NULL ? artist : "");
  gtk_widget_set_visible (row_label (row, "artist"), artist != NULL);
  gtk_label_set_label (GTK_LABEL (row_label (row, "duration")), duration != NULL ? duration : "");
  gtk_widget_set_visible (row_label (row, "handle"), can_edit);
  gtk_widget_set_visible (row_label (row, "remove"), can_edit);
  gtk_event_controller_set_propagation_phase (row_label (row, "drag-source"),
                                              can_edit ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
  gtk_list_item_set_activatable (item, fanfare_playlist_entry_get_available (entry));
}


static void read_page (FanfarePlaylistPage *self,
                       const char          *cursor);

/* A page of entries: at the end on the first load; on a later one, in
 * place of what was shown, so that the list does not empty meanwhile. */
static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FanfarePlaylistPage) self = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  FanfarePlaylistAccess access = { 0 };
  gboolean first = self->pages_loaded == 0;
  guint shown, start;

  playlist = fanfare_client_list_entries_finish (FANFARE_CLIENT (object), result, &entries, &access, &next_cursor,
                                                 &error);
  if (playlist == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (first)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        g_debug ("Could not read the rest of a playlist: %s", error->message);
      return;
    }

  /* The header is set from the first page; later pages could only redraw
   * it with the same playlist. */
  if (first)
    _fanfare_playlist_page_set_playlist (self, playlist, &access);
  else
    fanfare_playlist_access_clear (&access);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    g_ptr_array_add (items, g_list_model_get_item (entries, i));
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  start = MIN (self->pages_loaded, shown);
  g_list_store_splice (self->entries, start, MIN (items->len, shown - start), items->pdata, items->len);
  self->pages_loaded = start + items->len;

  if (first)
    gtk_stack_set_visible_child_name (self->stack, "content");

  /* A page left behind reads no more of it. */
  if (next_cursor != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      read_page (self, next_cursor);
      return;
    }
  if (next_cursor != NULL)
    return;

  /* The last page: what was shown beyond it is gone from the playlist. */
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  if (shown > self->pages_loaded)
    g_list_store_splice (self->entries, self->pages_loaded, shown - self->pages_loaded, NULL, 0);
  g_clear_object (&self->pages_cancellable);
}

static void
read_page (FanfarePlaylistPage *self,
           const char          *cursor)
{
  fanfare_client_list_entries_async (self->client, self->playlist_id, PAGE_SIZE, cursor, self->pages_cancellable,
                                     page_cb, g_object_ref (self));
}

/**
 * _fanfare_playlist_page_load:
 *
 * Reads the playlist and its entries from the start, a page at a time;
 * a load still under way is given up.
 */
void
_fanfare_playlist_page_load (FanfarePlaylistPage *self)
{
  g_assert (FANFARE_IS_PLAYLIST_PAGE (self));

  if (self->client == NULL)
    return;

  if (self->pages_cancellable != NULL)
    g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  self->pages_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->pages_cancellable, G_CONNECT_SWAPPED);
  self->pages_loaded = 0;
  read_page (self, NULL);
}

/**
 * _fanfare_playlist_page_forget_entry:
 *
 * Removes the entry at @position from the list, keeping the place where
 * the next page goes.
 */
void
_fanfare_playlist_page_forget_entry (FanfarePlaylistPage *self,
                                     guint                position)
{
  g_assert (FANFARE_IS_PLAYLIST_PAGE (self));

  if (position < self->pages_loaded)
    self->pages_loaded--;
  g_list_store_remove (self->entries, position);
}

void
_fanfare_playlist_page_init_entries (FanfarePlaylistPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->entries = g_list_store_new (FANFARE_TYPE_PLAYLIST_ENTRY);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_cb), self);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_entry_cb), self, 0);
  gtk_list_view_set_factory (self->entries_list, factory);
  gtk_list_view_set_model (self->entries_list, GTK_SELECTION_MODEL (selection));
}
