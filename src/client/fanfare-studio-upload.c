/* fanfare-studio-upload.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One file on its way into an album of the studio: its SHA-256, read in a
 * worker thread from a mapping of the file; the upload announced; its
 * bytes sent a chunk at a time from where the server says it stopped; the
 * ingest followed until the file is a track or the server says why not.
 * When the connection drops, it waits, asks the server how much arrived
 * and goes on from there. Progress and state are properties to bind.
 *
 * Uploads in progress are written down in the user's data folder
 * (fanfare/studio-uploads.json: the upload's id, server, album, file path,
 * size and modification time) so that an upload cut short when the app
 * quits goes on when it starts again, if the file has not changed. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-studio-upload.h"

#define DEFAULT_CHUNK_SIZE  (4 * 1024 * 1024)
#define DEFAULT_RETRY_DELAY 3000
#define POLL_DELAY          500

struct _FanfareStudioUpload
{
  GObject parent_instance;

  /* Owned references */
  FanfareClient *client;
  GFile         *file;
  GMappedFile   *mapped;
  GBytes        *bytes;
  GCancellable  *cancellable;

  /* State */
  char                    *album_id;
  char                    *filename;
  char                    *upload_id;
  char                    *message;
  char                    *track_id;
  gint64                   sent;
  goffset                  file_size;
  gint64                   file_mtime;  /* microseconds */
  FanfareStudioUploadState state;
  gsize                    chunk_size;
  guint                    retry_delay;
  guint                    timeout_id;
};

G_DEFINE_FINAL_TYPE (FanfareStudioUpload, fanfare_studio_upload, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FanfareStudioUploadState, fanfare_studio_upload_state,
                    G_DEFINE_ENUM_VALUE (FANFARE_STUDIO_UPLOAD_PREPARING, "preparing"),
                    G_DEFINE_ENUM_VALUE (FANFARE_STUDIO_UPLOAD_SENDING, "sending"),
                    G_DEFINE_ENUM_VALUE (FANFARE_STUDIO_UPLOAD_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (FANFARE_STUDIO_UPLOAD_INGESTING, "ingesting"),
                    G_DEFINE_ENUM_VALUE (FANFARE_STUDIO_UPLOAD_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (FANFARE_STUDIO_UPLOAD_FAILED, "failed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void send_next (FanfareStudioUpload *self);
static void ask_offset (FanfareStudioUpload *self);

/* The journal of uploads in progress */

static char *
journal_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fanfare", "studio-uploads.json", NULL);
}

/* Returns: (transfer full): the uploads written down, perhaps none */
static JsonArray *
journal_read (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *uploads;

  if (!json_parser_load_from_file (parser, path, NULL) || (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root) ||
      (uploads = json_object_get_member (json_node_get_object (root), "uploads")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (uploads))
    return json_array_new ();

  return json_array_ref (json_node_get_array (uploads));
}

static void
journal_write (JsonArray *uploads)
{
  g_autofree char *path = journal_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_array_member (root, "uploads", json_array_ref (uploads));
  json_node_set_object (node, root);
  text = json_to_string (node, TRUE);
  if (g_mkdir_with_parents (folder, 0700) != 0 || !g_file_set_contents (path, text, -1, &error))
    g_warning ("Cannot write down the uploads in progress: %s", error != NULL ? error->message : g_strerror (errno));
}

/* Returns: (transfer full): @uploads without @upload_id */
static JsonArray *
journal_without (JsonArray  *uploads,
                 const char *upload_id)
{
  JsonArray *kept = json_array_new ();

  for (guint i = 0; i < json_array_get_length (uploads); i++)
    {
      JsonObject *entry = json_array_get_object_element (uploads, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "id", NULL), upload_id) != 0)
        json_array_add_object_element (kept, json_object_ref (entry));
    }

  return kept;
}

static void
journal_remember (FanfareStudioUpload *self)
{
  g_autoptr(JsonArray) uploads = journal_read ();
  g_autoptr(JsonArray) kept = journal_without (uploads, self->upload_id);
  g_autofree char *path = g_file_get_path (self->file);
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "id", self->upload_id);
  json_object_set_string_member (entry, "server", fanfare_client_get_server_url (self->client));
  json_object_set_string_member (entry, "album_id", self->album_id);
  json_object_set_string_member (entry, "path", path);
  json_object_set_int_member (entry, "size", self->file_size);
  json_object_set_int_member (entry, "mtime", self->file_mtime);
  json_array_add_object_element (kept, entry);
  journal_write (kept);
}

static void
journal_forget (const char *upload_id)
{
  g_autoptr(JsonArray) uploads = journal_read ();
  g_autoptr(JsonArray) kept = journal_without (uploads, upload_id);

  if (json_array_get_length (kept) != json_array_get_length (uploads))
    journal_write (kept);
}

/* The file's size and modification time, or FALSE if it is gone. */
static gboolean
query_file (GFile   *file,
            goffset *size,
            gint64  *mtime)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return FALSE;

  *size = g_file_info_get_size (info);
  *mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
           g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  return TRUE;
}

static void
set_state (FanfareStudioUpload      *self,
           FanfareStudioUploadState  state,
           const char               *message)
{
  /* Done, one way or the other: nothing to resume. */
  if (self->upload_id != NULL &&
      (state == FANFARE_STUDIO_UPLOAD_READY || state == FANFARE_STUDIO_UPLOAD_FAILED))
    journal_forget (self->upload_id);

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
fail (FanfareStudioUpload *self,
      const GError        *error)
{
  set_state (self, FANFARE_STUDIO_UPLOAD_FAILED, error->message);
}

static void
set_sent (FanfareStudioUpload *self,
          gint64               sent)
{
  if (self->sent == sent)
    return;

  self->sent = sent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
retry_cb (gpointer  data)
{
  FanfareStudioUpload *self = data;

  self->timeout_id = 0;
  ask_offset (self);

  return G_SOURCE_REMOVE;
}

/* After a failed request: a dropped connection or a disagreement about
 * the offset is tried again; anything else ends the upload. */
static void
handle_error (FanfareStudioUpload *self,
              const GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (fanfare_client_error_is_offline (error) ||
      (self->upload_id != NULL && g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT)))
    {
      set_state (self, FANFARE_STUDIO_UPLOAD_WAITING, error->message);
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->timeout_id = g_timeout_add (self->retry_delay, retry_cb, self);
      return;
    }

  fail (self, error);
}

static JsonObject *
finish_call (FanfareStudioUpload *self,
             GAsyncResult        *result)
{
  g_autoptr(GError) error = NULL;
  JsonObject *json = fanfare_client_studio_call_finish (self->client, result, &error);

  if (json == NULL)
    handle_error (self, error);

  return json;
}

static JsonObject *
upload_of (JsonObject *json)
{
  JsonNode *node = json_object_get_member (json, "upload");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
upload_path (FanfareStudioUpload *self,
             const char          *suffix)
{
  return g_strconcat ("/api/v1/studio/uploads/", self->upload_id, suffix, NULL);
}

static gboolean
poll_cb (gpointer  data);

/* Follows the ingest, or the sending, from what the server says. */
static void
follow (FanfareStudioUpload *self,
        JsonObject          *upload)
{
  const char *state = json_object_get_string_member_with_default (upload, "state", "");

  set_sent (self, json_object_get_int_member_with_default (upload, "received", 0));

  if (g_str_equal (state, "ready"))
    {
      g_free (self->track_id);
      self->track_id = g_strdup (json_object_get_string_member_with_default (upload, "track_id", NULL));
      set_state (self, FANFARE_STUDIO_UPLOAD_READY, NULL);
    }
  else if (g_str_equal (state, "failed"))
    set_state (self, FANFARE_STUDIO_UPLOAD_FAILED, json_object_get_string_member_with_default (upload, "error", NULL));
  else if (g_str_equal (state, "ingesting"))
    {
      set_state (self, FANFARE_STUDIO_UPLOAD_INGESTING, NULL);
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->timeout_id = g_timeout_add (POLL_DELAY, poll_cb, self);
    }
  else
    {
      set_state (self, FANFARE_STUDIO_UPLOAD_SENDING, NULL);
      send_next (self);
    }
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareStudioUpload) self = user_data;
  g_autoptr(JsonObject) json = finish_call (self, result);
  JsonObject *upload = json != NULL ? upload_of (json) : NULL;

  if (upload != NULL)
    follow (self, upload);
}

static void
ask_offset (FanfareStudioUpload *self)
{
  g_autofree char *path = upload_path (self, NULL);

  fanfare_client_studio_call_async (self->client, "GET", path, NULL, self->cancellable, followed_cb,
                                    g_object_ref (self));
}

static gboolean
poll_cb (gpointer  data)
{
  FanfareStudioUpload *self = data;

  self->timeout_id = 0;
  ask_offset (self);

  return G_SOURCE_REMOVE;
}

static void
send_next (FanfareStudioUpload *self)
{
  gsize size = g_bytes_get_size (self->bytes);
  g_autofree char *path = NULL;
  g_autofree char *range = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize end;

  if ((gsize) self->sent >= size)
    {
      path = upload_path (self, "/finish");
      fanfare_client_studio_call_async (self->client, "POST", path, NULL, self->cancellable, followed_cb,
                                        g_object_ref (self));
      return;
    }

  end = MIN (self->sent + self->chunk_size, size);
  path = upload_path (self, NULL);
  range = g_strdup_printf ("bytes %" G_GINT64_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT, self->sent,
                           end - 1, size);
  chunk = g_bytes_new_from_bytes (self->bytes, self->sent, end - self->sent);
  fanfare_client_studio_send_bytes_async (self->client, "PUT", path, "application/octet-stream", chunk, range,
                                          self->cancellable, followed_cb, g_object_ref (self));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareStudioUpload) self = user_data;
  g_autoptr(JsonObject) json = finish_call (self, result);
  JsonObject *upload = json != NULL ? upload_of (json) : NULL;

  if (upload == NULL)
    return;

  self->upload_id = g_strdup (json_object_get_string_member_with_default (upload, "id", ""));
  journal_remember (self);
  follow (self, upload);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FanfareStudioUpload *self = source_object;
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(GError) error = NULL;
  GMappedFile *mapped;

  if (path == NULL || (mapped = g_mapped_file_new (path, FALSE, &error)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file cannot be read: %s"),
                               error != NULL ? error->message : _("it is not on this computer"));
      return;
    }

  self->mapped = mapped;
  self->bytes = g_mapped_file_get_bytes (mapped);
  if (!query_file (self->file, &self->file_size, &self->file_mtime))
    self->file_size = g_bytes_get_size (self->bytes);
  /* A resumed upload was announced with its checksum already. */
  if (self->upload_id != NULL)
    g_task_return_pointer (task, g_strdup (""), g_free);
  else
    g_task_return_pointer (task, g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes), g_free);
}

static void
hashed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FanfareStudioUpload *self = FANFARE_STUDIO_UPLOAD (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (sha256 == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error);
      return;
    }

  if (self->upload_id != NULL)
    {
      set_state (self, FANFARE_STUDIO_UPLOAD_SENDING, NULL);
      ask_offset (self);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, self->filename);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, g_bytes_get_size (self->bytes));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strconcat ("/api/v1/studio/albums/", self->album_id, "/uploads", NULL);
  set_state (self, FANFARE_STUDIO_UPLOAD_SENDING, NULL);
  fanfare_client_studio_call_async (self->client, "POST", path, body, self->cancellable, created_cb,
                                    g_object_ref (self));
}

static void
fanfare_studio_upload_dispose (GObject *object)
{
  FanfareStudioUpload *self = FANFARE_STUDIO_UPLOAD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->client);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (fanfare_studio_upload_parent_class)->dispose (object);
}

static void
fanfare_studio_upload_finalize (GObject *object)
{
  FanfareStudioUpload *self = FANFARE_STUDIO_UPLOAD (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_object (&self->cancellable);
  g_free (self->album_id);
  g_free (self->filename);
  g_free (self->upload_id);
  g_free (self->message);
  g_free (self->track_id);

  G_OBJECT_CLASS (fanfare_studio_upload_parent_class)->finalize (object);
}

static void
fanfare_studio_upload_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FanfareStudioUpload *self = FANFARE_STUDIO_UPLOAD (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, fanfare_studio_upload_get_progress (self));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_studio_upload_class_init (FanfareStudioUploadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_studio_upload_dispose;
  object_class->finalize = fanfare_studio_upload_finalize;
  object_class->get_property = fanfare_studio_upload_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FANFARE_TYPE_STUDIO_UPLOAD_STATE, FANFARE_STUDIO_UPLOAD_PREPARING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The share of the file the server has, from 0 to 1. */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why it failed, or why it waits. */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fanfare_studio_upload_init (FanfareStudioUpload *self)
{
  self->cancellable = g_cancellable_new ();
  self->chunk_size = DEFAULT_CHUNK_SIZE;
  self->retry_delay = DEFAULT_RETRY_DELAY;
}

/**
 * fanfare_studio_upload_new:
 * @album_id: the album the file becomes a track of
 *
 * Returns: (transfer full): an upload of @file, not started
 */
FanfareStudioUpload *
fanfare_studio_upload_new (FanfareClient *client,
                           const char    *album_id,
                           GFile         *file)
{
  FanfareStudioUpload *self;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (album_id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (FANFARE_TYPE_STUDIO_UPLOAD, NULL);
  self->client = g_object_ref (client);
  self->file = g_object_ref (file);
  self->album_id = g_strdup (album_id);
  self->filename = g_file_get_basename (file);

  return self;
}

void
fanfare_studio_upload_start (FanfareStudioUpload *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FANFARE_IS_STUDIO_UPLOAD (self));
  g_return_if_fail (self->bytes == NULL);

  task = g_task_new (self, self->cancellable, hashed_cb, NULL);
  g_task_set_source_tag (task, fanfare_studio_upload_start);
  g_task_run_in_thread (task, hash_thread);
}

/**
 * fanfare_studio_upload_resume_all:
 *
 * The uploads to @client's server that were cut short when the app last
 * quit, whose files have not changed since: start them to go on from
 * where the server stopped. Those whose file changed or went are
 * forgotten.
 *
 * Returns: (transfer container) (element-type FanfareStudioUpload): the
 *   uploads to resume, not started
 */
GPtrArray *
fanfare_studio_upload_resume_all (FanfareClient *client)
{
  g_autoptr(JsonArray) uploads = NULL;
  g_autoptr(JsonArray) kept = json_array_new ();
  GPtrArray *resumed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), resumed);

  uploads = journal_read ();
  for (guint i = 0; i < json_array_get_length (uploads); i++)
    {
      JsonObject *entry = json_array_get_object_element (uploads, i);
      const char *path = json_object_get_string_member_with_default (entry, "path", NULL);
      const char *album_id = json_object_get_string_member_with_default (entry, "album_id", NULL);
      const char *upload_id = json_object_get_string_member_with_default (entry, "id", NULL);
      g_autoptr(GFile) file = NULL;
      FanfareStudioUpload *upload;
      goffset size;
      gint64 mtime;

      /* Another server's upload waits for an account there. */
      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "server", NULL),
                     fanfare_client_get_server_url (client)) != 0)
        {
          json_array_add_object_element (kept, json_object_ref (entry));
          continue;
        }

      if (path == NULL || album_id == NULL || upload_id == NULL)
        continue;
      file = g_file_new_for_path (path);
      if (!query_file (file, &size, &mtime) || size != json_object_get_int_member_with_default (entry, "size", -1) ||
          mtime != json_object_get_int_member_with_default (entry, "mtime", -1))
        continue;

      json_array_add_object_element (kept, json_object_ref (entry));
      upload = fanfare_studio_upload_new (client, album_id, file);
      upload->upload_id = g_strdup (upload_id);
      g_ptr_array_add (resumed, upload);
    }

  if (json_array_get_length (kept) != json_array_get_length (uploads))
    journal_write (kept);

  return resumed;
}

/* Stops sending; the server forgets the upload after a while, and the app
* resumes it when it starts again (fanfare_studio_upload_resume_all()). */
void
fanfare_studio_upload_cancel (FanfareStudioUpload *self)
{
  g_return_if_fail (FANFARE_IS_STUDIO_UPLOAD (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

FanfareStudioUploadState
fanfare_studio_upload_get_state (FanfareStudioUpload *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_UPLOAD (self), FANFARE_STUDIO_UPLOAD_FAILED);

  return self->state;
}

double
fanfare_studio_upload_get_progress (FanfareStudioUpload *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_UPLOAD (self), 0);

  if (self->bytes == NULL || g_bytes_get_size (self->bytes) == 0)
    return 0;

  return CLAMP ((double) self->sent / g_bytes_get_size (self->bytes), 0, 1);
}

const char *
fanfare_studio_upload_get_filename (FanfareStudioUpload *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_UPLOAD (self), NULL);

  return self->filename;
}

/* The album the file becomes a track of, resumed uploads included. */
const char *
fanfare_studio_upload_get_album_id (FanfareStudioUpload *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_UPLOAD (self), NULL);

  return self->album_id;
}

const char *
fanfare_studio_upload_get_message (FanfareStudioUpload *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_UPLOAD (self), NULL);

  return self->message;
}

/**
 * fanfare_studio_upload_get_track_id:
 *
 * Returns: (nullable): the track the file became, once ready
 */
const char *
fanfare_studio_upload_get_track_id (FanfareStudioUpload *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_UPLOAD (self), NULL);

  return self->track_id;
}

void
fanfare_studio_upload_set_chunk_size (FanfareStudioUpload *self,
                                      gsize                chunk_size)
{
  g_return_if_fail (FANFARE_IS_STUDIO_UPLOAD (self));
  g_return_if_fail (chunk_size > 0);

  self->chunk_size = chunk_size;
}

/* How long to wait before trying again after the connection dropped. */
void
fanfare_studio_upload_set_retry_delay (FanfareStudioUpload *self,
                                       guint                milliseconds)
{
  g_return_if_fail (FANFARE_IS_STUDIO_UPLOAD (self));

  self->retry_delay = milliseconds;
}
