/* fanfare-playlist-formats.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists as files other players read: XSPF and extended M3U in UTF-8.
 * A platform track is written with its stream URL (and, in XSPF, its
 * identifier); a local track by its artist and title only. Reading finds
 * the platform's tracks by the id in such a URL; the rest keep their
 * tags for matching by artist and title. */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-playlist-formats.h"
#include "fanfare-utils.h"

#define XSPF_NAMESPACE    "http://xspf.org/ns/0/"
#define TRACK_IDENTIFIER  "fanfare:track:"
#define STREAM_PATH       "/api/v1/tracks/"
#define STREAM_SUFFIX     "/stream"
#define MAX_ITEMS         10000

static void
item_free (FanfarePlaylistItem *item)
{
  g_free (item->location);
  g_free (item->title);
  g_free (item->artist);
  g_free (item->album);
  g_free (item);
}

gboolean
fanfare_playlist_format_from_string (const char            *name,
                                     FanfarePlaylistFormat *format)
{
  if (g_strcmp0 (name, "xspf") == 0)
    *format = FANFARE_PLAYLIST_FORMAT_XSPF;
  else if (g_strcmp0 (name, "m3u8") == 0)
    *format = FANFARE_PLAYLIST_FORMAT_M3U8;
  else
    return FALSE;

  return TRUE;
}

const char *
fanfare_playlist_format_get_content_type (FanfarePlaylistFormat  format)
{
  return format == FANFARE_PLAYLIST_FORMAT_XSPF ? "application/xspf+xml" : "audio/x-mpegurl";
}

FanfarePlaylistFile *
fanfare_playlist_file_new (const char *title)
{
  FanfarePlaylistFile *file = g_new0 (FanfarePlaylistFile, 1);

  file->title = g_strdup (title);
  file->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  return file;
}

void
fanfare_playlist_file_free (FanfarePlaylistFile *file)
{
  g_free (file->title);
  g_ptr_array_unref (file->items);
  g_free (file);
}

FanfarePlaylistItem *
fanfare_playlist_file_add (FanfarePlaylistFile *file)
{
  FanfarePlaylistItem *item = g_new0 (FanfarePlaylistItem, 1);

  g_ptr_array_add (file->items, item);

  return item;
}

/* The platform's track id in a stream URL or an identifier, or 0. */
static gint64
track_id_of (const char *text)
{
  const char *digits = NULL;
  g_autofree char *number = NULL;
  gint64 id = 0;

  if (text == NULL)
    return 0;

  if (g_str_has_prefix (text, TRACK_IDENTIFIER))
    number = g_strdup (text + strlen (TRACK_IDENTIFIER));
  else if (g_str_has_suffix (text, STREAM_SUFFIX) && (digits = g_strrstr (text, STREAM_PATH)) != NULL)
    {
      digits += strlen (STREAM_PATH);
      number = g_strndup (digits, strlen (digits) - strlen (STREAM_SUFFIX));
    }

  if (number == NULL || !g_ascii_string_to_signed (number, 10, 1, G_MAXINT64, &id, NULL))
    return 0;

  return id;
}

static void
append_element (GString    *out,
                const char *name,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (out, "      <%s>%s</%s>\n", name, escaped, name);
}

static char *
write_xspf (FanfarePlaylistFile *file)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<playlist version=\"1\" xmlns=\"" XSPF_NAMESPACE "\">\n");
  g_autofree char *title = g_markup_escape_text (file->title != NULL ? file->title : "", -1);

  g_string_append_printf (out, "  <title>%s</title>\n  <trackList>\n", title);
  for (guint i = 0; i < file->items->len; i++)
    {
      const FanfarePlaylistItem *item = g_ptr_array_index (file->items, i);
      g_autofree char *identifier = NULL;
      g_autofree char *duration = NULL;

      if (item->track_id != 0)
        identifier = g_strdup_printf (TRACK_IDENTIFIER "%" G_GINT64_FORMAT, item->track_id);
      if (item->duration_ms > 0)
        duration = g_strdup_printf ("%" G_GINT64_FORMAT, item->duration_ms);

      g_string_append (out, "    <track>\n");
      append_element (out, "location", item->location);
      append_element (out, "identifier", identifier);
      append_element (out, "title", item->title);
      append_element (out, "creator", item->artist);
      append_element (out, "album", item->album);
      append_element (out, "duration", duration);
      g_string_append (out, "    </track>\n");
    }
  g_string_append (out, "  </trackList>\n</playlist>\n");

  return g_string_free (out, FALSE);
}

/* A line of M3U carries no line breaks. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  return g_strdelimit (line, "\r\n", ' ');
}

static char *
write_m3u8 (FanfarePlaylistFile *file)
{
  GString *out = g_string_new ("#EXTM3U\n");
  g_autofree char *title = one_line (file->title);

  g_string_append_printf (out, "#PLAYLIST:%s\n", title);
  for (guint i = 0; i < file->items->len; i++)
    {
      const FanfarePlaylistItem *item = g_ptr_array_index (file->items, i);
      g_autofree char *artist = one_line (item->artist);
      g_autofree char *name = one_line (item->title);
      g_autofree char *album = one_line (item->album);
      g_autofree char *location = one_line (item->location);
      gint64 seconds = item->duration_ms > 0 ? (item->duration_ms + 500) / 1000 : -1;

      g_string_append_printf (out, "#EXTINF:%" G_GINT64_FORMAT ",%s - %s\n", seconds, artist, name);
      if (album[0] != '\0')
        g_string_append_printf (out, "#EXTALB:%s\n", album);
      /* A local track has no location anyone else could open: its name
       * stands in, for a player to look up. */
      g_string_append_printf (out, "%s\n", location[0] != '\0' ? location : name);
    }

  return g_string_free (out, FALSE);
}

/**
 * fanfare_playlist_file_write:
 *
 * Returns: (transfer full): the file's text
 */
char *
fanfare_playlist_file_write (FanfarePlaylistFile   *file,
                             FanfarePlaylistFormat  format)
{
  return format == FANFARE_PLAYLIST_FORMAT_XSPF ? write_xspf (file) : write_m3u8 (file);
}

typedef struct {
  FanfarePlaylistFile *file;
  FanfarePlaylistItem *item;     /* the <track> being read */
  GString             *text;
  gboolean             in_track_list;
} XspfReader;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
xspf_start (GMarkupParseContext *context,
            const char          *element,
            const char         **names,
            const char         **values,
            gpointer             data,
            GError             **error)
{
  XspfReader *reader = data;
  const char *name = local_name (element);

  g_string_truncate (reader->text, 0);
  if (g_str_equal (name, "trackList"))
    reader->in_track_list = TRUE;
  else if (g_str_equal (name, "track") && reader->in_track_list)
    {
      if (reader->file->items->len >= MAX_ITEMS)
        g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A playlist holds at most %u tracks", MAX_ITEMS);
      else
        reader->item = fanfare_playlist_file_add (reader->file);
    }
}

static void
xspf_end (GMarkupParseContext *context,
          const char          *element,
          gpointer             data,
          GError             **error)
{
  XspfReader *reader = data;
  FanfarePlaylistItem *item = reader->item;
  const char *name = local_name (element);
  g_autofree char *text = g_strstrip (g_strdup (reader->text->str));

  g_string_truncate (reader->text, 0);
  if (g_str_equal (name, "trackList"))
    reader->in_track_list = FALSE;
  else if (g_str_equal (name, "track"))
    reader->item = NULL;
  else if (item == NULL)
    {
      if (g_str_equal (name, "title") && !reader->in_track_list && reader->file->title == NULL)
        reader->file->title = g_steal_pointer (&text);
    }
  else if (g_str_equal (name, "location") && item->location == NULL)
    {
      item->location = g_strdup (text);
      item->track_id = item->track_id != 0 ? item->track_id : track_id_of (text);
    }
  else if (g_str_equal (name, "identifier") && item->track_id == 0)
    item->track_id = track_id_of (text);
  else if (g_str_equal (name, "title"))
    fanfare_set_str (&item->title, text);
  else if (g_str_equal (name, "creator"))
    fanfare_set_str (&item->artist, text);
  else if (g_str_equal (name, "album"))
    fanfare_set_str (&item->album, text);
  else if (g_str_equal (name, "duration"))
    item->duration_ms = g_ascii_strtoll (text, NULL, 10);
}

static void
xspf_text (GMarkupParseContext *context,
           const char          *text,
           gsize                length,
           gpointer             data,
           GError             **error)
{
  XspfReader *reader = data;

  g_string_append_len (reader->text, text, length);
}

static FanfarePlaylistFile *
parse_xspf (const char *data,
            gsize       length,
            GError    **error)
{
  static const GMarkupParser parser = { xspf_start, xspf_end, xspf_text, NULL, NULL };
  g_autoptr(FanfarePlaylistFile) file = fanfare_playlist_file_new (NULL);
  XspfReader reader = { file, NULL, g_string_new (NULL), FALSE };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = g_markup_parse_context_parse (context, data, length, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);
  g_string_free (reader.text, TRUE);

  if (!ok)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "Not an XSPF playlist: %s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/* "#EXTINF:240,Artist - Title" */
static void
read_extinf (FanfarePlaylistItem *item,
             const char          *line)
{
  const char *comma = strchr (line, ',');
  const char *dash;
  gint64 seconds = g_ascii_strtoll (line, NULL, 10);

  item->duration_ms = seconds > 0 && seconds <= G_MAXINT64 / 1000 ? seconds * 1000 : 0;
  if (comma == NULL)
    return;

  if ((dash = strstr (comma + 1, " - ")) != NULL)
    {
      item->artist = g_strstrip (g_strndup (comma + 1, dash - comma - 1));
      item->title = g_strstrip (g_strdup (dash + 3));
    }
  else
    item->title = g_strstrip (g_strdup (comma + 1));
}

static FanfarePlaylistFile *
parse_m3u8 (const char *data,
            gsize       length,
            GError    **error)
{
  g_autoptr(FanfarePlaylistFile) file = fanfare_playlist_file_new (NULL);
  g_autofree char *text = g_strndup (data, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  FanfarePlaylistItem *pending = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "#PLAYLIST:") && file->title == NULL)
        file->title = g_strdup (line + strlen ("#PLAYLIST:"));
      else if (g_str_has_prefix (line, "#EXTINF:"))
        {
          pending = g_new0 (FanfarePlaylistItem, 1);
          read_extinf (pending, line + strlen ("#EXTINF:"));
        }
      else if (g_str_has_prefix (line, "#EXTALB:") && pending != NULL)
        fanfare_set_str (&pending->album, line + strlen ("#EXTALB:"));
      else if (line[0] != '\0' && line[0] != '#')
        {
          FanfarePlaylistItem *item;

          if (file->items->len >= MAX_ITEMS)
            {
              g_clear_pointer (&pending, item_free);
              g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A playlist holds at most %u tracks",
                           MAX_ITEMS);
              return NULL;
            }

          item = pending != NULL ? g_steal_pointer (&pending) : g_new0 (FanfarePlaylistItem, 1);
          g_ptr_array_add (file->items, item);
          item->location = g_strdup (line);
          item->track_id = track_id_of (line);
          if (item->title == NULL)
            {
              g_autofree char *base = g_path_get_basename (line);
              const char *backslash = strrchr (base, '\\');
              char *dot;

              /* A Windows path too: the title keeps nothing of where
               * the file lies. */
              if (backslash != NULL)
                memmove (base, backslash + 1, strlen (backslash + 1) + 1);
              dot = strrchr (base, '.');

              if (dot != NULL && dot != base)
                *dot = '\0';
              item->title = g_steal_pointer (&base);
            }
        }
    }

  g_clear_pointer (&pending, item_free);
  if (!g_str_has_prefix (text, "#EXTM3U") && file->items->len == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "Not an M3U playlist");
      return NULL;
    }

  return g_steal_pointer (&file);
}

/**
 * fanfare_playlist_file_parse:
 *
 * Returns: (transfer full): the file's title and items, or %NULL with
 *   %FANFARE_ERROR_INVALID
 */
FanfarePlaylistFile *
fanfare_playlist_file_parse (FanfarePlaylistFormat  format,
                             const char            *data,
                             gsize                  length,
                             GError               **error)
{
  if (!g_utf8_validate (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A playlist file must be UTF-8 text");
      return NULL;
    }

  return format == FANFARE_PLAYLIST_FORMAT_XSPF ? parse_xspf (data, length, error)
                                                : parse_m3u8 (data, length, error);
}
