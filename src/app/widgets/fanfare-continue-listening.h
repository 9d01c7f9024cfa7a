/* fanfare-continue-listening.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CONTINUE_LISTENING (fanfare_continue_listening_get_type ())

G_DECLARE_FINAL_TYPE (FanfareContinueListening, fanfare_continue_listening, FANFARE, CONTINUE_LISTENING, GtkWidget);

void fanfare_continue_listening_reload (FanfareContinueListening *self,
                                        FanfareClient            *client);

G_END_DECLS
