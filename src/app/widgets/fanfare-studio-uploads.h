/* fanfare-studio-uploads.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-studio-upload.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_UPLOADS (fanfare_studio_uploads_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioUploads, fanfare_studio_uploads, FANFARE, STUDIO_UPLOADS, GtkWidget)

void  fanfare_studio_uploads_add (FanfareStudioUploads *self,
                                  FanfareStudioUpload  *upload);
void  fanfare_studio_uploads_resume (FanfareStudioUploads *self,
                                     FanfareClient        *client);
void  fanfare_studio_uploads_set_album_id (FanfareStudioUploads *self,
                                           const char           *album_id);

G_END_DECLS
