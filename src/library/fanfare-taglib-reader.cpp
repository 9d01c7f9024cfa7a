/* fanfare-taglib-reader.cpp
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one C++ file of the library: TagLib's C API gives only title, artist,
 * album, comment, genre, year, track and whole seconds, so the fields the
 * library needs besides (album artist, disc, ReplayGain, MusicBrainz ids,
 * lyrics, pictures, milliseconds) are read here through TagLib's C++ API
 * and handed to C unchecked. src/library/README.md has the measurements. */

#include "config.h"

#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/tfilestream.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4atom.h>
#include <taglib/mp4coverart.h>
#include <taglib/mp4file.h>
#include <taglib/mp4tag.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/relativevolumeframe.h>
#include <taglib/tpropertymap.h>
#include <taglib/vorbisfile.h>
#include <taglib/xiphcomment.h>

#include "fanfare-taglib-reader.h"

static const struct {
  const char     *key;
  FanfareRawField field;
} property_keys[] = {
  { "TITLE", FANFARE_RAW_TITLE },
  { "ALBUM", FANFARE_RAW_ALBUM },
  { "ALBUMARTIST", FANFARE_RAW_ALBUM_ARTIST },
  { "GENRE", FANFARE_RAW_GENRE },
  { "TRACKNUMBER", FANFARE_RAW_TRACK_NUMBER },
  { "DISCNUMBER", FANFARE_RAW_DISC_NUMBER },
  { "DATE", FANFARE_RAW_DATE },
  { "LYRICS", FANFARE_RAW_LYRICS },
  { "UNSYNCEDLYRICS", FANFARE_RAW_LYRICS },
  { "REPLAYGAIN_TRACK_GAIN", FANFARE_RAW_TRACK_GAIN },
  { "REPLAYGAIN_TRACK_PEAK", FANFARE_RAW_TRACK_PEAK },
  { "REPLAYGAIN_ALBUM_GAIN", FANFARE_RAW_ALBUM_GAIN },
  { "REPLAYGAIN_ALBUM_PEAK", FANFARE_RAW_ALBUM_PEAK },
  { "MUSICBRAINZ_TRACKID", FANFARE_RAW_MB_TRACK_ID },
  { "MUSICBRAINZ_ALBUMID", FANFARE_RAW_MB_ALBUM_ID },
  { "MUSICBRAINZ_ARTISTID", FANFARE_RAW_MB_ARTIST_ID },
  { "MUSICBRAINZ_ALBUMARTISTID", FANFARE_RAW_MB_ALBUM_ARTIST_ID },
};

static void
free_gstring (gpointer  string)
{
  g_string_free (static_cast<GString *>(string), TRUE);
}

static GString *
to_gstring (const TagLib::String &string)
{
  std::string utf8 = string.to8Bit (true);

  return g_string_new_len (utf8.data (), utf8.size ());
}

static void
read_properties (TagLib::File   *file,
                 FanfareRawTags *raw)
{
  TagLib::PropertyMap properties = file->properties ();

  for (const auto &entry : property_keys)
    {
      auto it = properties.find (entry.key);

      if (it == properties.end () || it->second.isEmpty () ||
          raw->fields[entry.field] != NULL)
        continue;

      raw->fields[entry.field] = to_gstring (it->second.front ());
    }

  auto artists = properties.find ("ARTIST");
  if (artists != properties.end ())
    for (const auto &artist : artists->second)
      g_ptr_array_add (raw->artists, to_gstring (artist));
}

static GString *
number_string (double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_string_new (g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* ID3v2.4's RVA2 frames, "track" and "album", hold ReplayGain values as
 * some taggers (and GStreamer) write them, instead of TXXX frames. */
static void
read_rva2 (TagLib::ID3v2::Tag *tag,
           FanfareRawTags     *raw)
{
  using TagLib::ID3v2::RelativeVolumeFrame;

  if (tag == NULL)
    return;

  for (auto *frame : tag->frameListMap ()["RVA2"])
    {
      auto *rva2 = dynamic_cast<RelativeVolumeFrame *>(frame);
      FanfareRawField gain, peak;
      RelativeVolumeFrame::PeakVolume peak_volume;
      guint64 peak_value = 0;
      TagLib::String id;

      if (rva2 == NULL)
        continue;

      id = rva2->identification ().upper ();
      if (id == "TRACK")
        gain = FANFARE_RAW_TRACK_GAIN, peak = FANFARE_RAW_TRACK_PEAK;
      else if (id == "ALBUM")
        gain = FANFARE_RAW_ALBUM_GAIN, peak = FANFARE_RAW_ALBUM_PEAK;
      else
        continue;

      if (raw->fields[gain] == NULL)
        raw->fields[gain] = number_string (rva2->volumeAdjustment (RelativeVolumeFrame::MasterVolume));

      peak_volume = rva2->peakVolume (RelativeVolumeFrame::MasterVolume);
      if (raw->fields[peak] != NULL || peak_volume.bitsRepresentingPeak == 0 ||
          peak_volume.bitsRepresentingPeak > 32 || peak_volume.peakVolume.size () > 4)
        continue;
      for (auto byte : peak_volume.peakVolume)
        peak_value = peak_value << 8 | (guint8) byte;
      raw->fields[peak] = number_string ((double) peak_value /
                                         (double) (G_GUINT64_CONSTANT (1) << (peak_volume.bitsRepresentingPeak - 1)));
    }
}

/* The front cover when there is one, else the first picture. */
static TagLib::ByteVector
id3v2_picture (TagLib::ID3v2::Tag *tag)
{
  TagLib::ByteVector found;

  if (tag == NULL)
    return found;

  for (auto *frame : tag->frameListMap ()["APIC"])
    {
      auto *picture = dynamic_cast<TagLib::ID3v2::AttachedPictureFrame *>(frame);

      if (picture == NULL)
        continue;
      if (picture->type () == TagLib::ID3v2::AttachedPictureFrame::FrontCover)
        return picture->picture ();
      if (found.isEmpty ())
        found = picture->picture ();
    }

  return found;
}

static TagLib::ByteVector
flac_picture (const TagLib::List<TagLib::FLAC::Picture *> &pictures)
{
  TagLib::ByteVector found;

  for (auto *picture : pictures)
    {
      if (picture->type () == TagLib::FLAC::Picture::FrontCover)
        return picture->data ();
      if (found.isEmpty ())
        found = picture->data ();
    }

  return found;
}

static TagLib::ByteVector
read_picture (TagLib::File *file)
{
  if (auto *mpeg = dynamic_cast<TagLib::MPEG::File *>(file))
    return id3v2_picture (mpeg->ID3v2Tag (false));

  if (auto *flac = dynamic_cast<TagLib::FLAC::File *>(file))
    {
      TagLib::ByteVector picture = flac_picture (flac->pictureList ());

      if (picture.isEmpty () && flac->hasID3v2Tag ())
        picture = id3v2_picture (flac->ID3v2Tag ());
      return picture;
    }

  if (auto *vorbis = dynamic_cast<TagLib::Ogg::Vorbis::File *>(file))
    return flac_picture (vorbis->tag ()->pictureList ());

  if (auto *opus = dynamic_cast<TagLib::Ogg::Opus::File *>(file))
    return flac_picture (opus->tag ()->pictureList ());

  if (auto *mp4 = dynamic_cast<TagLib::MP4::File *>(file))
    {
      TagLib::MP4::CoverArtList covers = mp4->tag ()->item ("covr").toCoverArtList ();

      if (!covers.isEmpty ())
        return covers.front ().data ();
    }

  return TagLib::ByteVector ();
}

/* Chapters in the file itself: ID3v2 CHAP frames, or in MP4 a Nero chapter
 * list (moov/udta/chpl) or a QuickTime chapter track, which a track's
 * reference atom (moov/trak/tref) names with a "chap" entry. */
static bool
mp4_has_chapters (TagLib::MP4::File *file)
{
  TagLib::MP4::Atoms atoms (file);
  TagLib::MP4::Atom *moov = atoms.find ("moov");

  if (moov == NULL)
    return false;
  if (moov->find ("udta", "chpl") != NULL)
    return true;

  for (auto *trak : moov->findall ("trak"))
    for (auto *child : trak->children)
      {
        TagLib::ByteVector data;

        if (child->name != "tref" || child->length < 16 || child->length > 4096)
          continue;
        file->seek (child->offset + 8);
        data = file->readBlock (child->length - 8);
        if (data.find ("chap") >= 0)
          return true;
      }

  return false;
}

static bool
has_chapters (TagLib::File *file)
{
  if (auto *mpeg = dynamic_cast<TagLib::MPEG::File *>(file))
    {
      TagLib::ID3v2::Tag *tag = mpeg->ID3v2Tag (false);

      return tag != NULL && !tag->frameListMap ()["CHAP"].isEmpty ();
    }

  if (auto *mp4 = dynamic_cast<TagLib::MP4::File *>(file))
    return mp4_has_chapters (mp4);

  return false;
}

static FanfareRawTags *
read_file (const char *path,
           gboolean    want_picture,
           gsize       max_picture_size)
{
  /* Read-only: a file opened for writing says it was written to when it
   * is closed, and the library's watch would read it again. */
  TagLib::FileStream stream (path, true);
  TagLib::FileRef ref (&stream, true, TagLib::AudioProperties::Average);
  FanfareRawTags *raw;

  /* TagLib takes some files that are not audio for valid MPEG streams;
   * they have no sample rate. */
  if (ref.isNull () || !ref.file ()->isValid () || ref.audioProperties () == NULL ||
      ref.audioProperties ()->sampleRate () <= 0)
    return NULL;

  raw = g_new0 (FanfareRawTags, 1);
  raw->artists = g_ptr_array_new_with_free_func (free_gstring);
  raw->duration_ms = ref.audioProperties ()->lengthInMilliseconds ();
  raw->bitrate_kbps = ref.audioProperties ()->bitrate ();
  raw->sample_rate = ref.audioProperties ()->sampleRate ();

  read_properties (ref.file (), raw);
  if (auto *mpeg = dynamic_cast<TagLib::MPEG::File *>(ref.file ()))
    read_rva2 (mpeg->ID3v2Tag (false), raw);
  raw->has_chapters = has_chapters (ref.file ());

  if (want_picture)
    {
      TagLib::ByteVector picture = read_picture (ref.file ());

      raw->picture_size = picture.size ();
      if (!picture.isEmpty () && picture.size () <= max_picture_size)
        raw->picture = g_bytes_new (picture.data (), picture.size ());
    }

  return raw;
}

FanfareRawTags *
fanfare_taglib_read (const char *path,
                     gboolean    want_picture,
                     gsize       max_picture_size)
{
  g_return_val_if_fail (path != NULL, NULL);

  /* A file TagLib cannot parse must not take the scan down with it. */
  try
    {
      return read_file (path, want_picture, max_picture_size);
    }
  catch (...)
    {
      return NULL;
    }
}

void
fanfare_raw_tags_free (FanfareRawTags *raw)
{
  if (raw == NULL)
    return;

  for (guint i = 0; i < FANFARE_N_RAW_FIELDS; i++)
    if (raw->fields[i] != NULL)
      g_string_free (raw->fields[i], TRUE);
  g_ptr_array_unref (raw->artists);
  g_clear_pointer (&raw->picture, g_bytes_unref);
  g_free (raw);
}
