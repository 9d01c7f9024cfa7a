/* fanfare-sessions-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

void fanfare_sessions_dialog_present (GtkWindow     *parent,
                                      FanfareClient *client,
                                      gboolean       profile);

G_END_DECLS
