/* fanfare-playlist-page-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-comment-section.h"
#include "fanfare-cover-image.h"
#include "fanfare-playlist-page.h"

G_BEGIN_DECLS

struct _FanfarePlaylistPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  FanfareCoverImage     *cover;
  FanfareCommentSection *comments;
  GtkLabel              *title_label;
  GtkLabel              *owner_label;
  GtkLabel              *description_label;
  GtkLabel              *details_label;
  GtkWidget             *follow_button;
  GtkWidget             *menu_button;
  AdwButtonContent      *follow_content;
  GtkGridView           *entries_list;

  /* Owned references */
  char                 *playlist_id;
  FanfareClient        *client;
  FanfarePlaylist      *playlist;
  FanfarePlaylistAccess access;
  GListStore           *entries;
  GtkSliceListModel    *shown;                /* what of them the list shows (borrowed) */
  FanfarePlaylist      *waiting;              /* a first page, waiting for the page's first frame */
  GListModel           *waiting_entries;
  FanfarePlaylistAccess waiting_access;
  GCancellable         *cancellable;
  GCancellable         *pages_cancellable;
  GSimpleAction        *visibility_action;

  /* State */
  guint          edits_pending;
  gboolean       edits_overlapped;
  guint          n_placeholders;        /* entries not read yet, each an entry without an id */
  guint          unread_hint;           /* none of them before it */
  GQueue        *arrivals;              /* pages read, still to place */
  guint          place_tick_id;
  guint          grow_tick_id;         /* the list grows to the whole playlist */
  gboolean       drawn;                /* the page had its first frame */
  guint          waiting_id;
  gboolean       first_pending;        /* the first page of a load is on its way */
  gboolean       page_pending;
  guint          edit_serial;          /* counts the removals and moves made here */
  gboolean       play_follows;         /* the entries still to read join the queue */
  guint          queued_upto;          /* the entries before it are queued */
  guint          quiet_id;
  gint64         scrolled_at;          /* µs, monotonic */
  GtkAdjustment *watched;              /* the scrolling that asks for pages (borrowed) */
};

void _fanfare_playlist_page_set_playlist (FanfarePlaylistPage   *self,
                                          FanfarePlaylist       *playlist,
                                          FanfarePlaylistAccess *access);
void _fanfare_playlist_page_init_entries (FanfarePlaylistPage *self);
void _fanfare_playlist_page_watch_first_frame (FanfarePlaylistPage *self);
void _fanfare_playlist_page_load (FanfarePlaylistPage *self);
void _fanfare_playlist_page_stop_loading (FanfarePlaylistPage *self);
GListStore *_fanfare_playlist_page_loaded_tracks (FanfarePlaylistPage *self,
                                                  guint                index,
                                                  guint               *position,
                                                  guint               *end);
void _fanfare_playlist_page_queue_rest (FanfarePlaylistPage *self,
                                        guint                from);
gboolean _fanfare_playlist_page_is_placeholder (FanfarePlaylistPage  *self,
                                                FanfarePlaylistEntry *entry);
void _fanfare_playlist_page_forget_entry (FanfarePlaylistPage *self,
                                          guint                position);
void _fanfare_playlist_page_entries_edited (FanfarePlaylistPage *self);

G_END_DECLS
