/* fanfare-playlist-page-entries.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tracks of the playlist page. The list holds the whole playlist
 * from its first page on, so that its scrollbar is the playlist's from the
 * first frame: the entries not read yet are a placeholder, an empty row of
 * the same height. Pages are read by where they start: the one that
 * covers what the user sees as soon as they see an empty row, and the
 * others one after another only once scrolling has paused, so that
 * reading pages does not take its time from the frames of a scroll. Each
 * replaces its placeholders in place. A row is a few inscriptions, which
 * are set, not built, when it shows an entry: unlike labels, they keep
 * their size whatever their text, so that a row bound during a scroll is
 * drawn again without being measured again. */

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

/* An entry not read yet: one object each, as a list view tells its items
 * apart by who they are; the entries read all have an id. */
static FanfarePlaylistEntry *
new_placeholder (void)
{
  return g_object_new (FANFARE_TYPE_PLAYLIST_ENTRY, NULL);
}

static gboolean
is_placeholder (FanfarePlaylistEntry *entry)
{
  return entry != NULL && fanfare_playlist_entry_get_id (entry) == NULL;
}

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
  GtkWidget *page = gtk_widget_get_ancestor (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)),
                                             FANFARE_TYPE_PLAYLIST_PAGE);

  if (page == NULL || _fanfare_playlist_page_is_placeholder (FANFARE_PLAYLIST_PAGE (page), entry))
    return NULL;

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
  gboolean can_edit = self->access.can_edit && !is_placeholder (entry);
  gboolean available = fanfare_playlist_entry_get_available (entry);

  /* An entry not read yet is an empty row, neither dimmed nor explained. */
  if (is_placeholder (entry))
    {
      title = "";
      available = TRUE;
    }

  gtk_inscription_set_text (row_part (row, "title"), title != NULL ? title : _("Unavailable Track"));
  gtk_inscription_set_text (row_part (row, "artist"), artist);
  gtk_inscription_set_text (row_part (row, "duration"), duration);
  gtk_widget_set_visible (row_part (row, "handle"), can_edit);
  gtk_widget_set_visible (row_part (row, "remove"), can_edit);
  gtk_event_controller_set_propagation_phase (row_part (row, "drag-source"),
                                              can_edit ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
  gtk_list_item_set_activatable (item, available && !is_placeholder (entry));

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
                       guint                offset);
static void read_more (FanfarePlaylistPage *self);

#define NONE G_MAXUINT

gboolean
_fanfare_playlist_page_is_placeholder (FanfarePlaylistPage  *self,
                                       FanfarePlaylistEntry *entry)
{
  return is_placeholder (entry);
}

/* The first position from @from, before @to, that holds an entry not
 * read yet, or NONE. */
static guint
find_placeholder (FanfarePlaylistPage *self,
                  guint                from,
                  guint                to)
{
  to = MIN (to, g_list_model_get_n_items (G_LIST_MODEL (self->entries)));
  for (guint i = from; self->n_placeholders > 0 && i < to; i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (is_placeholder (entry))
        return i;
    }

  return NONE;
}

/* The positions of the rows on show, and a screen more either side:
 * every row is as tall as the others. */
static void
visible_range (FanfarePlaylistPage *self,
               guint               *first,
               guint               *last)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->entries_list));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  double upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;
  double value, page, row;

  if (upper <= 0 || n == 0)
    {
      *first = 0;
      *last = MIN (n, PAGE_SIZE);
      return;
    }
  row = upper / n;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  *first = (guint) MAX (0, (value - page) / row);
  *last = MIN (n, (guint) ((value + 2 * page) / row) + 1);
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

/* Reads the page that covers an empty row on show, or the next one the
 * queue waits for, at once; the others one after another once scrolling
 * pauses. */
static void
read_more (FanfarePlaylistPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->entries_list));
  gint64 quiet_for = (g_get_monotonic_time () - self->scrolled_at) / 1000;
  guint first, last, target;

  if (adjustment != NULL && adjustment != self->watched)
    {
      self->watched = adjustment;
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
    }

  /* A page left behind reads no more of it. */
  if (self->n_placeholders == 0 || self->page_pending || self->first_pending ||
      self->pages_cancellable == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  visible_range (self, &first, &last);
  target = self->play_follows ? find_placeholder (self, self->queued_upto, G_MAXUINT) : NONE;
  if (target == NONE)
    target = find_placeholder (self, first, last);
  if (target == NONE && quiet_for < QUIET_MS)
    {
      if (self->quiet_id == 0)
        self->quiet_id = g_timeout_add (QUIET_MS - quiet_for, quiet_cb, self);
      return;
    }
  if (target == NONE)
    target = find_placeholder (self, last, G_MAXUINT);
  if (target == NONE)
    target = find_placeholder (self, 0, first);
  if (target == NONE)
    return;

  g_clear_handle_id (&self->quiet_id, g_source_remove);
  read_page (self, target);
}

/* Adds the playable tracks among the entries from @from to @to to the
 * end of the queue. */
static void
queue_tracks (FanfarePlaylistPage *self,
              guint                from,
              guint                to)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  for (guint i = from; i < to; i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (fanfare_playlist_entry_get_available (entry))
        g_list_store_append (tracks, fanfare_playlist_entry_get_track (entry));
    }
  if (FANFARE_IS_APPLICATION (app) && g_list_model_get_n_items (G_LIST_MODEL (tracks)) > 0)
    fanfare_application_play_list (FANFARE_APPLICATION (app), G_LIST_MODEL (tracks), NULL, FANFARE_PLAY_LAST);
}

/* The entries read since, up to the next not read yet, join the queue in
 * the playlist's order. */
static void
queue_read (FanfarePlaylistPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint end = find_placeholder (self, self->queued_upto, n);

  if (end == NONE)
    end = n;
  queue_tracks (self, self->queued_upto, end);
  self->queued_upto = end;
  if (end >= n)
    self->play_follows = FALSE;
}

/* The first page: the whole playlist shows, the entries not read yet as
 * placeholders, in place of what was shown. */
static void
show_first (FanfarePlaylistPage *self,
            GListModel          *entries,
            guint                count)
{
  guint n = g_list_model_get_n_items (entries);
  guint total = MAX (count, n);
  g_autofree gpointer * items = g_new (gpointer, total);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < total; i++)
    items[i] = i < n ? g_list_model_get_item (entries, i) : new_placeholder ();
  self->n_placeholders = total - n;
  g_list_store_splice (self->entries, 0, shown, items, total);
  for (guint i = 0; i < total; i++)
    g_object_unref (items[i]);
}

/* A later page, in place of the placeholders from @offset on; the list
 * follows the playlist's count if it changed elsewhere meanwhile. */
static void
show_page (FanfarePlaylistPage *self,
           GListModel          *entries,
           guint                offset,
           guint                count)
{
  guint n = g_list_model_get_n_items (entries);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint replaced;

  if (count > shown)
    {
      for (guint i = shown; i < count; i++)
        g_ptr_array_add (items, new_placeholder ());
      g_list_store_splice (self->entries, shown, 0, items->pdata, items->len);
      self->n_placeholders += count - shown;
      g_ptr_array_set_size (items, 0);
    }
  else if (count < shown)
    {
      for (guint i = count; i < shown; i++)
        {
          g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

          self->n_placeholders -= is_placeholder (entry);
        }
      g_list_store_splice (self->entries, count, shown - count, NULL, 0);
    }

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  replaced = offset < shown ? MIN (n, shown - offset) : 0;
  for (guint i = 0; i < replaced; i++)
    {
      g_autoptr(FanfarePlaylistEntry) old = g_list_model_get_item (G_LIST_MODEL (self->entries), offset + i);

      self->n_placeholders -= is_placeholder (old);
      g_ptr_array_add (items, g_list_model_get_item (entries, i));
    }
  if (replaced > 0)
    g_list_store_splice (self->entries, offset, replaced, items->pdata, replaced);
}

typedef struct {
  FanfarePlaylistPage *self;
  guint                offset;
  guint                edit_serial;
} PageRead;

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree PageRead * read = user_data;
  g_autoptr(FanfarePlaylistPage) self = read->self;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  FanfarePlaylistAccess access = { 0 };
  gboolean first = self->first_pending;

  playlist = fanfare_client_list_entries_finish (FANFARE_CLIENT (object), result, &entries, &access, NULL, &error);
  if (playlist == NULL)
    {
      /* A load given up for another leaves the other's state alone. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->page_pending = self->first_pending = FALSE;
      if (first)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        g_debug ("Could not read the rest of a playlist: %s", error->message);
      return;
    }

  self->page_pending = self->first_pending = FALSE;

  /* The header is set from the first page; later pages could only redraw
   * it with the same playlist. */
  if (first)
    {
      _fanfare_playlist_page_set_playlist (self, playlist, &access);
      show_first (self, entries, fanfare_playlist_get_track_count (playlist));
      gtk_stack_set_visible_child_name (self->stack, "content");
    }
  else
    {
      fanfare_playlist_access_clear (&access);
      /* An entry removed or moved here meanwhile moved the others: the
       * page is read again where it now is. */
      if (read->edit_serial == self->edit_serial)
        show_page (self, entries, read->offset, fanfare_playlist_get_track_count (playlist));
    }

  if (self->play_follows)
    queue_read (self);
  read_more (self);
}

static void
read_page (FanfarePlaylistPage *self,
           guint                offset)
{
  PageRead *read = g_new0 (PageRead, 1);

  read->self = g_object_ref (self);
  read->offset = offset;
  read->edit_serial = self->edit_serial;
  self->page_pending = TRUE;
  fanfare_client_list_entries_at_async (self->client, self->playlist_id, offset, PAGE_SIZE,
                                        self->pages_cancellable, page_cb, read);
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
  g_clear_handle_id (&self->quiet_id, g_source_remove);
  self->play_follows = FALSE;
  read_page (self, 0);
  self->first_pending = TRUE;
}

/**
 * _fanfare_playlist_page_forget_entry:
 *
 * Removes the entry at @position from the list.
 */
void
_fanfare_playlist_page_forget_entry (FanfarePlaylistPage *self,
                                     guint                position)
{
  g_autoptr(FanfarePlaylistEntry) entry = NULL;

  g_assert (FANFARE_IS_PLAYLIST_PAGE (self));

  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  if (entry == NULL)
    return;
  self->n_placeholders -= is_placeholder (entry);
  if (position < self->queued_upto)
    self->queued_upto--;
  _fanfare_playlist_page_entries_edited (self);
  g_list_store_remove (self->entries, position);
}

/**
 * _fanfare_playlist_page_entries_edited:
 *
 * Notes that entries moved here, so that a page read before lands where
 * it now belongs.
 */
void
_fanfare_playlist_page_entries_edited (FanfarePlaylistPage *self)
{
  self->edit_serial++;
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
  self->page_pending = self->first_pending = FALSE;
  self->play_follows = FALSE;
}

/**
 * _fanfare_playlist_page_loaded_tracks:
 * @index: the entry to play first
 * @position: (out): where its track is among those returned
 * @end: (out): the position after the last entry they stand for
 *
 * The playable tracks of the entries read that go with the entry at
 * @index: from the first entry if all those before it are read, else from
 * it; to the next entry not read yet.
 *
 * Returns: (transfer full): the tracks, in order
 */
GListStore *
_fanfare_playlist_page_loaded_tracks (FanfarePlaylistPage *self,
                                      guint                index,
                                      guint               *position,
                                      guint               *end)
{
  GListStore *tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint start = find_placeholder (self, 0, MIN (index, n)) == NONE ? 0 : index;

  *end = find_placeholder (self, start, n);
  if (*end == NONE)
    *end = n;
  *position = 0;
  for (guint i = start; i < *end; i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!fanfare_playlist_entry_get_available (entry))
        continue;
      if (i == index)
        *position = g_list_model_get_n_items (G_LIST_MODEL (tracks));
      g_list_store_append (tracks, fanfare_playlist_entry_get_track (entry));
    }

  return tracks;
}

/**
 * _fanfare_playlist_page_queue_rest:
 * @from: the first entry not queued yet
 *
 * Reads the entries not read yet from @from on, a page after another at
 * once, and adds their tracks to the end of the queue in the playlist's
 * order, so that playing a long playlist plays all of it.
 */
void
_fanfare_playlist_page_queue_rest (FanfarePlaylistPage *self,
                                   guint                from)
{
  g_assert (FANFARE_IS_PLAYLIST_PAGE (self));

  if (from >= g_list_model_get_n_items (G_LIST_MODEL (self->entries)))
    return;
  self->play_follows = TRUE;
  self->queued_upto = from;
  queue_read (self);
  read_more (self);
}

/**
 * fanfare_playlist_page_get_n_read:
 *
 * Returns: how many of the entries on show were read, the others being
 *   placeholders for those still to read
 */
guint
fanfare_playlist_page_get_n_read (FanfarePlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->entries)) - self->n_placeholders;
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
