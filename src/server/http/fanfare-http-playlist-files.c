/* fanfare-http-playlist-files.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists outside the app: exported to and imported from XSPF and M3U8,
 * and shared as a small web page that opens the playlist in the app. */

#include "config.h"

#include <string.h>

#include "fanfare-accounts.h"
#include "fanfare-common-enums.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-playlist-formats.h"
#include "fanfare-playlist.h"
#include "fanfare-track.h"

#define IMPORTED_TITLE "Imported playlist"

static gboolean
read_format (FanfareRequest        *request,
             FanfarePlaylistFormat *format,
             GError               **error)
{
  if (!fanfare_playlist_format_from_string (fanfare_request_get_query (request, "format"), format))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “format” must be xspf or m3u8");
      return FALSE;
    }

  return TRUE;
}

static void
add_entry_item (FanfarePlaylistFile        *file,
                const FanfarePlaylistEntry *entry)
{
  FanfarePlaylistItem *item;

  /* A track the viewer may not play is nothing they can export. */
  if (entry->track_id != 0 && entry->track == NULL)
    return;

  item = fanfare_playlist_file_add (file);
  if (entry->track != NULL)
    {
      item->track_id = entry->track_id;
      item->location = g_strdup (fanfare_track_get_uri (entry->track));
      item->title = g_strdup (fanfare_track_get_title (entry->track));
      item->artist = g_strdup (fanfare_track_get_artist (entry->track));
      item->album = g_strdup (fanfare_track_get_album (entry->track));
      item->duration_ms = fanfare_track_get_duration (entry->track) / G_TIME_SPAN_MILLISECOND;
    }
  else
    {
      item->title = g_strdup (entry->title);
      item->artist = g_strdup (entry->artist);
      item->album = g_strdup (entry->album);
      item->duration_ms = entry->duration_ms;
    }
}

static void
export_playlist (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FanfarePlaylistFile) file = NULL;
  FanfarePlaylistFormat format;
  char *text;

  if (!read_format (request, &format, &error) ||
      (playlist = fanfare_playlist_store_get (db, viewer, playlist_id, &error)) == NULL ||
      (entries = fanfare_playlist_store_list_entries (db, viewer, playlist_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  file = fanfare_playlist_file_new (fanfare_playlist_get_title (playlist));
  for (guint i = 0; i < entries->len; i++)
    add_entry_item (file, g_ptr_array_index (entries, i));

  text = fanfare_playlist_file_write (file, format);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
    g_autofree char *content_type = g_strconcat (fanfare_playlist_format_get_content_type (format),
                                                 "; charset=utf-8", NULL);

    fanfare_request_respond_bytes (request, 200, content_type, bytes);
  }
}

/* Turns the file's items into entries: platform tracks where they match,
 * local tracks where they do not. */
static GPtrArray *
match_items (FanfareRequest      *request,
             FanfarePlaylistFile *file,
             JsonBuilder         *unmatched,
             guint               *n_matched,
             GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_playlist_entry_free);

  *n_matched = 0;
  for (guint i = 0; i < file->items->len; i++)
    {
      const FanfarePlaylistItem *item = g_ptr_array_index (file->items, i);
      g_autoptr(FanfarePlaylistEntry) entry = fanfare_playlist_entry_new ();
      gint64 track_id;

      track_id = fanfare_playlist_store_match_track (fanfare_request_get_database (request),
                                                     fanfare_request_get_viewer (request), item->track_id,
                                                     item->artist, item->title, error);
      if (track_id < 0)
        return NULL;

      entry->entry_id = g_uuid_string_random ();
      entry->track_id = track_id;
      if (track_id != 0)
        (*n_matched)++;
      else
        {
          json_builder_begin_object (unmatched);
          json_builder_set_member_name (unmatched, "title");
          json_builder_add_string_value (unmatched, item->title != NULL ? item->title : "");
          json_builder_set_member_name (unmatched, "artist");
          json_builder_add_string_value (unmatched, item->artist != NULL ? item->artist : "");
          json_builder_end_object (unmatched);
          if (item->title == NULL || item->title[0] == '\0')
            continue;

          entry->title = g_utf8_make_valid (item->title, -1);
          entry->artist = g_strdup (item->artist);
          entry->album = g_strdup (item->album);
          entry->duration_ms = MAX (0, item->duration_ms);
        }
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&entries);
}

static void
import_playlist (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  GBytes *body = fanfare_request_get_body (request);
  const char *title = fanfare_request_get_query (request, "title");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfarePlaylistFile) file = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  FanfarePlaylistFormat format;
  FanfarePlaylistPlace end = { NULL, FALSE };
  gboolean created;
  gint64 playlist_id = 0;
  guint n_matched;

  if (!read_format (request, &format, &error) ||
      (file = fanfare_playlist_file_parse (format, body != NULL ? g_bytes_get_data (body, NULL) : "",
                                           body != NULL ? g_bytes_get_size (body) : 0, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (title != NULL && !fanfare_accounts_check_text (title, "title", 1, FANFARE_PLAYLIST_MAX_TITLE, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  /* A file's own title may be anything: it is cut to fit. */
  if (title == NULL)
    {
      if (file->title != NULL && g_utf8_strlen (g_strstrip (file->title), -1) > FANFARE_PLAYLIST_MAX_TITLE)
        *g_utf8_offset_to_pointer (file->title, FANFARE_PLAYLIST_MAX_TITLE) = '\0';
      title = file->title != NULL && file->title[0] != '\0' ? file->title : IMPORTED_TITLE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unmatched");
  json_builder_begin_array (builder);
  if ((entries = match_items (request, file, builder, &n_matched, &error)) == NULL ||
      (playlist_id = fanfare_playlist_store_create_from (db, viewer->user_id, NULL, title, NULL,
                                                         FANFARE_PLAYLIST_VISIBILITY_PRIVATE, &created,
                                                         &error)) == 0 ||
      (entries->len > 0 &&
       fanfare_playlist_store_add_entries (db, viewer, playlist_id, entries, &end, &error) == G_MAXUINT))
    {
      fanfare_request_fail (request, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "matched");
  json_builder_add_int_value (builder, n_matched);
  if (!fanfare_http_add_playlist (builder, db, viewer, playlist_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 201, root);
}

/* The page a shared link opens: the title, and a link into the app. Only
 * what anyone with the link may see; a private playlist is not found. */
static void
share_page (FanfareRequest *request)
{
  static const FanfareViewer nobody = { 0, FALSE };
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autofree char *title = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GString) page = NULL;
  GBytes *bytes;

  playlist = fanfare_playlist_store_get (fanfare_request_get_database (request), &nobody, playlist_id, &error);
  if (playlist == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  title = g_markup_escape_text (fanfare_playlist_get_title (playlist), -1);
  owner = g_markup_escape_text (fanfare_playlist_get_owner_name (playlist), -1);
  description = g_markup_escape_text (fanfare_playlist_get_description (playlist) != NULL
                                      ? fanfare_playlist_get_description (playlist) : "", -1);
  page = g_string_new (NULL);
  g_string_append_printf (page,
                          "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width\">\n"
                          "<meta property=\"og:title\" content=\"%s\">\n"
                          "<meta property=\"og:description\" content=\"%s\">\n"
                          "<title>%s</title>\n</head>\n<body>\n<h1>%s</h1>\n<p>%s · %u</p>\n<p>%s</p>\n"
                          "<p><a href=\"fanfare://playlist/%" G_GINT64_FORMAT "\">Open in Fanfare</a></p>\n"
                          "</body>\n</html>\n",
                          title, description, title, title, owner, fanfare_playlist_get_track_count (playlist),
                          description, playlist_id);
  bytes = g_string_free_to_bytes (g_steal_pointer (&page));
  fanfare_request_respond_bytes (request, 200, "text/html; charset=utf-8", bytes);
  g_bytes_unref (bytes);
}

const FanfareRoute fanfare_http_playlist_file_routes[] = {
  { "GET", "/api/v1/playlists/{id}/export", FANFARE_ACCESS_ANYONE, 0, export_playlist },
  { "POST", "/api/v1/playlists/import", FANFARE_ACCESS_USER, 0, import_playlist },
  { "GET", "/p/{id}", FANFARE_ACCESS_ANYONE, 0, share_page },
  { NULL },
};
