/* fanfare-demo.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* seed-demo: a living platform generated from nothing. The plan (who makes
 * which albums, in which style, with which seeds) comes from one fixed
 * seed, so every run makes the same catalog; the audio is rendered in
 * parallel, then everything is written in a fixed order: artists and
 * their albums, then listeners, follows, playlists and play histories. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fanfare-account-store.h"
#include "fanfare-catalog-store.h"
#include "fanfare-credentials.h"
#include "fanfare-demo-art.h"
#include "fanfare-demo-private.h"
#include "fanfare-error.h"
#include "fanfare-images.h"
#include "fanfare-track.h"

#define PLAN_SEED     20260101
#define DEMO_PASSWORD "fanfare-demo"
#define COVER_SIZE    640

static const FanfareStyle *
style_for (const char *genre)
{
  for (guint i = 0; i < fanfare_demo_get_n_styles (); i++)
    if (g_str_equal (fanfare_style_get_genre (fanfare_demo_get_style (i)), genre))
      return fanfare_demo_get_style (i);

  return NULL;
}

static void
demo_track_free (DemoTrack *track)
{
  if (track->chapters != NULL)
    {
      for (guint i = 0; i < track->chapters->len; i++)
        {
          FanfareChapterDraft *chapter = &g_array_index (track->chapters, FanfareChapterDraft, i);

          g_free ((char *) chapter->title);
          g_free ((char *) chapter->artist);
        }
      g_array_unref (track->chapters);
    }
  g_clear_error (&track->error);
  g_clear_pointer (&track->fingerprint, fanfare_fingerprint_free);
  g_free (track->title);
  g_free (track->path);
  g_free (track);
}

static void
demo_album_free (DemoAlbum *album)
{
  g_ptr_array_unref (album->tracks);
  g_array_unref (album->track_ids);
  g_free (album->title);
  g_free (album->release_date);
  g_free (album);
}

static DemoAlbum *
plan_album (GRand              *rand,
            guint               artist,
            const FanfareStyle *style,
            FanfareTrackKind    kind)
{
  const FanfareDemoArtist *who = &fanfare_demo_artists[artist];
  DemoAlbum *album = g_new0 (DemoAlbum, 1);
  int year = g_rand_int_range (rand, 2019, 2027);

  album->artist = artist;
  album->style = style;
  album->kind = kind;
  album->seed = g_rand_int (rand);
  album->tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_track_free);
  album->track_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  album->title = fanfare_demo_album_title (rand, who->chinese);
  album->release_date = g_strdup_printf ("%04d-%02d-%02d", year, g_rand_int_range (rand, 1, year == 2026 ? 11 : 13),
                                         g_rand_int_range (rand, 1, 29));

  return album;
}

static void
plan_track (DemoAlbum *album,
            GRand     *rand,
            double     seconds,
            guint      n_parts)
{
  DemoTrack *track = g_new0 (DemoTrack, 1);

  track->album = album;
  track->number = album->tracks->len + 1;
  track->title = fanfare_demo_track_title (rand, fanfare_demo_artists[album->artist].chinese);
  track->seconds = seconds;
  track->seed = g_rand_int (rand);
  track->n_parts = n_parts;
  g_ptr_array_add (album->tracks, track);
}

/* Who makes what: most artists a couple of albums of songs in their style,
 * now and then in another; one narrates an audiobook, one mixes. */
static GPtrArray *
plan (gboolean  small)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (PLAN_SEED);
  GPtrArray *albums = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_album_free);

  for (guint a = 0; a < fanfare_demo_n_artists; a++)
    {
      const FanfareDemoArtist *artist = &fanfare_demo_artists[a];
      const FanfareStyle *style = style_for (artist->genre);
      guint n_albums = small ? 1 : 1 + (g_rand_double (rand) < 0.5) + (artist->verified && g_rand_double (rand) < 0.3);

      /* The small demo keeps a few of each kind: two Chinese names, one with
       * accents, the book and the mix. */
      if (small && style != NULL && a != 0 && a != 1 && a != 20)
        continue;

      for (guint i = 0; i < n_albums; i++)
        {
          DemoAlbum *album;

          if (style == NULL)
            {
              gboolean book = g_str_equal (artist->genre, "Audiobook");

              album = plan_album (rand, a, NULL, book ? FANFARE_TRACK_KIND_AUDIOBOOK : FANFARE_TRACK_KIND_DJ_MIX);
              for (guint t = 0; t < (small ? 1 : 2); t++)
                plan_track (album, rand, small ? 14 : (book ? 150 : 180), small ? 2 : (book ? 3 : 6));
            }
          else
            {
              const FanfareStyle *album_style = g_rand_double (rand) < 0.15
                ? fanfare_demo_get_style (g_rand_int_range (rand, 0, fanfare_demo_get_n_styles ()))
                : style;
              guint n_tracks = small ? 2 : g_rand_int_range (rand, 5, 8);

              album = plan_album (rand, a, album_style, FANFARE_TRACK_KIND_SONG);
              for (guint t = 0; t < n_tracks; t++)
                plan_track (album, rand, small ? 4 : g_rand_double_range (rand, 18, 28), 0);
            }

          g_ptr_array_add (albums, album);
        }
    }

  return albums;
}

/**
 * _fanfare_demo_image_id:
 *
 * Returns: (transfer full): a stable image id for a generated picture
 */
char *
_fanfare_demo_image_id (const char *kind,
                        const char *name)
{
  g_autofree char *key = g_strconcat ("fanfare-demo/", kind, "/", name, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

static gboolean
store_album (DemoContext *context,
             guint        index,
             DemoAlbum   *album,
             GError     **error)
{
  g_autofree FanfareTrackDraft * drafts = g_new0 (FanfareTrackDraft, album->tracks->len);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GdkPixbuf) cover = fanfare_demo_draw_cover (album->seed, COVER_SIZE);
  g_autofree char *cover_name = g_strdup_printf ("cover-%u", index);
  g_autofree char *cover_key = _fanfare_demo_image_id ("cover", cover_name);
  g_autofree char *cover_id = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  FanfareViewer admin = { .admin = TRUE };
  FanfareAlbumDraft draft = {
    .artist_id = g_array_index (context->artist_ids, gint64, album->artist),
    .title = album->title,
    .genre = album->style != NULL ? fanfare_style_get_genre (album->style)
                                  : fanfare_demo_artists[album->artist].genre,
    .release_date = album->release_date,
    .published = TRUE,
  };
  gint64 album_id;

  if ((cover_id = fanfare_images_add_pixbuf (context->media, cover, cover_key, error)) == NULL)
    return FALSE;
  draft.cover_id = cover_id;

  for (guint t = 0; t < album->tracks->len; t++)
    {
      DemoTrack *track = g_ptr_array_index (album->tracks, t);
      char *hash = fanfare_media_store_add_file (context->media, track->path, "audio/ogg", error);

      if (hash == NULL)
        return FALSE;
      g_ptr_array_add (hashes, hash);
      g_unlink (track->path);

      drafts[t] = (FanfareTrackDraft) {
        .title = track->title,
        .kind = album->kind,
        .track_number = track->number,
        .duration_ms = track->duration_ms,
        .replaygain_gain = track->gain,
        .replaygain_peak = track->peak,
        .media_hash = hash,
        .chapters = track->chapters != NULL ? (FanfareChapterDraft *) track->chapters->data : NULL,
        .n_chapters = track->chapters != NULL ? track->chapters->len : 0,
      };
    }

  album_id = fanfare_catalog_store_add_album (context->db, &draft, drafts, album->tracks->len, error);
  if (album_id == 0 ||
      (tracks = fanfare_catalog_store_list_album_tracks (context->db, &admin, album_id, error)) == NULL)
    return FALSE;

  for (guint t = 0; t < tracks->len; t++)
    {
      gint64 id = g_ascii_strtoll (fanfare_track_get_id (g_ptr_array_index (tracks, t)), NULL, 10);

      g_array_append_val (album->track_ids, id);
    }

  /* The tracks were numbered in the order they were planned. */
  for (guint t = 0; t < album->tracks->len && t < album->track_ids->len; t++)
    {
      DemoTrack *track = g_ptr_array_index (album->tracks, t);

      if (track->fingerprint == NULL)
        continue;
      track->fingerprint->track_id = g_array_index (album->track_ids, gint64, t);
      g_ptr_array_add (context->prints, g_steal_pointer (&track->fingerprint));
    }

  context->report->albums++;
  context->report->tracks += tracks->len;

  return TRUE;
}

static gboolean
add_artists (DemoContext *context,
             GError     **error)
{
  for (guint a = 0; a < fanfare_demo_n_artists; a++)
    {
      const FanfareDemoArtist *artist = &fanfare_demo_artists[a];
      const FanfareStyle *style = style_for (artist->genre);
      g_autofree char *bio = fanfare_demo_artist_bio (artist, style != NULL ? fanfare_style_get_name (style)
                                                                            : artist->genre, 2012 + a % 12);
      gint64 user_id, artist_id;

      user_id = _fanfare_demo_add_user (context, artist->username, artist->name, bio, FANFARE_USER_ROLE_ARTIST,
                                        TRUE, error);
      if (user_id == 0 ||
          (artist->verified && !fanfare_account_store_set_verified (context->db, user_id, TRUE, error)) ||
          (artist_id = fanfare_catalog_store_get_artist_for_user (context->db, user_id, error)) == 0 ||
          !fanfare_catalog_store_update_artist (context->db, artist_id, NULL, bio, NULL, error))
        return FALSE;

      g_array_append_val (context->artist_ids, artist_id);
      g_array_append_val (context->artist_users, user_id);
      context->report->artists++;
    }

  return TRUE;
}

static gboolean
seed (DemoContext *context,
      GError     **error)
{
  g_autofree char *data_dir = g_path_get_dirname (fanfare_database_get_path (context->db));
  g_autofree char *work_dir = g_build_filename (data_dir, ".demo-work", NULL);
  gboolean ok;

  g_mkdir_with_parents (work_dir, 0700);
  ok = _fanfare_demo_render_tracks (context, work_dir, error) && add_artists (context, error);

  for (guint a = 0; ok && a < context->albums->len; a++)
    ok = store_album (context, a, g_ptr_array_index (context->albums, a), error);
  ok = ok && fanfare_fingerprints_add (context->fingerprints, context->prints, error);

  ok = ok && _fanfare_demo_add_people (context, error);

  /* Whatever is left of a failed run goes; nothing half-written stays. */
  for (guint a = 0; a < context->albums->len; a++)
    {
      DemoAlbum *album = g_ptr_array_index (context->albums, a);

      for (guint t = 0; t < album->tracks->len; t++)
        g_unlink (((DemoTrack *) g_ptr_array_index (album->tracks, t))->path);
    }
  g_rmdir (work_dir);

  return ok;
}

/**
 * fanfare_demo_seed:
 * @report: (out caller-allocates): what was made
 *
 * Fills an empty platform with the demo. Every demo account's password is
 * "fanfare-demo".
 */
gboolean
fanfare_demo_seed (FanfareDatabase          *db,
                   FanfareMediaStore        *media,
                   FanfareFingerprints      *fingerprints,
                   const FanfareDemoOptions *options,
                   FanfareDemoReport        *report,
                   GError                  **error)
{
  g_autoptr(GError) lookup_error = NULL;
  DemoContext context = {
    .db = db,
    .media = media,
    .options = options,
    .report = report,
    .artist_ids = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .artist_users = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC / 86400 * 86400,
    .fingerprints = fingerprints,
    .prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_fingerprint_free),
  };
  gboolean ok;

  *report = (FanfareDemoReport) { 0 };

  if (fanfare_account_store_lookup_user_id (db, "admin", &lookup_error) != 0 ||
      !g_error_matches (lookup_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    {
      g_array_unref (context.artist_ids);
      g_array_unref (context.artist_users);
      g_ptr_array_unref (context.prints);
      if (lookup_error != NULL && !g_error_matches (lookup_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&lookup_error));
      else
        g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                             "The platform has users already; seed the demo into an empty data folder");
      return FALSE;
    }

  context.password_hash = fanfare_credentials_hash_password (DEMO_PASSWORD, error);
  context.albums = plan (options->small);
  ok = context.password_hash != NULL && seed (&context, error);

  g_ptr_array_unref (context.albums);
  g_ptr_array_unref (context.prints);
  g_array_unref (context.artist_ids);
  g_array_unref (context.artist_users);
  g_free (context.password_hash);

  return ok;
}
