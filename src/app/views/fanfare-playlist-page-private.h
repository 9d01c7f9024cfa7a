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
  GtkListView           *entries_list;

  /* Owned references */
  char                 *playlist_id;
  FanfareClient        *client;
  FanfarePlaylist      *playlist;
  FanfarePlaylistAccess access;
  GListStore           *entries;
  GCancellable         *cancellable;
  GCancellable         *pages_cancellable;
  GSimpleAction        *visibility_action;

  /* State */
  guint          edits_pending;
  gboolean       edits_overlapped;
  guint          pages_loaded;  /* entries read so far by the current load */
  char          *next_cursor;   /* where the next page starts, if it is still to read */
  gboolean       page_pending;
  gboolean       play_follows;  /* the pages still to read join the queue */
  guint          quiet_id;
  gint64         scrolled_at;   /* µs, monotonic */
  GtkAdjustment *watched;       /* the scrolling that asks for pages (borrowed) */
};

void _fanfare_playlist_page_set_playlist (FanfarePlaylistPage   *self,
                                          FanfarePlaylist       *playlist,
                                          FanfarePlaylistAccess *access);
void _fanfare_playlist_page_init_entries (FanfarePlaylistPage *self);
void _fanfare_playlist_page_load (FanfarePlaylistPage *self);
void _fanfare_playlist_page_stop_loading (FanfarePlaylistPage *self);
void _fanfare_playlist_page_queue_rest (FanfarePlaylistPage *self);
void _fanfare_playlist_page_forget_entry (FanfarePlaylistPage *self,
                                          guint                position);

G_END_DECLS
