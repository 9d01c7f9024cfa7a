/* fanfare-studio-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_PAGE (fanfare_studio_page_get_type ())

typedef enum {
  FANFARE_STUDIO_IMAGE_PHOTO,
  FANFARE_STUDIO_IMAGE_COVER,
} FanfareStudioImage;

G_DECLARE_FINAL_TYPE (FanfareStudioPage, fanfare_studio_page, FANFARE, STUDIO_PAGE, GtkWidget)

void        fanfare_studio_page_set_accounts (FanfareStudioPage     *self,
                                              FanfareAccountManager *accounts);
void        fanfare_studio_page_reload (FanfareStudioPage *self);
void        fanfare_studio_page_add_files (FanfareStudioPage *self,
                                           GSList            *files);
void        fanfare_studio_page_set_image (FanfareStudioPage  *self,
                                           FanfareStudioImage  kind,
                                           GFile              *file);
const char *fanfare_studio_page_get_album_id (FanfareStudioPage *self);

G_END_DECLS
