/* fanfare-fp-index.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fanfare-fp-extract.h"

G_BEGIN_DECLS

#define FANFARE_FP_ERROR (fanfare_fp_error_quark ())

typedef enum {
  FANFARE_FP_ERROR_CORRUPT,
  FANFARE_FP_ERROR_TOO_LARGE,
  FANFARE_FP_ERROR_VERSION,
} FanfareFpError;

/* One place a hash occurs: which track, and the hash's own details. */
typedef struct {
  guint32 hash;
  guint32 track;
  guint32 frame;
  guint16 span;
  guint16 pitch;
} FanfareFpPosting;

typedef struct _FanfareFpIndex FanfareFpIndex;
typedef struct _FanfareFpIndexWriter FanfareFpIndexWriter;

GQuark                  fanfare_fp_error_quark (void);

FanfareFpIndex         *fanfare_fp_index_new (void) G_GNUC_WARN_UNUSED_RESULT;
FanfareFpIndex         *fanfare_fp_index_load (const char *path,
                                               GError    **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                fanfare_fp_index_save (FanfareFpIndex *self,
                                               const char     *path,
                                               GError        **error);
void                    fanfare_fp_index_free (FanfareFpIndex *self);
gboolean                fanfare_fp_index_merge (FanfareFpIndex *base,
                                                FanfareFpIndex *more,
                                                const char     *path,
                                                GError        **error);

gboolean                fanfare_fp_index_merge_keeping (FanfareFpIndex *base,
                                                        const gboolean *keep,
                                                        FanfareFpIndex *more,
                                                        const char     *path,
                                                        GError        **error);

guint                   fanfare_fp_index_add (FanfareFpIndex *self,
                                              const char     *id,
                                              guint           n_frames,
                                              GArray         *hashes);
guint                   fanfare_fp_index_get_n_tracks (FanfareFpIndex *self);
gsize                   fanfare_fp_index_get_n_postings (FanfareFpIndex *self);
double                  fanfare_fp_index_get_seconds (FanfareFpIndex *self);
const char             *fanfare_fp_index_get_id (FanfareFpIndex *self,
                                                 guint           track);
guint                   fanfare_fp_index_find_id (FanfareFpIndex *self,
                                                  const char     *id);
const FanfareFpPosting *fanfare_fp_index_lookup (FanfareFpIndex *self,
                                                 guint32         hash,
                                                 gsize          *n_postings);

FanfareFpIndexWriter   *fanfare_fp_index_writer_new (const char         *path,
                                                     guint               n_tracks,
                                                     const char * const *ids,
                                                     const guint32      *frames,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                fanfare_fp_index_writer_add (FanfareFpIndexWriter   *self,
                                                     const FanfareFpPosting *postings,
                                                     gsize                   n_postings,
                                                     GError                **error);
gboolean                fanfare_fp_index_writer_finish (FanfareFpIndexWriter *self,
                                                        GError              **error);
void                    fanfare_fp_index_writer_free (FanfareFpIndexWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareFpIndex, fanfare_fp_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareFpIndexWriter, fanfare_fp_index_writer_free)

G_END_DECLS
