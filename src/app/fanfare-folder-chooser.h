/* fanfare-folder-chooser.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-library.h"

G_BEGIN_DECLS

void fanfare_choose_library_folder (GtkWindow      *parent,
                                    FanfareLibrary *library);
void fanfare_open_music_folder (GtkWidget *parent);

G_END_DECLS
