/* fanfare-tags.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Turns what TagLib read into values the index can trust: text that is valid
 * UTF-8 of a sane length, numbers in range. Whatever had to be repaired or
 * dropped makes the file a "bad tags" problem, but what was sane is kept. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "fanfare-gst-reader.h"
#include "fanfare-taglib-reader.h"
#include "fanfare-tags.h"

G_DEFINE_QUARK (fanfare - library - error - quark, fanfare_library_error)

/* TagLib 1.13 reads every format here but Matroska (.mka, and WebM, its
 * subset); GStreamer reads those, thirty times slower. */
static const struct {
  const char       *extension;
  FanfareTagsReader reader;
} audio_extensions[] = {
  { ".mp3", FANFARE_TAGS_READER_TAGLIB },
  { ".flac", FANFARE_TAGS_READER_TAGLIB },
  { ".ogg", FANFARE_TAGS_READER_TAGLIB },
  { ".oga", FANFARE_TAGS_READER_TAGLIB },
  { ".opus", FANFARE_TAGS_READER_TAGLIB },
  { ".m4a", FANFARE_TAGS_READER_TAGLIB },
  { ".mp4", FANFARE_TAGS_READER_TAGLIB },
  { ".m4b", FANFARE_TAGS_READER_TAGLIB },
  { ".aac", FANFARE_TAGS_READER_TAGLIB },
  { ".wav", FANFARE_TAGS_READER_TAGLIB },
  { ".aif", FANFARE_TAGS_READER_TAGLIB },
  { ".aiff", FANFARE_TAGS_READER_TAGLIB },
  { ".wv", FANFARE_TAGS_READER_TAGLIB },
  { ".ape", FANFARE_TAGS_READER_TAGLIB },
  { ".mka", FANFARE_TAGS_READER_GSTREAMER },
  { ".webm", FANFARE_TAGS_READER_GSTREAMER },
  { ".weba", FANFARE_TAGS_READER_GSTREAMER },
};

/**
 * fanfare_tags_reader_for:
 * @name: a file name, with or without its folder
 *
 * Returns: what reads a file of that name, by its extension; hidden files
 *   are not read
 */
FanfareTagsReader
fanfare_tags_reader_for (const char *name)
{
  const char *slash = strrchr (name, G_DIR_SEPARATOR);
  const char *dot;

  if (slash != NULL)
    name = slash + 1;
  dot = strrchr (name, '.');
  if (dot == NULL || name[0] == '.')
    return FANFARE_TAGS_READER_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (audio_extensions); i++)
    if (g_ascii_strcasecmp (dot, audio_extensions[i].extension) == 0)
      return audio_extensions[i].reader;

  return FANFARE_TAGS_READER_NONE;
}

/* Makes @raw valid UTF-8 without NUL or control characters (newlines and
 * tabs stay in lyrics), trimmed, and at most @max_chars long. Sets @repaired
 * when anything had to change beyond the trimming. */
static char *
clean_text (const GString * raw,
            gsize           max_chars,
            gboolean        multiline,
            gboolean      * repaired)
{
  g_autofree char *valid = NULL;
  GString *clean;
  gsize n_chars = 0;
  gsize len;

  if (raw == NULL || raw->len == 0)
    return NULL;

  /* Text after a NUL byte is whatever the tagger left in its buffer. */
  len = strnlen (raw->str, raw->len);
  if (len < raw->len)
    *repaired = TRUE;
  if (!g_utf8_validate_len (raw->str, len, NULL))
    *repaired = TRUE;
  valid = g_utf8_make_valid (raw->str, len);

  clean = g_string_sized_new (MIN (len, max_chars * 4));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
        {
          *repaired = TRUE;
          continue;
        }
      if (n_chars == max_chars)
        {
          *repaired = TRUE;
          break;
        }
      g_string_append_unichar (clean, c);
      n_chars++;
    }

  g_strstrip (clean->str);
  clean->len = strlen (clean->str);
  if (clean->len == 0)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }

  return g_string_free (clean, FALSE);
}

/* "3", "3/12" or " 03 " give 3; anything else, or a number past @max,
 * gives 0 and counts as a repair. */
static guint
clean_number (const GString *raw,
              guint          max,
              gboolean      *repaired)
{
  g_autofree char *text = NULL;
  guint64 value = 0;
  char *end = NULL;

  if (raw == NULL || raw->len == 0)
    return 0;

  text = g_strstrip (g_strndup (raw->str, raw->len));
  if (text[0] < '0' || text[0] > '9')
    {
      *repaired = TRUE;
      return 0;
    }

  value = g_ascii_strtoull (text, &end, 10);
  if ((*end != '\0' && *end != '/' && *end != '-') || value == 0 || value > max)
    {
      *repaired = TRUE;
      return 0;
    }

  return value;
}

/* ReplayGain values read "-6.50 dB" or "0.988". */
static double
clean_gain (const GString *raw,
            double         min,
            double         max,
            gboolean      *repaired)
{
  g_autofree char *text = NULL;
  char *end = NULL;
  double value;

  if (raw == NULL || raw->len == 0)
    return NAN;

  text = g_strstrip (g_strndup (raw->str, raw->len));
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || value < min || value > max)
    {
      *repaired = TRUE;
      return NAN;
    }

  return value;
}

/* A MusicBrainz id is a UUID; anything else is dropped. */
static char *
clean_mbid (const GString *raw,
            gboolean      *repaired)
{
  g_autofree char *text = NULL;

  if (raw == NULL || raw->len == 0)
    return NULL;

  text = g_ascii_strdown (raw->str, raw->len);
  g_strstrip (text);
  if (!g_uuid_string_is_valid (text))
    {
      *repaired = TRUE;
      return NULL;
    }

  return g_steal_pointer (&text);
}

static GStrv
clean_artists (GPtrArray *raw,
               gboolean  *repaired)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < raw->len && i < 64; i++)
    {
      g_autofree char *artist = clean_text (raw->pdata[i], FANFARE_TAGS_MAX_TEXT, FALSE, repaired);

      if (artist != NULL)
        g_strv_builder_add (builder, artist);
    }

  return g_strv_builder_end (builder);
}

static FanfareTags *
clean_tags (FanfareRawTags *raw,
            gboolean       *repaired)
{
  FanfareTags *tags = g_new0 (FanfareTags, 1);
  GString **f = raw->fields;

  tags->title = clean_text (f[FANFARE_RAW_TITLE], FANFARE_TAGS_MAX_TEXT, FALSE, repaired);
  tags->artists = clean_artists (raw->artists, repaired);
  if (tags->artists[0] != NULL)
    tags->artist = g_strjoinv (", ", tags->artists);
  tags->album = clean_text (f[FANFARE_RAW_ALBUM], FANFARE_TAGS_MAX_TEXT, FALSE, repaired);
  tags->album_artist = clean_text (f[FANFARE_RAW_ALBUM_ARTIST], FANFARE_TAGS_MAX_TEXT, FALSE, repaired);
  tags->genre = clean_text (f[FANFARE_RAW_GENRE], FANFARE_TAGS_MAX_TEXT, FALSE, repaired);
  tags->lyrics = clean_text (f[FANFARE_RAW_LYRICS], FANFARE_TAGS_MAX_LYRICS, TRUE, repaired);
  tags->track_number = clean_number (f[FANFARE_RAW_TRACK_NUMBER], 9999, repaired);
  tags->disc_number = clean_number (f[FANFARE_RAW_DISC_NUMBER], 999, repaired);
  tags->year = clean_number (f[FANFARE_RAW_DATE], 9999, repaired);
  tags->track_gain = clean_gain (f[FANFARE_RAW_TRACK_GAIN], -100, 100, repaired);
  tags->track_peak = clean_gain (f[FANFARE_RAW_TRACK_PEAK], 0, 100, repaired);
  tags->album_gain = clean_gain (f[FANFARE_RAW_ALBUM_GAIN], -100, 100, repaired);
  tags->album_peak = clean_gain (f[FANFARE_RAW_ALBUM_PEAK], 0, 100, repaired);
  tags->mb_track_id = clean_mbid (f[FANFARE_RAW_MB_TRACK_ID], repaired);
  tags->mb_album_id = clean_mbid (f[FANFARE_RAW_MB_ALBUM_ID], repaired);
  tags->mb_artist_id = clean_mbid (f[FANFARE_RAW_MB_ARTIST_ID], repaired);
  tags->mb_album_artist_id = clean_mbid (f[FANFARE_RAW_MB_ALBUM_ARTIST_ID], repaired);

  /* A length of days or a negative one is a broken header, not music. */
  if (raw->duration_ms > 0 && raw->duration_ms < G_GINT64_CONSTANT (100) * 3600 * 1000)
    tags->duration_ms = raw->duration_ms;
  if (raw->bitrate_kbps > 0 && raw->bitrate_kbps < 100000)
    tags->bitrate_kbps = raw->bitrate_kbps;
  if (raw->sample_rate > 0 && raw->sample_rate <= 1000000)
    tags->sample_rate = raw->sample_rate;

  if (raw->picture_size > FANFARE_TAGS_MAX_PICTURE)
    *repaired = TRUE;
  tags->picture = g_steal_pointer (&raw->picture);

  return tags;
}

/* TagLib says nothing about why it could not open a file: whether it can be
 * read at all is asked first, so that the user is told the right reason. */
static gboolean
check_readable (const char *path,
                GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = errno;

  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);

  return TRUE;
}

static const struct {
  const char          *extension;
  FanfareLibraryExtras extras;
} sidecars[] = {
  { ".lrc", FANFARE_LIBRARY_EXTRAS_LRC_FILE },
  { ".cue", FANFARE_LIBRARY_EXTRAS_CUE_FILE },
};

/**
 * fanfare_tags_sidecar_kind:
 * @name: a file name, with or without its folder
 *
 * Returns: %FANFARE_LIBRARY_EXTRAS_LRC_FILE or
 *   %FANFARE_LIBRARY_EXTRAS_CUE_FILE when @name is one of those files that
 *   go beside an audio file, else %FANFARE_LIBRARY_EXTRAS_NONE
 */
FanfareLibraryExtras
fanfare_tags_sidecar_kind (const char *name)
{
  gsize len = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    if (len > 4 && strcmp (name + len - 4, sidecars[i].extension) == 0)
      return sidecars[i].extras;

  return FANFARE_LIBRARY_EXTRAS_NONE;
}

/**
 * fanfare_tags_find_sidecars:
 * @path: an audio file's name, with or without its folder
 * @exists: (nullable): tells whether a file of that name is there, or
 *   %NULL to look for a regular file on the disk
 * @user_data: for @exists
 *
 * Looks for the .lrc and .cue files of the same name as @path (its
 * extension replaced).
 *
 * Returns: the #FanfareLibraryExtras of those that are there
 */
FanfareLibraryExtras
fanfare_tags_find_sidecars (const char               *path,
                            FanfareTagsSidecarExists  exists,
                            gpointer                  user_data)
{
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  const char *dot = strrchr (path, '.');
  FanfareLibraryExtras found = FANFARE_LIBRARY_EXTRAS_NONE;

  if (dot == NULL || (slash != NULL && dot < slash))
    dot = path + strlen (path);

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *other = g_strdup_printf ("%.*s%s", (int) (dot - path), path,
                                                sidecars[i].extension);

      if (exists != NULL ? exists (other, user_data) : g_file_test (other, G_FILE_TEST_IS_REGULAR))
        found |= sidecars[i].extras;
    }

  return found;
}

static FanfareLibraryExtras
find_extras (const char     *path,
             FanfareRawTags *raw,
             FanfareTags    *tags)
{
  FanfareLibraryExtras extras = fanfare_tags_find_sidecars (path, NULL, NULL);

  if (tags->lyrics != NULL)
    extras |= FANFARE_LIBRARY_EXTRAS_LYRICS_TAG;
  if (raw->has_chapters)
    extras |= FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG;

  return extras;
}

/**
 * fanfare_tags_read:
 * @path: a file name
 * @want_picture: whether to read the embedded cover too
 * @problem: (out): set to %FANFARE_LIBRARY_PROBLEM_BAD_TAGS when some tags
 *   had to be repaired or dropped, else %FANFARE_LIBRARY_PROBLEM_NONE
 * @error: return location for a #GError
 *
 * Reads and checks the tags of one file. Safe to call from any thread.
 *
 * Returns: (transfer full): the tags, or %NULL with a %G_IO_ERROR when the
 *   file cannot be opened, or %FANFARE_LIBRARY_ERROR_NOT_AUDIO
 */
FanfareTags *
fanfare_tags_read (const char                *path,
                   gboolean                   want_picture,
                   FanfareLibraryProblemKind *problem,
                   GError                   **error)
{
  g_autoptr(FanfareRawTags) raw = NULL;
  gboolean repaired = FALSE;
  FanfareTags *tags;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  *problem = FANFARE_LIBRARY_PROBLEM_NONE;

  if (!check_readable (path, error))
    return NULL;

  if (fanfare_tags_reader_for (path) == FANFARE_TAGS_READER_GSTREAMER)
    {
      raw = fanfare_gst_read (path, want_picture, FANFARE_TAGS_MAX_PICTURE, error);
      if (raw == NULL)
        return NULL;
    }
  else
    {
      raw = fanfare_taglib_read (path, want_picture, FANFARE_TAGS_MAX_PICTURE);
      if (raw == NULL)
        {
          g_set_error_literal (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO,
                               "Not an audio file TagLib reads");
          return NULL;
        }
    }

  tags = clean_tags (raw, &repaired);
  if (repaired)
    *problem = FANFARE_LIBRARY_PROBLEM_BAD_TAGS;
  tags->extras = find_extras (path, raw, tags);

  return tags;
}

void
fanfare_tags_free (FanfareTags *tags)
{
  if (tags == NULL)
    return;

  g_free (tags->title);
  g_free (tags->artist);
  g_strfreev (tags->artists);
  g_free (tags->album);
  g_free (tags->album_artist);
  g_free (tags->genre);
  g_free (tags->lyrics);
  g_free (tags->mb_track_id);
  g_free (tags->mb_album_id);
  g_free (tags->mb_artist_id);
  g_free (tags->mb_album_artist_id);
  g_clear_pointer (&tags->picture, g_bytes_unref);
  g_free (tags);
}
