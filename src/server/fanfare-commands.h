/* fanfare-commands.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int fanfare_commands_run (int    argc,
                          char **argv);
int fanfare_commands_usage_error (const char *message);

G_END_DECLS
