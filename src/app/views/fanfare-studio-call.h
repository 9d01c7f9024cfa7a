/* fanfare-studio-call.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

/* What a part of the Studio page does with the server's answer: @json, or
 * NULL and @error after a failure. A cancelled call gets no answer. */
typedef void (*FanfareStudioAnswer) (gpointer      self,
                                     JsonObject   *json,
                                     const GError *error);

void        fanfare_studio_call (FanfareClient       *client,
                                 const char          *method,
                                 const char          *path,
                                 JsonNode            *body,
                                 GCancellable        *cancellable,
                                 FanfareStudioAnswer  answer,
                                 gpointer             self);
JsonObject *fanfare_studio_member (JsonObject *json,
                                   const char *name);
const char *fanfare_studio_text_of (JsonObject *json,
                                    const char *name);
void        fanfare_studio_toast (GtkWidget  *widget,
                                  const char *text);

G_END_DECLS
