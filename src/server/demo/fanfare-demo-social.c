/* fanfare-demo-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The people of the demo: an admin, influencers with curated playlists and
 * the verified mark, and listeners who follow artists, influencers and each
 * other, keep playlists (public, unlisted and private) and have weeks of
 * play history. Popular artists are followed and played more, as on any
 * platform: picks lean on a Zipf-like weight. */

#include "config.h"

#include <math.h>

#include "fanfare-account-store.h"
#include "fanfare-demo-art.h"
#include "fanfare-demo-private.h"
#include "fanfare-images.h"
#include "fanfare-playlist-store.h"
#include "fanfare-social-store.h"
#include "fanfare-user.h"

#define SOCIAL_SEED  20260202
#define AVATAR_SIZE  256
#define HISTORY_DAYS 60

/**
 * _fanfare_demo_add_user:
 * @avatar: whether to draw them a picture
 *
 * Returns: the new user's id, or 0 with @error set
 */
gint64
_fanfare_demo_add_user (DemoContext     *context,
                        const char      *username,
                        const char      *name,
                        const char      *bio,
                        FanfareUserRole  role,
                        gboolean         avatar,
                        GError         **error)
{
  g_autoptr(FanfareUser) user = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *key = NULL;
  gint64 user_id;

  user = fanfare_account_store_create_user (context->db, username, name, NULL, context->password_hash, role, error);
  if (user == NULL)
    return 0;
  user_id = g_ascii_strtoll (fanfare_user_get_id (user), NULL, 10);
  context->report->users++;

  if (bio != NULL && !fanfare_account_store_update_profile (context->db, user_id, NULL, bio, NULL, error))
    return 0;

  if (avatar)
    {
      g_autoptr(GdkPixbuf) picture = fanfare_demo_draw_avatar (g_str_hash (username), AVATAR_SIZE);

      key = _fanfare_demo_image_id ("avatar", username);
      if ((image_id = fanfare_images_add_pixbuf (context->media, picture, key, error)) == NULL ||
          !fanfare_account_store_set_avatar (context->db, user_id, image_id, error))
        return 0;
    }

  return user_id;
}

/* An index from 0 to @n - 1, the low ones likelier. */
static guint
pick_popular (GRand *rand,
              guint  n)
{
  double u = g_rand_double (rand);

  return MIN (n - 1, (guint) (n * pow (u, 2.2)));
}

/* The tracks of @artist's albums, or of everyone's when @artist is -1. */
static GArray *
tracks_of (DemoContext *context,
           int          artist)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint a = 0; a < context->albums->len; a++)
    {
      DemoAlbum *album = g_ptr_array_index (context->albums, a);

      if (artist < 0 || album->artist == (guint) artist)
        g_array_append_vals (ids, album->track_ids->data, album->track_ids->len);
    }

  return ids;
}

static gint64
pick_track (GRand       *rand,
            DemoContext *context,
            GArray      *favorites,
            GArray      *all)
{
  GArray *from = favorites->len > 0 && g_rand_double (rand) < 0.7 ? favorites : all;

  return g_array_index (from, gint64, pick_popular (rand, from->len));
}

static gboolean
add_playlist (DemoContext               *context,
              GRand                     *rand,
              gint64                     owner,
              gboolean                   chinese,
              FanfarePlaylistVisibility  visibility,
              GArray                    *favorites,
              GArray                    *all,
              guint                      n_tracks,
              GError                   **error)
{
  g_autofree char *title = fanfare_demo_playlist_title (rand, chinese);
  g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 playlist_id;

  for (guint i = 0; i < n_tracks; i++)
    {
      gint64 track = pick_track (rand, context, favorites, all);

      g_array_append_val (picks, track);
    }

  playlist_id = fanfare_playlist_store_create (context->db, owner, title, NULL, visibility, error);
  if (playlist_id == 0 ||
      !fanfare_playlist_store_add_tracks (context->db, playlist_id, (gint64 *) picks->data, picks->len, error))
    return FALSE;

  context->report->playlists++;

  return TRUE;
}

static gboolean
add_history (DemoContext *context,
             GRand       *rand,
             gint64       user,
             GArray      *favorites,
             GArray      *all,
             guint        n_plays,
             GError     **error)
{
  g_autoptr(GArray) tracks = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_plays);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_plays);

  for (guint i = 0; i < n_plays; i++)
    {
      gint64 track = pick_track (rand, context, favorites, all);
      gint64 at = context->now - (gint64) (g_rand_double (rand) * HISTORY_DAYS * 86400);

      g_array_append_val (tracks, track);
      g_array_append_val (times, at);
    }

  if (!fanfare_social_store_add_plays (context->db, user, (gint64 *) tracks->data, (gint64 *) times->data,
                                       n_plays, error))
    return FALSE;

  context->report->plays += n_plays;

  return TRUE;
}

/* A listener's taste: a few artists, the popular ones likelier; they
 * follow them and hear them most. */
static gboolean
add_listener (DemoContext *context,
              GRand       *rand,
              gint64       user,
              GArray      *influencers,
              GArray      *listeners,
              GArray      *all,
              GError     **error)
{
  g_autoptr(GArray) favorites = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean small = context->options->small;
  guint n_artists = g_rand_int_range (rand, 3, 11);

  for (guint i = 0; i < n_artists; i++)
    {
      guint artist = pick_popular (rand, fanfare_demo_n_artists);
      g_autoptr(GArray) tracks = tracks_of (context, artist);

      g_array_append_vals (favorites, tracks->data, tracks->len);
      if (!fanfare_social_store_follow (context->db, user, g_array_index (context->artist_users, gint64, artist),
                                        error))
        return FALSE;
    }

  for (guint i = 0; i < influencers->len; i++)
    if (g_rand_double (rand) < 0.5 &&
        !fanfare_social_store_follow (context->db, user, g_array_index (influencers, gint64, i), error))
      return FALSE;

  for (guint i = 0; i < 3 && listeners->len > 1; i++)
    {
      gint64 friend = g_array_index (listeners, gint64, g_rand_int_range (rand, 0, listeners->len));

      if (friend != user && !fanfare_social_store_follow (context->db, user, friend, error))
        return FALSE;
    }

  if (g_rand_double (rand) < 0.7 &&
      !add_playlist (context, rand, user, g_rand_boolean (rand), g_rand_int_range (rand, 0, 3), favorites, all,
                     g_rand_int_range (rand, 6, 16), error))
    return FALSE;

  return add_history (context, rand, user, favorites, all,
                      small ? g_rand_int_range (rand, 5, 11) : g_rand_int_range (rand, 30, 151), error);
}

/* An influencer's playlists follow a theme: a genre they curate. */
static gboolean
add_influencer_playlists (DemoContext *context,
                          GRand       *rand,
                          gint64       user,
                          guint        index,
                          GArray      *all,
                          GError     **error)
{
  guint n_playlists = context->options->small ? 1 : g_rand_int_range (rand, 2, 4);

  for (guint p = 0; p < n_playlists; p++)
    {
      g_autoptr(GArray) theme = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint first = g_rand_int_range (rand, 0, fanfare_demo_n_artists);

      for (guint a = 0; a < 4; a++)
        {
          g_autoptr(GArray) tracks = tracks_of (context, (first + a * (index + 2)) % fanfare_demo_n_artists);

          g_array_append_vals (theme, tracks->data, tracks->len);
        }

      if (!add_playlist (context, rand, user, index % 2 == 0, FANFARE_PLAYLIST_VISIBILITY_PUBLIC, theme, all,
                         context->options->small ? 4 : g_rand_int_range (rand, 12, 26), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _fanfare_demo_add_people:
 *
 * Adds the admin, the influencers and the listeners, with their follows,
 * playlists and histories. The artists and their albums are there already.
 */
gboolean
_fanfare_demo_add_people (DemoContext *context,
                          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SOCIAL_SEED);
  g_autoptr(GArray) all = tracks_of (context, -1);
  g_autoptr(GArray) influencers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) listeners = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_listeners = context->options->small ? 6 : fanfare_demo_n_listeners;

  if (_fanfare_demo_add_user (context, "admin", "Fanfare Admin", NULL, FANFARE_USER_ROLE_ADMIN, FALSE,
                              error) == 0)
    return FALSE;

  for (guint i = 0; i < fanfare_demo_n_influencers; i++)
    {
      const FanfareDemoPerson *person = &fanfare_demo_influencers[i];
      gint64 user = _fanfare_demo_add_user (context, person->username, person->name, person->bio,
                                            FANFARE_USER_ROLE_LISTENER, TRUE, error);

      if (user == 0 || !fanfare_account_store_set_verified (context->db, user, TRUE, error) ||
          !add_influencer_playlists (context, rand, user, i, all, error))
        return FALSE;
      g_array_append_val (influencers, user);
    }

  for (guint i = 0; i < n_listeners; i++)
    {
      const FanfareDemoPerson *person = &fanfare_demo_listeners[i];
      gint64 user = _fanfare_demo_add_user (context, person->username, person->name, person->bio,
                                            FANFARE_USER_ROLE_LISTENER, i % 2 == 0, error);

      if (user == 0)
        return FALSE;
      g_array_append_val (listeners, user);
    }

  for (guint i = 0; i < listeners->len; i++)
    if (!add_listener (context, rand, g_array_index (listeners, gint64, i), influencers, listeners, all, error))
      return FALSE;

  return TRUE;
}
