/* fanfare-demo-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-demo-music.h"
#include "fanfare-demo-names.h"
#include "fanfare-demo.h"
#include "fanfare-fingerprints.h"

G_BEGIN_DECLS

typedef struct _DemoAlbum DemoAlbum;

typedef struct {
  DemoAlbum *album;
  guint      number;
  char      *title;
  double     seconds;
  guint32    seed;
  char      *path;
  guint      n_parts;    /* chapters of a book, songs of a mix */

  /* Filled in by the worker */
  gint64              duration_ms;
  double              gain;
  double              peak;
  GArray             *chapters;      /* FanfareChapterDraft, strings owned */
  FanfareFingerprint *fingerprint;
  GError             *error;
} DemoTrack;

struct _DemoAlbum
{
  guint               artist;  /* in fanfare_demo_artists */
  char               *title;
  const FanfareStyle *style;   /* NULL for a book or a mix */
  FanfareTrackKind    kind;
  char               *release_date;
  guint32             seed;
  GPtrArray          *tracks;  /* DemoTrack */
  GArray             *track_ids;
};

/* What the social part needs of the catalog. */
typedef struct {
  FanfareDatabase          *db;
  FanfareMediaStore        *media;
  const FanfareDemoOptions *options;
  FanfareDemoReport        *report;
  char                     *password_hash;
  GPtrArray                *albums; /* DemoAlbum */
  GArray                   *artist_ids; /* gint64 artist profile, by artist index */
  GArray                   *artist_users; /* gint64 user, by artist index */
  gint64                    now;
  FanfareFingerprints      *fingerprints;
  GPtrArray                *prints; /* FanfareFingerprint of the stored tracks */
} DemoContext;

gboolean _fanfare_demo_render_tracks (DemoContext *context,
                                      const char  *work_dir,
                                      GError     **error);
gboolean _fanfare_demo_add_people (DemoContext *context,
                                   GError     **error);
char    *_fanfare_demo_image_id (const char *kind,
                                 const char *name) G_GNUC_WARN_UNUSED_RESULT;
gint64   _fanfare_demo_add_user (DemoContext     *context,
                                 const char      *username,
                                 const char      *name,
                                 const char      *bio,
                                 FanfareUserRole  role,
                                 gboolean         avatar,
                                 GError         **error);

G_END_DECLS
