/* fanfare-studio-album-editor.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_ALBUM_EDITOR (fanfare_studio_album_editor_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioAlbumEditor, fanfare_studio_album_editor, FANFARE, STUDIO_ALBUM_EDITOR, GtkWidget)

void        fanfare_studio_album_editor_set_accounts (FanfareStudioAlbumEditor *self,
                                                      FanfareAccountManager    *accounts);
void        fanfare_studio_album_editor_set_album_id (FanfareStudioAlbumEditor *self,
                                                      const char               *album_id);
const char *fanfare_studio_album_editor_get_album_id (FanfareStudioAlbumEditor *self);
void        fanfare_studio_album_editor_load (FanfareStudioAlbumEditor *self);
void        fanfare_studio_album_editor_add_files (FanfareStudioAlbumEditor *self,
                                                   GSList                   *files);
void        fanfare_studio_album_editor_resume_uploads (FanfareStudioAlbumEditor *self);
void        fanfare_studio_album_editor_set_cover_uri (FanfareStudioAlbumEditor *self,
                                                       const char               *uri);

G_END_DECLS
