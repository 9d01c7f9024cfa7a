/* fanfare-studio-upload.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-client.h"

G_BEGIN_DECLS

typedef enum {
  FANFARE_STUDIO_UPLOAD_PREPARING,  /* reading the file for its SHA-256 */
  FANFARE_STUDIO_UPLOAD_SENDING,
  FANFARE_STUDIO_UPLOAD_WAITING,    /* the connection dropped; trying again */
  FANFARE_STUDIO_UPLOAD_INGESTING,
  FANFARE_STUDIO_UPLOAD_READY,
  FANFARE_STUDIO_UPLOAD_FAILED,
} FanfareStudioUploadState;

#define FANFARE_TYPE_STUDIO_UPLOAD_STATE (fanfare_studio_upload_state_get_type ())
GType fanfare_studio_upload_state_get_type (void);

#define FANFARE_TYPE_STUDIO_UPLOAD (fanfare_studio_upload_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioUpload, fanfare_studio_upload, FANFARE, STUDIO_UPLOAD, GObject)

FanfareStudioUpload     *fanfare_studio_upload_new (FanfareClient * client,
                                                    const char    *album_id,
                                                    GFile * file) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray               *fanfare_studio_upload_resume_all (FanfareClient *client) G_GNUC_WARN_UNUSED_RESULT;
void                     fanfare_studio_upload_start (FanfareStudioUpload *self);
void                     fanfare_studio_upload_cancel (FanfareStudioUpload *self);
FanfareStudioUploadState fanfare_studio_upload_get_state (FanfareStudioUpload *self);
double                   fanfare_studio_upload_get_progress (FanfareStudioUpload *self);
const char              *fanfare_studio_upload_get_filename (FanfareStudioUpload *self);
const char              *fanfare_studio_upload_get_album_id (FanfareStudioUpload *self);
const char              *fanfare_studio_upload_get_message (FanfareStudioUpload *self);
const char              *fanfare_studio_upload_get_track_id (FanfareStudioUpload *self);
void                     fanfare_studio_upload_set_chunk_size (FanfareStudioUpload *self,
                                                               gsize                chunk_size);
void                     fanfare_studio_upload_set_retry_delay (FanfareStudioUpload *self,
                                                                guint                milliseconds);

G_END_DECLS
