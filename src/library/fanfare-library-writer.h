/* fanfare-library-writer.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-library-db.h"
#include "fanfare-library-types.h"
#include "fanfare-tags.h"

G_BEGIN_DECLS

/* Writes tracks into the index in batches: one transaction per batch, after
 * which the albums, artists and genres the batch touched are counted again
 * and those left empty are removed. Used from the scan's thread. */
typedef struct _FanfareLibraryWriter FanfareLibraryWriter;

/* What a track is sorted, grouped and searched by, folded. */
typedef struct {
  char *title;                 /* shown: the title, or the file's name */
  char *title_key;
  char *artist_key;            /* of the artists shown */
  char *first_artist_key;      /* of the first artist, the track's artist */
  char *album_key;             /* of the album's title */
  char *album_artist_key;      /* of the album artist, or the first artist */
  char *genre_key;
  char *search[3];             /* title, artist and album, for the trigram table */
  char *words[3];              /* the same, CJK spaced, for the words table */
} FanfareTrackKeys;

FanfareTrackKeys     *fanfare_track_keys_new (const char  *path,
                                              FanfareTags *tags);
void                  fanfare_track_keys_free (FanfareTrackKeys *keys);

FanfareLibraryWriter *fanfare_library_writer_new (FanfareLibraryDb *db);
void                  fanfare_library_writer_free (FanfareLibraryWriter *self);
gboolean              fanfare_library_writer_begin (FanfareLibraryWriter *self,
                                                    GError              **error);
gboolean              fanfare_library_writer_put_track (FanfareLibraryWriter   *self,
                                                        const char             *path,
                                                        gint64                  mtime,
                                                        gint64                  size,
                                                        FanfareTags            *tags,
                                                        const FanfareTrackKeys *keys,
                                                        const char             *cover,
                                                        gboolean                is_new,
                                                        GError                **error);
gboolean              fanfare_library_writer_remove_track (FanfareLibraryWriter *self,
                                                           gint64                id,
                                                           GError              **error);
gboolean              fanfare_library_writer_put_problem (FanfareLibraryWriter      *self,
                                                          const char                *path,
                                                          FanfareLibraryProblemKind  kind,
                                                          const char                *detail,
                                                          GError                   **error);
gboolean              fanfare_library_writer_clear_problem (FanfareLibraryWriter *self,
                                                            const char           *path,
                                                            GError              **error);
gboolean              fanfare_library_writer_set_cover (FanfareLibraryWriter *self,
                                                        const char           *album_key,
                                                        const char           *cover,
                                                        GError              **error);
gboolean              fanfare_library_writer_commit (FanfareLibraryWriter *self,
                                                     GError              **error);
void                  fanfare_library_writer_rollback (FanfareLibraryWriter *self);
char                 *fanfare_library_album_key (FanfareTags *tags) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareLibraryWriter, fanfare_library_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareTrackKeys, fanfare_track_keys_free)

G_END_DECLS
