/* fanfare-demo.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-demo.h"
#include "fanfare-error.h"

gboolean
fanfare_demo_seed (FanfareDatabase          *db,
                   FanfareMediaStore        *media,
                   const FanfareDemoOptions *options,
                   FanfareDemoReport        *report,
                   GError                  **error)
{
  g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "Not yet");
  return FALSE;
}
