/* fanfare-playlist-page-rows.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rows of the playlist page's list. A row is a few inscriptions, which
 * are set, not built, when it shows an entry: unlike labels, they keep
 * their size whatever their text, so that a row bound during a scroll is
 * drawn again without being measured again. An entry not read yet is an
 * empty row of the same height, which shows the entry once it is filled.
 * Those who may edit drag a row by its handle to move its entry, and
 * remove it with its button.
 *
 * The list is a grid of one column: GTK 4.8's list view builds 200 rows
 * around what shows, which took a tenth of a second when the page opened,
 * while its grid view builds rows for 30 lines on show, as many as a
 * window 2,300 pixels tall holds. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-playlist-page-private.h"
#include "fanfare-utils.h"
#include "fanfare-widget-util.h"

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
  /* A widget on show given a tooltip asks the display where the pointer
   * is, a round trip to the X server for each of the many rows the list
   * builds at once; bind shows the button to those who may edit. */
  gtk_widget_set_visible (remove, FALSE);
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

/* Shows the entry of @item in its row. */
static void
show_entry (FanfarePlaylistPage *self,
            GtkListItem         *item)
{
  FanfarePlaylistEntry *entry = gtk_list_item_get_item (item);
  FanfareTrack *track = fanfare_playlist_entry_get_track (entry);
  const char *title = fanfare_playlist_entry_get_title (entry);
  const char *artist = fanfare_playlist_entry_get_artist (entry);
  GtkWidget *row = gtk_list_item_get_child (item);
  g_autofree char *duration = track != NULL ? fanfare_format_duration (fanfare_track_get_duration (track)) : NULL;
  gboolean can_edit = self->access.can_edit && !_fanfare_playlist_page_is_placeholder (self, entry);
  gboolean available = fanfare_playlist_entry_get_available (entry);

  /* An entry not read yet is an empty row, neither dimmed nor explained. */
  if (_fanfare_playlist_page_is_placeholder (self, entry))
    {
      title = "";
      available = TRUE;
    }

  gtk_inscription_set_text (row_part (row, "title"), title != NULL ? title : _("Unavailable Track"));
  gtk_inscription_set_text (row_part (row, "artist"), artist);
  gtk_inscription_set_text (row_part (row, "duration"), duration);
  /* A placeholder keeps the room of the handle and the button, unseen,
   * so that it is as tall as the row that replaces it. */
  gtk_widget_set_visible (row_part (row, "handle"), self->access.can_edit);
  gtk_widget_set_visible (row_part (row, "remove"), self->access.can_edit);
  gtk_widget_set_opacity (row_part (row, "handle"), can_edit ? 1 : 0);
  gtk_widget_set_opacity (row_part (row, "remove"), can_edit ? 1 : 0);
  /* What a placeholder turns off changes no state and no style class:
   * a jump far down the list binds every row afresh in one frame, and a
   * style recomputed for each of them would not fit in it. The page
   * ignores the activation of a placeholder. */
  gtk_widget_set_can_target (row_part (row, "remove"), can_edit);
  gtk_widget_set_can_focus (row_part (row, "remove"), can_edit);
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

/* A placeholder now holds its entry: its row shows it. */
static void
entry_filled_cb (FanfarePlaylistEntry *entry,
                 GtkListItem          *item)
{
  GtkWidget *page = gtk_widget_get_ancestor (gtk_list_item_get_child (item), FANFARE_TYPE_PLAYLIST_PAGE);

  if (page != NULL)
    show_entry (FANFARE_PLAYLIST_PAGE (page), item);
}

static void
bind_entry_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               FanfarePlaylistPage      *self)
{
  FanfarePlaylistEntry *entry = gtk_list_item_get_item (item);

  show_entry (self, item);
  if (_fanfare_playlist_page_is_placeholder (self, entry))
    g_signal_connect (entry, "filled", G_CALLBACK (entry_filled_cb), item);
}

static void
unbind_entry_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 FanfarePlaylistPage      *self)
{
  FanfarePlaylistEntry *entry = gtk_list_item_get_item (item);

  if (entry != NULL)
    g_signal_handlers_disconnect_by_func (entry, entry_filled_cb, item);
}

void
_fanfare_playlist_page_init_entries (FanfarePlaylistPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->entries = g_list_store_new (FANFARE_TYPE_PLAYLIST_ENTRY);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)), 0, G_MAXUINT);
  selection = gtk_no_selection_new (G_LIST_MODEL (self->shown));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_cb), self);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_entry_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_entry_cb), self, 0);
  gtk_grid_view_set_factory (self->entries_list, factory);
  gtk_grid_view_set_model (self->entries_list, GTK_SELECTION_MODEL (selection));
}
