/* fanfare-playlist-page-entries.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tracks of the playlist page. They arrive a page at a time: the
 * first page shows at once, with the full count in the header, and the
 * rest follow into the same list, which grows and is never rebuilt. The
 * next page is read at once when the user scrolls near the end of those
 * shown, and otherwise only once scrolling has paused, so that reading
 * pages does not take its time from the frames of a scroll. A row is a
 * few inscriptions, which are set, not built, when it shows an entry:
 * unlike labels, they keep their size whatever their text, so that a row
 * bound during a scroll is drawn again without being measured again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-playlist-page-private.h"
#include "fanfare-utils.h"
#include "fanfare-widget-util.h"
#include "fanfare-window.h"

/* Entries a page: enough to fill a tall window many times over. */
#define PAGE_SIZE 100

/* How long scrolling must pause before the next page is read anyway. */
#define QUIET_MS 300

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
row_part (GtkWidget  *row,
          const char *key)
{
  return g_object_get_data (G_OBJECT (row), key);
}

static GtkWidget *
new_inscription (guint  chars)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), chars);

  return inscription;
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
  GtkWidget *title = new_inscription (10);
  GtkWidget *artist = new_inscription (10);
  GtkWidget *duration = new_inscription (5);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (FANFARE_TYPE_PLAYLIST_ENTRY, GDK_ACTION_MOVE);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (duration), 1);
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
  gboolean available = fanfare_playlist_entry_get_available (entry);

  gtk_inscription_set_text (row_part (row, "title"), title != NULL ? title : _("Unavailable Track"));
  gtk_inscription_set_text (row_part (row, "artist"), artist);
  gtk_inscription_set_text (row_part (row, "duration"), duration);
  gtk_widget_set_visible (row_part (row, "handle"), can_edit);
  gtk_widget_set_visible (row_part (row, "remove"), can_edit);
  gtk_event_controller_set_propagation_phase (row_part (row, "drag-source"),
                                              can_edit ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
  gtk_list_item_set_activatable (item, available);

  /* What cannot be played here is dimmed and says why. */
  if (available)
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
  fanfare_widget_set_tooltip (row, available ? NULL
               : track == NULL ? _("Only on the computer of whoever added it")
               : _("No longer available"));
}

static void read_page (FanfarePlaylistPage *self,
                       const char          *cursor);
static void read_more (FanfarePlaylistPage *self);

/* Whether the rows on show are within a few screens of the last one read. */
static gboolean
near_end (FanfarePlaylistPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->entries_list));
  double page;

  if (adjustment == NULL || (page = gtk_adjustment_get_page_size (adjustment)) <= 0)
    return TRUE;

  return gtk_adjustment_get_value (adjustment) + 4 * page >= gtk_adjustment_get_upper (adjustment);
}

static gboolean
quiet_cb (gpointer  data)
{
  FanfarePlaylistPage *self = data;

  self->quiet_id = 0;
  read_more (self);

  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (FanfarePlaylistPage *self)
{
  self->scrolled_at = g_get_monotonic_time ();
  read_more (self);
}

/* Reads the next page now if the user is near the end or not scrolling,
 * or else once scrolling pauses. */
static void
read_more (FanfarePlaylistPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->entries_list));
  gint64 quiet_for = (g_get_monotonic_time () - self->scrolled_at) / 1000;
  g_autofree char *cursor = NULL;

  if (adjustment != NULL && adjustment != self->watched)
    {
      self->watched = adjustment;
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
    }

  /* A page left behind reads no more of it. */
  if (self->next_cursor == NULL || self->page_pending || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  if (!self->play_follows && !near_end (self) && quiet_for < QUIET_MS)
    {
      if (self->quiet_id == 0)
        self->quiet_id = g_timeout_add (QUIET_MS - quiet_for, quiet_cb, self);
      return;
    }

  g_clear_handle_id (&self->quiet_id, g_source_remove);
  cursor = g_steal_pointer (&self->next_cursor);
  read_page (self, cursor);
}

/* Adds the playable tracks among @entries to the end of the queue. */
static void
queue_tracks (GPtrArray *entries)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  for (guint i = 0; i < entries->len; i++)
    if (fanfare_playlist_entry_get_available (entries->pdata[i]))
      g_list_store_append (tracks, fanfare_playlist_entry_get_track (entries->pdata[i]));
  if (FANFARE_IS_APPLICATION (app) && g_list_model_get_n_items (G_LIST_MODEL (tracks)) > 0)
    fanfare_application_play_list (FANFARE_APPLICATION (app), G_LIST_MODEL (tracks), NULL, FANFARE_PLAY_LAST);
}

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
      /* A load given up for another leaves the other's state alone. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->page_pending = FALSE;
      if (first)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        g_debug ("Could not read the rest of a playlist: %s", error->message);
      return;
    }

  self->page_pending = FALSE;

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
  if (self->play_follows)
    queue_tracks (items);

  if (first)
    gtk_stack_set_visible_child_name (self->stack, "content");

  if (next_cursor != NULL)
    {
      self->next_cursor = g_steal_pointer (&next_cursor);
      read_more (self);
      return;
    }

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
  self->page_pending = TRUE;
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
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  self->play_follows = FALSE;
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

/**
 * _fanfare_playlist_page_stop_loading:
 *
 * Gives up the pages still to read, as the page goes away.
 */
void
_fanfare_playlist_page_stop_loading (FanfarePlaylistPage *self)
{
  if (self->pages_cancellable != NULL)
    g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  g_clear_pointer (&self->next_cursor, g_free);
  self->play_follows = FALSE;
}

/**
 * _fanfare_playlist_page_queue_rest:
 *
 * Reads the pages not read yet at once and adds their tracks to the end of
 * the queue, so that playing a long playlist plays all of it.
 */
void
_fanfare_playlist_page_queue_rest (FanfarePlaylistPage *self)
{
  g_assert (FANFARE_IS_PLAYLIST_PAGE (self));

  if (self->next_cursor == NULL && !self->page_pending)
    return;
  self->play_follows = TRUE;
  read_more (self);
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
