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
 * fills its placeholders in place, a few rows on show a frame. */

#include "config.h"

#include "fanfare-application.h"
#include "fanfare-playlist-page-private.h"

/* Entries a page: enough to fill a tall window many times over. */
#define PAGE_SIZE 100

/* How long scrolling must pause before the next page is read anyway. */
#define QUIET_MS 300

/* Rows on show a frame may build again for the entries that arrived. */
#define ROWS_A_FRAME 3

/* Rows a frame builds as the page opens, and how many the list builds in
 * all, for 30 lines: a frame that built them all could not also slide
 * the page in. */
#define ROWS_BUILT_A_FRAME 3
#define ROWS_BUILT         30

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
 * read yet, or NONE. None is before the hint, which saves walking the
 * entries read from the start each time. */
static guint
find_placeholder (FanfarePlaylistPage *self,
                  guint                from,
                  guint                to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  to = MIN (to, n);
  for (guint i = MAX (from, self->unread_hint); self->n_placeholders > 0 && i < to; i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (is_placeholder (entry))
        {
          if (from <= self->unread_hint)
            self->unread_hint = i;
          return i;
        }
    }
  if (from <= self->unread_hint && to == n)
    self->unread_hint = n;

  return NONE;
}

/* The positions of the rows on show, and a screen more either side:
 * every row is as tall as the others. The list may not show all of the
 * entries yet, while it grows to them. */
static void
visible_range (FanfarePlaylistPage *self,
               guint               *first,
               guint               *last)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->entries_list));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
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
  if (self->n_placeholders == 0 || self->page_pending || self->first_pending || self->place_tick_id != 0 ||
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

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  FanfarePlaylistPage *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->shown) + ROWS_BUILT_A_FRAME;

  if (size < ROWS_BUILT)
    {
      gtk_slice_list_model_set_size (self->shown, size);
      return G_SOURCE_CONTINUE;
    }
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  self->grow_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
stop_growing (FanfarePlaylistPage *self)
{
  if (self->grow_tick_id == 0)
    return;
  gtk_widget_remove_tick_callback (GTK_WIDGET (self->entries_list), self->grow_tick_id);
  self->grow_tick_id = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

/* The first page: the whole playlist shows, the entries not read yet as
 * placeholders, in place of what was shown. A list shown for the first
 * time grows to it over a few frames, a few rows built in each. */
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
  self->unread_hint = n;
  if (shown == 0 && total > ROWS_BUILT_A_FRAME && self->grow_tick_id == 0)
    {
      gtk_slice_list_model_set_size (self->shown, ROWS_BUILT_A_FRAME);
      self->grow_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->entries_list), grow_tick_cb, self, NULL);
    }
  g_list_store_splice (self->entries, 0, shown, items, total);
  for (guint i = 0; i < total; i++)
    g_object_unref (items[i]);
}

/* The list follows the playlist's count if it changed elsewhere since
 * the last page. */
static void
follow_count (FanfarePlaylistPage *self,
              guint                count)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (count > shown)
    {
      for (guint i = shown; i < count; i++)
        g_ptr_array_add (items, new_placeholder ());
      g_list_store_splice (self->entries, shown, 0, items->pdata, items->len);
      self->n_placeholders += count - shown;
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
}

/* A page read, whose entries replace placeholders from @offset on. */
typedef struct {
  guint      offset;
  guint      edit_serial;
  GPtrArray *items;    /* NULL where placed already */
} Arrival;

/* Of an arrival's items, those placed already are gone. */
static void
unref_item (gpointer  item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
arrival_free (Arrival *arrival)
{
  g_ptr_array_unref (arrival->items);
  g_free (arrival);
}

/* Fills as many placeholders from @start with @run. They stay the list's
 * items: a row that shows one is bound to it already and shows what it
 * now holds, where an item replaced would have the list build its row
 * again, and a row built costs more than a frame can spare for a few. */
static void
place_run (FanfarePlaylistPage *self,
           guint                start,
           GPtrArray           *run)
{
  for (guint i = 0; i < run->len; i++)
    {
      g_autoptr(FanfarePlaylistEntry) placeholder = g_list_model_get_item (G_LIST_MODEL (self->entries), start + i);

      fanfare_playlist_entry_fill (placeholder, g_ptr_array_index (run, i));
    }
  self->n_placeholders -= run->len;
  g_ptr_array_set_size (run, 0);
}

/* Places what arrived: at once where no row shows it, and a few rows a
 * frame where one does, as each of those rows is laid out again. Answers
 * whether some is left. */
static gboolean
place_arrivals (FanfarePlaylistPage *self)
{
  g_autoptr(GPtrArray) run = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean drawn = gtk_widget_get_mapped (GTK_WIDGET (self->entries_list));
  guint budget = ROWS_A_FRAME;
  guint first, last;
  Arrival *arrival;

  visible_range (self, &first, &last);
  while ((arrival = g_queue_peek_head (self->arrivals)) != NULL)
    {
      gboolean left = FALSE;
      guint run_start = 0;

      /* Entries removed or moved here meanwhile moved the others: what
       * is still to place is read again where it now is. */
      if (arrival->edit_serial != self->edit_serial)
        {
          arrival_free (g_queue_pop_head (self->arrivals));
          continue;
        }

      for (guint i = 0; i < arrival->items->len; i++)
        {
          guint position = arrival->offset + i;
          g_autoptr(FanfarePlaylistEntry) old = NULL;

          if (arrival->items->pdata[i] == NULL)
            continue;
          old = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
          if (run->len > 0 && run_start + run->len != position)
            place_run (self, run_start, run);
          if (!is_placeholder (old))
            {
              g_clear_object (&arrival->items->pdata[i]);
              continue;
            }
          if (drawn && position >= first && position < last)
            {
              if (budget == 0)
                {
                  left = TRUE;
                  continue;
                }
              budget--;
            }
          if (run->len == 0)
            run_start = position;
          g_ptr_array_add (run, g_steal_pointer (&arrival->items->pdata[i]));
        }
      place_run (self, run_start, run);
      if (left)
        break;
      arrival_free (g_queue_pop_head (self->arrivals));
    }

  if (self->play_follows)
    queue_read (self);

  return !g_queue_is_empty (self->arrivals);
}

static gboolean
place_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  FanfarePlaylistPage *self = user_data;

  if (place_arrivals (self))
    return G_SOURCE_CONTINUE;
  self->place_tick_id = 0;
  read_more (self);

  return G_SOURCE_REMOVE;
}

/* A later page: its entries replace their placeholders, now or over the
 * next frames. */
static void
show_page (FanfarePlaylistPage *self,
           GListModel          *entries,
           guint                offset,
           guint                edit_serial)
{
  Arrival *arrival = g_new0 (Arrival, 1);
  guint n = g_list_model_get_n_items (entries);

  arrival->offset = offset;
  arrival->edit_serial = edit_serial;
  arrival->items = g_ptr_array_new_full (n, unref_item);
  for (guint i = 0; i < n && offset + i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    g_ptr_array_add (arrival->items, g_list_model_get_item (entries, i));
  g_queue_push_tail (self->arrivals, arrival);

  if (place_arrivals (self) && self->place_tick_id == 0)
    self->place_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->entries_list), place_tick_cb, self, NULL);
}

static void
forget_arrivals (FanfarePlaylistPage *self)
{
  stop_growing (self);
  g_clear_handle_id (&self->waiting_id, g_source_remove);
  g_clear_object (&self->waiting);
  g_clear_object (&self->waiting_entries);
  fanfare_playlist_access_clear (&self->waiting_access);
  if (self->place_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->entries_list), self->place_tick_id);
  self->place_tick_id = 0;
  if (self->arrivals != NULL)
    g_queue_clear_full (self->arrivals, (GDestroyNotify) arrival_free);
}

typedef struct {
  FanfarePlaylistPage *self;
  guint                offset;
  guint                edit_serial;
} PageRead;

/* Reads on, or queues what was read, once a page is in. */
static void
read_on (FanfarePlaylistPage *self)
{
  if (self->play_follows)
    queue_read (self);
  if (self->place_tick_id == 0)
    read_more (self);
}

/* Shows the first page; the page takes @access. */
static void
show_first_page (FanfarePlaylistPage   *self,
                 FanfarePlaylist       *playlist,
                 GListModel            *entries,
                 FanfarePlaylistAccess *access)
{
  _fanfare_playlist_page_set_playlist (self, playlist, access);
  *access = (FanfarePlaylistAccess) { 0 };
  show_first (self, entries, fanfare_playlist_get_track_count (playlist));
  gtk_stack_set_visible_child_name (self->stack, "content");
  /* The rest is read once the page has settled, as after a scroll: read
   * while it slides in, it would take the processor the slide needs. */
  self->scrolled_at = g_get_monotonic_time ();
  read_on (self);
}

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
   * it with the same playlist. A first page that came before the page
   * was first drawn waits for the frame after: building the page and
   * filling it in one frame would not leave it the time to slide in. */
  if (first && gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->drawn)
    {
      self->waiting = g_steal_pointer (&playlist);
      self->waiting_entries = g_steal_pointer (&entries);
      self->waiting_access = access;
      return;
    }
  if (first)
    show_first_page (self, playlist, entries, &access);
  else
    {
      fanfare_playlist_access_clear (&access);
      /* An entry removed or moved here meanwhile moved the others: the
       * page is read again where it now is. */
      if (read->edit_serial == self->edit_serial)
        {
          follow_count (self, fanfare_playlist_get_track_count (playlist));
          show_page (self, entries, read->offset, read->edit_serial);
        }
      read_on (self);
    }
}

static gboolean
show_waiting_page_cb (gpointer  data)
{
  FanfarePlaylistPage *self = data;
  g_autoptr(FanfarePlaylist) playlist = g_steal_pointer (&self->waiting);
  g_autoptr(GListModel) entries = g_steal_pointer (&self->waiting_entries);

  self->waiting_id = 0;
  if (playlist != NULL)
    show_first_page (self, playlist, entries, &self->waiting_access);

  return G_SOURCE_REMOVE;
}

/* The page's first frame: a first page that waited for it is shown once
 * the frame is painted. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);

  self->drawn = TRUE;
  if (self->waiting != NULL && self->waiting_id == 0)
    self->waiting_id = g_idle_add (show_waiting_page_cb, self);

  return G_SOURCE_REMOVE;
}

/**
 * _fanfare_playlist_page_watch_first_frame:
 *
 * Notes when the page is first drawn.
 */
void
_fanfare_playlist_page_watch_first_frame (FanfarePlaylistPage *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_cb, NULL, NULL);
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
  forget_arrivals (self);
  if (self->arrivals == NULL)
    self->arrivals = g_queue_new ();
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
  if (position < self->unread_hint)
    self->unread_hint--;
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
  self->unread_hint = 0;
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
  forget_arrivals (self);
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
