/* fanfare-album-download.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ALBUM_DOWNLOAD (fanfare_album_download_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAlbumDownload, fanfare_album_download, FANFARE, ALBUM_DOWNLOAD, GObject)

FanfareAlbumDownload *fanfare_album_download_new (FanfareClient * client,
                                                  GListModel * tracks,
                                                  GFile * folder) G_GNUC_WARN_UNUSED_RESULT;
void                  fanfare_album_download_start (FanfareAlbumDownload *self);
void                  fanfare_album_download_cancel (FanfareAlbumDownload *self);
double                fanfare_album_download_get_fraction (FanfareAlbumDownload *self);
gboolean              fanfare_album_download_get_finished (FanfareAlbumDownload *self);
const GError         *fanfare_album_download_get_error (FanfareAlbumDownload *self);
char                 *fanfare_album_download_file_name (FanfareTrack *track) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
