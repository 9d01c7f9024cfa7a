/* fanfare-client-extras.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What an artist gives the owners of an album: a letter and photos. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-client-store.h"

void
fanfare_client_extras_free (FanfareClientExtras *extras)
{
  if (extras == NULL)
    return;

  g_free (extras->letter);
  g_strfreev (extras->photos);
  g_free (extras);
}

static gpointer
parse_extras (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  FanfareClientExtras *extras = g_new0 (FanfareClientExtras, 1);
  JsonArray *photos = json_object_get_array_member (json, "photos");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  extras->letter = _fanfare_client_dup_member (json, "letter");
  for (guint i = 0; photos != NULL && i < json_array_get_length (photos); i++)
    {
      const char *uri = json_array_get_string_element (photos, i);

      if (uri != NULL)
        g_strv_builder_add (builder, uri);
    }
  extras->photos = g_strv_builder_end (builder);

  return extras;
}

/**
 * fanfare_client_get_album_extras_async:
 *
 * Reads the artist's letter and photos for the album's owners; others get
 * %FANFARE_ERROR_FORBIDDEN.
 */
void
fanfare_client_get_album_extras_async (FanfareClient       *self,
                                       const char          *album_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (album_id != NULL);

  escaped = _fanfare_client_escape (album_id);
  path = g_strdup_printf ("/api/v1/albums/%s/extras", escaped);
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_extras, (GDestroyNotify) fanfare_client_extras_free,
                        _fanfare_client_task_new (self, fanfare_client_get_album_extras_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_get_album_extras_finish:
 *
 * Returns: (transfer full): the letter and photos
 */
FanfareClientExtras *
fanfare_client_get_album_extras_finish (FanfareClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_album_extras_async, error);
}
