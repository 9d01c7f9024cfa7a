/* fanfare-demo-names.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *username;
  const char *name;
  const char *city;
  const char *genre;     /* a style's genre */
  gboolean    verified;
  gboolean    chinese;
} FanfareDemoArtist;

typedef struct {
  const char *username;
  const char *name;
  const char *bio;
} FanfareDemoPerson;

extern const FanfareDemoArtist fanfare_demo_artists[];
extern const guint fanfare_demo_n_artists;
extern const FanfareDemoPerson fanfare_demo_influencers[];
extern const guint fanfare_demo_n_influencers;
extern const FanfareDemoPerson fanfare_demo_listeners[];
extern const guint fanfare_demo_n_listeners;

char *fanfare_demo_album_title (GRand    *rand,
                                gboolean  chinese) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_demo_track_title (GRand    *rand,
                                gboolean  chinese) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_demo_artist_bio (const FanfareDemoArtist *artist,
                               const char              *genre_name,
                               int                      since) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_demo_playlist_title (GRand    *rand,
                                   gboolean  chinese) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
