/* fanfare-server-studio.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The studio's periodic work: every studio_interval seconds a worker
 * thread publishes the albums whose scheduled time has come and forgets
 * the uploads that stopped arriving (or failed) upload_lifetime ago. */

#include "config.h"

#include "fanfare-server-private.h"
#include "fanfare-studio-store.h"

FanfareUploads *
_fanfare_server_get_uploads (FanfareServer *self)
{
  return self->uploads;
}

static void
studio_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FanfareServer *self = source_object;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  guint published, expired;

  published = fanfare_studio_store_publish_due (self->db, now, &error);
  if (error != NULL)
    g_warning ("Cannot publish the scheduled albums: %s", error->message);
  else if (published > 0)
    g_message ("Published %u scheduled albums", published);
  g_clear_error (&error);

  expired = fanfare_uploads_expire (self->uploads, now - self->limits.upload_lifetime, &error);
  if (error != NULL)
    g_warning ("Cannot forget stale uploads: %s", error->message);
  else if (expired > 0)
    g_message ("Forgot %u stale uploads", expired);

  g_task_return_boolean (task, TRUE);
}

static void
studio_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FANFARE_SERVER (object)->studio_running = FALSE;
}

static gboolean
studio_cb (gpointer  data)
{
  FanfareServer *self = data;
  g_autoptr(GTask) task = NULL;

  if (self->studio_running || self->draining)
    return G_SOURCE_CONTINUE;

  self->studio_running = TRUE;
  task = g_task_new (self, NULL, studio_done_cb, NULL);
  g_task_set_source_tag (task, studio_cb);
  g_task_run_in_thread (task, studio_thread);

  return G_SOURCE_CONTINUE;
}

void
_fanfare_server_start_studio (FanfareServer *self)
{
  if (self->limits.studio_interval > 0 && self->studio_id == 0)
    self->studio_id = g_timeout_add_seconds (self->limits.studio_interval, studio_cb, self);
}

void
_fanfare_server_stop_studio (FanfareServer *self)
{
  g_clear_handle_id (&self->studio_id, g_source_remove);
}
