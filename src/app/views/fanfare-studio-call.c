/* fanfare-studio-call.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the parts of the Studio page share: a call to the studio's API
 * whose answer goes to a function of the part that asked, and the small
 * readers of the JSON it answers. Each part cancels its calls when it
 * goes, so an answer never reaches a part that is gone. */

#include "config.h"

#include <adwaita.h>

#include "fanfare-studio-call.h"
#include "fanfare-window.h"

typedef struct {
  FanfareStudioAnswer answer;
  gpointer            self;
} Call;

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree Call * call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = fanfare_client_studio_call_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  call->answer (call->self, json, error);
}

/**
 * fanfare_studio_call:
 * @client: (nullable): the account's client; without one, nothing is sent
 * @body: (nullable): the JSON to send
 * @cancellable: cancelled when @self goes
 *
 * Calls the studio's API; @answer gets what the server says.
 */
void
fanfare_studio_call (FanfareClient       *client,
                     const char          *method,
                     const char          *path,
                     JsonNode            *body,
                     GCancellable        *cancellable,
                     FanfareStudioAnswer  answer,
                     gpointer             self)
{
  Call *call;

  if (client == NULL)
    return;

  call = g_new0 (Call, 1);
  call->answer = answer;
  call->self = self;
  fanfare_client_studio_call_async (client, method, path, body, cancellable, call_done_cb, call);
}

/* Returns: (nullable) (transfer none): the object @json has as @name */
JsonObject *
fanfare_studio_member (JsonObject *json,
                       const char *name)
{
  JsonNode *node = json != NULL ? json_object_get_member (json, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Returns: the string @json has as @name, or "" */
const char *
fanfare_studio_text_of (JsonObject *json,
                        const char *name)
{
  return json != NULL ? json_object_get_string_member_with_default (json, name, "") : "";
}

/* Says @text in a toast of the window that shows @widget. */
void
fanfare_studio_toast (GtkWidget  *widget,
                      const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (text));
}
