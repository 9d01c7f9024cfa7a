/* fanfare-uploads.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-fingerprints.h"
#include "fanfare-media-store.h"
#include "fanfare-studio-store.h"

G_BEGIN_DECLS

typedef struct _FanfareUploads FanfareUploads;

FanfareUploads *fanfare_uploads_new (FanfareDatabase     *db,
                                     FanfareMediaStore   *media,
                                     FanfareFingerprints *fingerprints,
                                     const char          *data_dir,
                                     gint64               max_size,
                                     GError             **error);
void            fanfare_uploads_free (FanfareUploads *self);
FanfareUpload  *fanfare_uploads_create (FanfareUploads *self,
                                        gint64          artist_id,
                                        gint64          album_id,
                                        const char     *filename,
                                        gint64          size,
                                        const char     *sha256,
                                        GError        **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareUpload  *fanfare_uploads_get (FanfareUploads *self,
                                     gint64          artist_id,
                                     const char     *upload_id,
                                     GError        **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareUpload  *fanfare_uploads_write (FanfareUploads *self,
                                       gint64          artist_id,
                                       const char     *upload_id,
                                       gint64          start,
                                       gint64          total,
                                       GBytes         *chunk,
                                       GError        **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareUpload  *fanfare_uploads_finish (FanfareUploads *self,
                                        gint64          artist_id,
                                        const char     *upload_id,
                                        GError        **error) G_GNUC_WARN_UNUSED_RESULT;
guint           fanfare_uploads_expire (FanfareUploads *self,
                                        gint64          before,
                                        GError        **error);

G_END_DECLS
