/* fanfare-cue-sheet.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Chapters from a cue sheet, the text file that rippers and DJ software
 * write beside one long audio file: FILE, TRACK, TITLE, PERFORMER and
 * INDEX 01 mm:ss:ff (75 frames a second) are read; the other commands
 * (REM, FLAGS, ISRC, PREGAP, ...) are skipped. Strict like the LRC reader:
 * a malformed time, tracks out of order or a sheet that is too large are
 * refused. Cue sheets written on Windows are often in its Western code
 * page, so text that is not UTF-8 is read as Windows-1252. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fanfare-chapter.h"
#include "fanfare-cue-sheet.h"
#include "fanfare-error.h"

typedef struct
{
  const char *file_name;
  gboolean    in_file;
  gboolean    files_seen;
  gboolean    single_file;
  char       *title;
  char       *performer;
  GTimeSpan   start;
  gboolean    in_track;
  GPtrArray  *chapters;
} Reader;

static gboolean
fail (GError    **error,
      guint       number,
      const char *what)
{
  g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
               "Line %u of the cue sheet: %s", number, what);
  return FALSE;
}

/* A value: one word, or a quoted string. */
static char *
read_value (const char *s)
{
  const char *end;

  while (*s == ' ' || *s == '\t')
    s++;
  if (*s == '"')
    {
      end = strchr (s + 1, '"');
      return end != NULL ? g_strndup (s + 1, (gsize) (end - s - 1)) : NULL;
    }
  end = s + strcspn (s, " \t");
  return end > s ? g_strndup (s, (gsize) (end - s)) : NULL;
}

static gboolean
read_index (const char *s,
            GTimeSpan  *start)
{
  guint number, minutes, seconds, frames;
  char extra;

  if (s[strspn (s, " \t0123456789:")] != '\0')
    return FALSE;
  if (sscanf (s, " %2u %3u:%2u:%2u %c", &number, &minutes, &seconds, &frames, &extra) != 4)
    return FALSE;
  if (seconds > 59 || frames > 74)
    return FALSE;
  if (number != 1)
    return TRUE;

  *start = ((GTimeSpan) minutes * 60 + seconds) * G_TIME_SPAN_SECOND
           + (GTimeSpan) frames * G_TIME_SPAN_SECOND / 75;
  return TRUE;
}

static gboolean
end_track (Reader  *reader,
           guint    number,
           GError **error)
{
  FanfareChapter *last;

  if (!reader->in_track)
    return TRUE;
  reader->in_track = FALSE;
  if (!reader->in_file)
    return TRUE;
  if (reader->start < 0)
    return fail (error, number, "a track has no INDEX 01");

  last = reader->chapters->len > 0 ? g_ptr_array_index (reader->chapters, reader->chapters->len - 1) : NULL;
  if (last != NULL && fanfare_chapter_get_start (last) >= reader->start)
    return fail (error, number, "the tracks are not in order");
  if (reader->chapters->len >= FANFARE_CUE_SHEET_MAX_TRACKS)
    return fail (error, number, "too many tracks");

  g_ptr_array_add (reader->chapters,
                   g_object_new (FANFARE_TYPE_CHAPTER,
                                 "title", reader->title != NULL ? reader->title : "",
                                 "artist", reader->performer,
                                 "start", reader->start,
                                 NULL));
  g_clear_pointer (&reader->title, g_free);
  g_clear_pointer (&reader->performer, g_free);
  return TRUE;
}

static gboolean
read_line (Reader  *reader,
           char    *line,
           guint    number,
           GError **error)
{
  char *command = g_strstrip (line);
  char *rest = command + strcspn (command, " \t");
  g_autofree char *value = NULL;

  if (*command == '\0')
    return TRUE;
  if (*rest != '\0')
    *rest++ = '\0';

  if (g_ascii_strcasecmp (command, "FILE") == 0)
    {
      if (!end_track (reader, number, error))
        return FALSE;
      value = read_value (rest);
      if (value == NULL)
        return fail (error, number, "FILE names no file");
      /* With one FILE the sheet is for this file, whatever it calls it. */
      reader->in_file = reader->single_file || g_strcmp0 (value, reader->file_name) == 0;
      reader->files_seen = TRUE;
    }
  else if (g_ascii_strcasecmp (command, "TRACK") == 0)
    {
      if (!end_track (reader, number, error))
        return FALSE;
      if (!reader->files_seen)
        return fail (error, number, "a TRACK before any FILE");
      reader->in_track = TRUE;
      reader->start = -1;
    }
  else if (g_ascii_strcasecmp (command, "INDEX") == 0)
    {
      if (!reader->in_track || !read_index (rest, &reader->start))
        return fail (error, number, "the INDEX is malformed");
    }
  else if (reader->in_track && (g_ascii_strcasecmp (command, "TITLE") == 0
                                || g_ascii_strcasecmp (command, "PERFORMER") == 0))
    {
      char **field = command[0] == 'T' || command[0] == 't' ? &reader->title : &reader->performer;

      value = read_value (rest);
      if (value == NULL)
        return fail (error, number, "the value is missing or not closed");
      g_free (*field);
      *field = g_steal_pointer (&value);
    }

  return TRUE;
}

static guint
count_files (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL; p = strpbrk (p, "\r\n"))
    {
      while (*p == '\r' || *p == '\n' || *p == ' ' || *p == '\t')
        p++;
      if (g_ascii_strncasecmp (p, "FILE", 4) == 0 && (p[4] == ' ' || p[4] == '\t'))
        n++;
    }

  return n;
}

static char *
to_utf8 (const char *data,
         gsize       length)
{
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  return g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
}

/**
 * fanfare_cue_sheet_parse:
 * @data: the text of a cue sheet
 * @length: its length in bytes, or -1 if it ends with a NUL
 * @file_name: (nullable): the name of the audio file the chapters are for,
 *   when the sheet lists several files
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FanfareChapter): the tracks of the
 *   sheet in order, or %NULL with %FANFARE_ERROR_INVALID set
 */
GPtrArray *
fanfare_cue_sheet_parse (const char *data,
                         gssize      length,
                         const char *file_name,
                         GError    **error)
{
  g_autoptr(GPtrArray) chapters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  Reader reader = { file_name, FALSE, FALSE, FALSE, NULL, NULL, -1, FALSE, chapters };
  gboolean ok = TRUE;
  guint number = 0;
  char *p;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strnlen (data, FANFARE_CUE_SHEET_MAX_BYTES + 1);
  if ((gsize) length > FANFARE_CUE_SHEET_MAX_BYTES || memchr (data, '\0', (gsize) length) != NULL
      || (text = to_utf8 (data, (gsize) length)) == NULL)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "This is not a cue sheet");
      return NULL;
    }

  p = g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text;
  reader.single_file = count_files (p) == 1;
  while (ok && p != NULL)
    {
      char *next = strpbrk (p, "\r\n");

      if (next != NULL)
        *next++ = '\0';
      ok = read_line (&reader, p, ++number, error);
      p = next;
    }
  ok = ok && end_track (&reader, number, error);
  g_free (reader.title);
  g_free (reader.performer);

  if (!ok)
    return NULL;
  if (chapters->len == 0)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The cue sheet lists no tracks");
      return NULL;
    }

  return g_steal_pointer (&chapters);
}
