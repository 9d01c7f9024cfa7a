/* fanfare-reports-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-moderation.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_REPORTS_DIALOG (fanfare_reports_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FanfareReportsDialog, fanfare_reports_dialog, FANFARE, REPORTS_DIALOG, AdwWindow);

FanfareReportsDialog *fanfare_reports_dialog_new (GtkWindow     *parent,
                                                  FanfareClient *client);
void                  fanfare_reports_dialog_settle (FanfareReportsDialog *self,
                                                     const char           *comment_id,
                                                     gboolean              remove);
GListModel           *fanfare_reports_dialog_get_reports (FanfareReportsDialog *self);

G_END_DECLS
