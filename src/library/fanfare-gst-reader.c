/* fanfare-gst-reader.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads the files TagLib 1.13 cannot, Matroska and WebM, with
 * GstDiscoverer: their tags, length, audio properties, cover and chapters
 * (Matroska's editions, which GStreamer gives as a table of contents).
 * Much slower than TagLib (src/library/README.md has the figures), so only
 * for these formats. The values are handed on unchecked, as TagLib's are,
 * and checked by fanfare-tags.c.
 *
 * A damaged file may keep the discoverer waiting for its whole time-out:
 * decodebin, under it, sometimes loses the error a demuxer posts while it
 * is being set up (GStreamer 1.22, a Matroska file cut after its first
 * bytes, about one time in three). Files that are not Matroska at all are
 * turned away before any pipeline is built. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/tag/tag.h>

#include "fanfare-gst-reader.h"
#include "fanfare-library-types.h"

static const struct {
  const char     *tag;
  FanfareRawField field;
} tag_fields[] = {
  { GST_TAG_TITLE, FANFARE_RAW_TITLE },
  { GST_TAG_ALBUM, FANFARE_RAW_ALBUM },
  { GST_TAG_ALBUM_ARTIST, FANFARE_RAW_ALBUM_ARTIST },
  { GST_TAG_GENRE, FANFARE_RAW_GENRE },
  { GST_TAG_TRACK_NUMBER, FANFARE_RAW_TRACK_NUMBER },
  { GST_TAG_ALBUM_VOLUME_NUMBER, FANFARE_RAW_DISC_NUMBER },
  { GST_TAG_DATE_TIME, FANFARE_RAW_DATE },
  { GST_TAG_DATE, FANFARE_RAW_DATE },
  { GST_TAG_LYRICS, FANFARE_RAW_LYRICS },
  { GST_TAG_TRACK_GAIN, FANFARE_RAW_TRACK_GAIN },
  { GST_TAG_TRACK_PEAK, FANFARE_RAW_TRACK_PEAK },
  { GST_TAG_ALBUM_GAIN, FANFARE_RAW_ALBUM_GAIN },
  { GST_TAG_ALBUM_PEAK, FANFARE_RAW_ALBUM_PEAK },
  { GST_TAG_MUSICBRAINZ_TRACKID, FANFARE_RAW_MB_TRACK_ID },
  { GST_TAG_MUSICBRAINZ_ALBUMID, FANFARE_RAW_MB_ALBUM_ID },
  { GST_TAG_MUSICBRAINZ_ARTISTID, FANFARE_RAW_MB_ARTIST_ID },
  { GST_TAG_MUSICBRAINZ_ALBUMARTISTID, FANFARE_RAW_MB_ALBUM_ARTIST_ID },
};

static void
free_gstring (gpointer  string)
{
  g_string_free (string, TRUE);
}

/* GStreamer is set up by whoever runs the scan, or here, once: `fanfare
 * --scan-only` does not start it. */
static gboolean
ensure_gst (GError **error)
{
  static gsize done = 0;
  static gboolean ok = FALSE;
  static GError *init_error = NULL;

  if (g_once_init_enter (&done))
    {
      ok = gst_init_check (NULL, NULL, &init_error);
      if (ok)
        gst_tag_register_musicbrainz_tags ();
      g_once_init_leave (&done, 1);
    }

  if (!ok && error != NULL)
    *error = g_error_copy (init_error);

  return ok;
}

/* A tag's value as text, the way TagLib would have given it. */
static GString *
value_to_text (const GValue *value)
{
  GString *text = g_string_new (NULL);

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    g_string_assign (text, g_value_get_string (value));
  else if (G_VALUE_HOLDS_UINT (value))
    g_string_printf (text, "%u", g_value_get_uint (value));
  else if (G_VALUE_HOLDS_DOUBLE (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_assign (text, g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
    }
  else if (GST_VALUE_HOLDS_DATE_TIME (value) && g_value_get_boxed (value) != NULL &&
           gst_date_time_has_year (g_value_get_boxed (value)))
    g_string_printf (text, "%d", gst_date_time_get_year (g_value_get_boxed (value)));
  else if (G_VALUE_HOLDS (value, G_TYPE_DATE) && g_value_get_boxed (value) != NULL &&
           g_date_valid (g_value_get_boxed (value)))
    g_string_printf (text, "%u", g_date_get_year (g_value_get_boxed (value)));

  return text;
}

static void
read_tags (const GstTagList *tags,
           FanfareRawTags   *raw)
{
  for (guint i = 0; i < G_N_ELEMENTS (tag_fields); i++)
    {
      const GValue *value = gst_tag_list_get_value_index (tags, tag_fields[i].tag, 0);
      GString *text;

      if (value == NULL || raw->fields[tag_fields[i].field] != NULL)
        continue;
      text = value_to_text (value);
      if (text->len > 0)
        raw->fields[tag_fields[i].field] = text;
      else
        g_string_free (text, TRUE);
    }

  for (guint i = 0; i < gst_tag_list_get_tag_size (tags, GST_TAG_ARTIST); i++)
    {
      const char *artist = NULL;

      if (gst_tag_list_peek_string_index (tags, GST_TAG_ARTIST, i, &artist))
        g_ptr_array_add (raw->artists, g_string_new (artist));
    }
}

/* The front cover when there is one, else the first picture. */
static void
read_picture (const GstTagList *tags,
              gsize             max_picture_size,
              FanfareRawTags   *raw)
{
  GstSample *found = NULL;

  for (guint i = 0; i < gst_tag_list_get_tag_size (tags, GST_TAG_IMAGE); i++)
    {
      GstSample *sample = NULL;
      const GstStructure *info;
      int type = GST_TAG_IMAGE_TYPE_UNDEFINED;

      if (!gst_tag_list_get_sample_index (tags, GST_TAG_IMAGE, i, &sample))
        continue;
      info = gst_sample_get_info (sample);
      if (info != NULL)
        gst_structure_get_enum (info, "image-type", GST_TYPE_TAG_IMAGE_TYPE, &type);
      if (found == NULL || type == GST_TAG_IMAGE_TYPE_FRONT_COVER)
        {
          if (found != NULL)
            gst_sample_unref (found);
          found = g_steal_pointer (&sample);
        }
      if (sample != NULL)
        gst_sample_unref (sample);
      if (type == GST_TAG_IMAGE_TYPE_FRONT_COVER)
        break;
    }

  if (found == NULL)
    return;

  if (gst_sample_get_buffer (found) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (found);
      GstMapInfo map;

      raw->picture_size = gst_buffer_get_size (buffer);
      if (raw->picture_size > 0 && raw->picture_size <= max_picture_size &&
          gst_buffer_map (buffer, &map, GST_MAP_READ))
        {
          raw->picture = g_bytes_new (map.data, map.size);
          gst_buffer_unmap (buffer, &map);
        }
    }
  gst_sample_unref (found);
}

static gboolean
has_chapter (GList *entries)
{
  for (GList *l = entries; l != NULL; l = l->next)
    {
      GstTocEntry *entry = l->data;

      if (gst_toc_entry_get_entry_type (entry) == GST_TOC_ENTRY_TYPE_CHAPTER ||
          has_chapter (gst_toc_entry_get_sub_entries (entry)))
        return TRUE;
    }

  return FALSE;
}

/* Whether the file has a picture that moves: a video is not music, even in
 * a .webm. A still picture (a cover) is fine. */
static gboolean
has_video (GstDiscovererInfo *info)
{
  GList *streams = gst_discoverer_info_get_video_streams (info);
  gboolean found = FALSE;

  for (GList *l = streams; l != NULL && !found; l = l->next)
    found = !gst_discoverer_video_info_is_image (l->data);
  gst_discoverer_stream_info_list_free (streams);

  return found;
}

/* The tags of the container and those of the first audio stream; the
 * container's win where both have one. */
static GstTagList *
merged_tags (GstDiscovererInfo       *info,
             GstDiscovererStreamInfo *audio)
{
  g_autoptr(GstDiscovererStreamInfo) top = gst_discoverer_info_get_stream_info (info);
  const GstTagList *container = NULL;
  const GstTagList *stream = gst_discoverer_stream_info_get_tags (audio);

  if (top != NULL && GST_IS_DISCOVERER_CONTAINER_INFO (top))
    container = gst_discoverer_container_info_get_tags (GST_DISCOVERER_CONTAINER_INFO (top));

  if (container == NULL && stream == NULL)
    return gst_tag_list_new_empty ();

  return gst_tag_list_merge (container, stream, GST_TAG_MERGE_KEEP);
}

static FanfareRawTags *
raw_tags_from_info (GstDiscovererInfo *info,
                    const char        *path,
                    gboolean           want_picture,
                    gsize              max_picture_size)
{
  GList *audio = gst_discoverer_info_get_audio_streams (info);
  GstDiscovererAudioInfo *first;
  g_autoptr(GstTagList) tags = NULL;
  const GstToc *toc = gst_discoverer_info_get_toc (info);
  FanfareRawTags *raw;
  guint bitrate;

  if (audio == NULL || has_video (info))
    {
      gst_discoverer_stream_info_list_free (audio);
      return NULL;
    }

  first = audio->data;
  raw = g_new0 (FanfareRawTags, 1);
  raw->artists = g_ptr_array_new_with_free_func (free_gstring);
  raw->duration_ms = gst_discoverer_info_get_duration (info) / GST_MSECOND;
  raw->sample_rate = gst_discoverer_audio_info_get_sample_rate (first);

  /* Matroska keeps no bit rate for most codecs: the average then. */
  bitrate = gst_discoverer_audio_info_get_bitrate (first);
  if (bitrate == 0)
    bitrate = gst_discoverer_audio_info_get_max_bitrate (first);
  if (bitrate == 0 && raw->duration_ms > 0)
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        bitrate = (guint) MIN ((gint64) st.st_size * 8 * 1000 / raw->duration_ms, G_MAXUINT);
    }
  raw->bitrate_kbps = bitrate / 1000;

  tags = merged_tags (info, GST_DISCOVERER_STREAM_INFO (first));
  read_tags (tags, raw);
  if (want_picture)
    read_picture (tags, max_picture_size, raw);
  raw->has_chapters = toc != NULL && has_chapter (gst_toc_get_entries (toc));

  gst_discoverer_stream_info_list_free (audio);

  return raw;
}

/* Every Matroska and WebM file opens with the EBML magic: anything else is
 * turned away without building a pipeline. */
static gboolean
has_ebml_magic (const char *path)
{
  static const guint8 magic[] = { 0x1a, 0x45, 0xdf, 0xa3 };
  guint8 head[sizeof magic] = { 0 };
  FILE *file = g_fopen (path, "rbe");
  gboolean found;

  if (file == NULL)
    return FALSE;
  found = fread (head, 1, sizeof head, file) == sizeof head && memcmp (head, magic, sizeof magic) == 0;
  fclose (file);

  return found;
}

/**
 * fanfare_gst_read:
 * @path: a file name
 * @want_picture: whether to read the embedded cover too
 * @max_picture_size: the largest cover kept
 * @error: return location for a #GError
 *
 * Reads the tags and audio properties of the file at @path with GStreamer,
 * in the calling thread, taking at most %FANFARE_GST_READ_TIMEOUT_SECONDS.
 * Safe to call from any thread.
 *
 * Returns: (transfer full): what was found, or %NULL with
 *   %FANFARE_LIBRARY_ERROR_NOT_AUDIO when the file is not audio GStreamer
 *   can read (damaged, a video, or too slow to read)
 */
FanfareRawTags *
fanfare_gst_read (const char *path,
                  gboolean    want_picture,
                  gsize       max_picture_size,
                  GError    **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  FanfareRawTags *raw;

  g_return_val_if_fail (path != NULL, NULL);

  if (!has_ebml_magic (path))
    {
      g_set_error_literal (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO,
                           "Not a Matroska file");
      return NULL;
    }

  if (!ensure_gst (&local_error) ||
      (uri = g_filename_to_uri (path, NULL, &local_error)) == NULL ||
      (discoverer = gst_discoverer_new (FANFARE_GST_READ_TIMEOUT_SECONDS * GST_SECOND, &local_error)) == NULL)
    {
      g_set_error (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO,
                   "Cannot read with GStreamer: %s", local_error->message);
      return NULL;
    }

  info = gst_discoverer_discover_uri (discoverer, uri, &local_error);
  if (info == NULL || gst_discoverer_info_get_result (info) != GST_DISCOVERER_OK)
    {
      g_set_error (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO,
                   "Not an audio file GStreamer reads: %s",
                   local_error != NULL ? local_error->message : "no result");
      return NULL;
    }

  raw = raw_tags_from_info (info, path, want_picture, max_picture_size);
  if (raw == NULL)
    g_set_error_literal (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO,
                         "No audio, or a video");

  return raw;
}
