/* fanfare-player-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Keeps the queue, the current track and the position in a small SQLite
 * database, so that playback survives a restart. Writes happen in order on
 * one worker thread; the caller hands over snapshots and never waits, except
 * for fanfare_player_store_flush() at shutdown. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fanfare-json.h"
#include "fanfare-player-store.h"
#include "fanfare-track.h"

#define SCHEMA_VERSION 2

struct _FanfarePlayerStore
{
  GObject      parent_instance;

  char        *path;
  GThreadPool *writer;

  /* Touched by the worker thread only (and by load, which runs before any
   * write is queued on the same thread pool). */
  GMutex   db_lock;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (FanfarePlayerStore, fanfare_player_store, G_TYPE_OBJECT)

typedef struct {
  char              *queue_json; /* NULL for a position-only write */
  char              *order_json;
  int                current;
  gboolean           shuffle;
  int                repeat_mode;
  GTimeSpan          position;
  char              *resume_key; /* a resume point's write, with resume */
  FanfareResumePoint resume;
} Job;

static void
job_free (Job *job)
{
  g_free (job->queue_json);
  g_free (job->order_json);
  g_free (job->resume_key);
  g_free (job);
}

void
fanfare_player_snapshot_free (FanfarePlayerSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->tracks, g_ptr_array_unref);
  g_clear_pointer (&snapshot->play_order, g_array_unref);
  g_clear_pointer (&snapshot->resume, g_hash_table_unref);
  g_free (snapshot);
}

static gboolean
exec (sqlite3    *db,
      const char *sql,
      GError    **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_ROW ? -sqlite3_column_int (stmt, 0) : rc;
    }
  sqlite3_finalize (stmt);

  /* 0 or less is a version, negated; more is an SQLite error. */
  return rc;
}

static gboolean
open_db (FanfarePlayerStore *self,
         GError            **error)
{
  g_autofree char *dir = NULL;
  int version;

  if (self->db != NULL)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Could not create %s: %s", dir, g_strerror (errno));
      return FALSE;
    }

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      if (sqlite3_open_v2 (self->path, &self->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                           NULL) != SQLITE_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not open %s: %s",
                       self->path, sqlite3_errmsg (self->db));
          g_clear_pointer (&self->db, sqlite3_close);
          return FALSE;
        }

      version = read_user_version (self->db);
      if (version <= 0)
        break;

      /* Not a database, or a damaged one: keep it aside for whoever wants
       * to look, and start again. Only the saved queue is lost. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is damaged (%s); starting afresh",
                   self->path, sqlite3_errstr (version));
      g_clear_pointer (&self->db, sqlite3_close);
      if (attempt == 0)
        {
          g_autofree char *aside = g_strconcat (self->path, ".damaged", NULL);

          if (g_rename (self->path, aside) != 0)
            return FALSE;
          g_clear_error (error);
        }
      else
        return FALSE;
    }

  sqlite3_busy_timeout (self->db, 2000);
  if (!exec (self->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error))
    return FALSE;

  if (-version < SCHEMA_VERSION)
    {
      if (!exec (self->db,
                 "BEGIN;"
                 "CREATE TABLE IF NOT EXISTS queue (position INTEGER PRIMARY KEY, track TEXT NOT NULL);"
                 "CREATE TABLE IF NOT EXISTS playback ("
                 "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                 "  play_order TEXT, current INTEGER NOT NULL, shuffle INTEGER NOT NULL,"
                 "  repeat_mode INTEGER NOT NULL, position INTEGER NOT NULL);"
                 "PRAGMA user_version = 1;"
                 "COMMIT;", error))
        return FALSE;
    }
  if (-version < 2)
    {
      /* Version 2: where the listener stopped in each audiobook and mix. */
      if (!exec (self->db,
                 "BEGIN;"
                 "CREATE TABLE IF NOT EXISTS resume (track TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                 "  duration INTEGER NOT NULL, updated INTEGER NOT NULL);"
                 "PRAGMA user_version = 2;"
                 "COMMIT;", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_job (FanfarePlayerStore *self,
           Job                *job,
           GError            **error)
{
  g_autoptr(JsonNode) queue = NULL;
  sqlite3_stmt *stmt;
  JsonArray *array;

  if (!open_db (self, error))
    return FALSE;

  if (job->resume_key != NULL)
    {
      sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO resume (track, position, duration, updated)"
                          " VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, job->resume_key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, job->resume.position);
      sqlite3_bind_int64 (stmt, 3, job->resume.duration);
      sqlite3_bind_int64 (stmt, 4, job->resume.updated);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if (job->queue_json == NULL)
    {
      sqlite3_prepare_v2 (self->db, "UPDATE playback SET position = ?1 WHERE id = 1", -1, &stmt, NULL);
      sqlite3_bind_int64 (stmt, 1, job->position);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  queue = json_from_string (job->queue_json, error);
  if (queue == NULL)
    return FALSE;
  array = json_node_get_array (queue);

  if (!exec (self->db, "BEGIN; DELETE FROM queue;", error))
    return FALSE;

  sqlite3_prepare_v2 (self->db, "INSERT INTO queue (position, track) VALUES (?1, ?2)", -1, &stmt, NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *track = fanfare_json_to_string (json_array_get_element (array, i));

      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, track, -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (self->db,
                      "INSERT OR REPLACE INTO playback (id, play_order, current, shuffle, repeat_mode, position)"
                      " VALUES (1, ?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, job->order_json, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, job->current);
  sqlite3_bind_int (stmt, 3, job->shuffle);
  sqlite3_bind_int (stmt, 4, job->repeat_mode);
  sqlite3_bind_int64 (stmt, 5, job->position);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return exec (self->db, "COMMIT;", error);
}

static void
writer_func (gpointer  data,
             gpointer  user_data)
{
  FanfarePlayerStore *self = user_data;
  g_autoptr(GError) error = NULL;
  Job *job = data;

  g_mutex_lock (&self->db_lock);
  if (!write_job (self, job, &error))
    {
      /* Losing the saved queue is a nuisance, not a reason to stop. */
      g_debug ("Could not save the play queue: %s", error->message);
      if (self->db != NULL)
        exec (self->db, "ROLLBACK;", NULL);
    }
  g_mutex_unlock (&self->db_lock);

  job_free (job);
}

static FanfarePlayerSnapshot *
read_snapshot (FanfarePlayerStore *self,
               GError            **error)
{
  g_autoptr(FanfarePlayerSnapshot) snapshot = g_new0 (FanfarePlayerSnapshot, 1);
  sqlite3_stmt *stmt;

  if (!open_db (self, error))
    return NULL;

  snapshot->tracks = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->current = -1;

  sqlite3_prepare_v2 (self->db, "SELECT track FROM queue ORDER BY position", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) json = NULL;
      g_autoptr(GError) local_error = NULL;
      FanfareTrack *track;

      json = fanfare_json_parse_object ((const char *) sqlite3_column_text (stmt, 0), -1, &local_error);
      track = json ? fanfare_track_new_from_json (json, &local_error) : NULL;
      if (track == NULL)
        {
          /* One damaged row loses one track, not the queue. */
          g_debug ("Skipping a saved track: %s", local_error->message);
          continue;
        }
      g_ptr_array_add (snapshot->tracks, track);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (self->db,
                      "SELECT play_order, current, shuffle, repeat_mode, position FROM playback WHERE id = 1",
                      -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *order = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(JsonNode) node = order ? fanfare_json_parse (order, -1, 2, NULL) : NULL;

      snapshot->current = sqlite3_column_int (stmt, 1);
      snapshot->shuffle = sqlite3_column_int (stmt, 2) != 0;
      snapshot->repeat_mode = CLAMP (sqlite3_column_int (stmt, 3),
                                     FANFARE_REPEAT_MODE_OFF, FANFARE_REPEAT_MODE_ONE);
      snapshot->position = MAX (0, sqlite3_column_int64 (stmt, 4));

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          snapshot->play_order = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              guint index = json_array_get_int_element (array, i);

              g_array_append_val (snapshot->play_order, index);
            }
        }
    }
  sqlite3_finalize (stmt);

  if (snapshot->current >= (int) snapshot->tracks->len)
    snapshot->current = -1;

  snapshot->resume = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_prepare_v2 (self->db, "SELECT track, position, duration, updated FROM resume", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FanfareResumePoint *point = g_new0 (FanfareResumePoint, 1);

      point->position = MAX (0, sqlite3_column_int64 (stmt, 1));
      point->duration = MAX (0, sqlite3_column_int64 (stmt, 2));
      point->updated = sqlite3_column_int64 (stmt, 3);
      g_hash_table_replace (snapshot->resume, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), point);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&snapshot);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FanfarePlayerStore *self = source_object;
  FanfarePlayerSnapshot *snapshot;
  GError *error = NULL;

  g_mutex_lock (&self->db_lock);
  snapshot = read_snapshot (self, &error);
  g_mutex_unlock (&self->db_lock);

  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) fanfare_player_snapshot_free);
}

static void
fanfare_player_store_finalize (GObject *object)
{
  FanfarePlayerStore *self = FANFARE_PLAYER_STORE (object);

  fanfare_player_store_flush (self);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->db_lock);
  g_free (self->path);

  G_OBJECT_CLASS (fanfare_player_store_parent_class)->finalize (object);
}

static void
fanfare_player_store_class_init (FanfarePlayerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_player_store_finalize;
}

static void
fanfare_player_store_init (FanfarePlayerStore *self)
{
  g_mutex_init (&self->db_lock);
}

/**
 * fanfare_player_store_new:
 * @path: the database file, created when first written
 *
 * Returns: (transfer full): a new store; nothing is opened yet
 */
FanfarePlayerStore *
fanfare_player_store_new (const char *path)
{
  FanfarePlayerStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_PLAYER_STORE, NULL);
  self->path = g_strdup (path);

  return self;
}

/**
 * fanfare_player_store_load_async:
 *
 * Reads the saved playback in a worker thread.
 */
void
fanfare_player_store_load_async (FanfarePlayerStore  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FANFARE_IS_PLAYER_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_player_store_load_async);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fanfare_player_store_load_finish:
 *
 * Returns: (transfer full): the saved playback, empty when nothing was saved
 */
FanfarePlayerSnapshot *
fanfare_player_store_load_finish (FanfarePlayerStore *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
push (FanfarePlayerStore *self,
      Job                *job)
{
  if (self->writer == NULL)
    self->writer = g_thread_pool_new (writer_func, self, 1, FALSE, NULL);

  g_thread_pool_push (self->writer, job, NULL);
}

/**
 * fanfare_player_store_save:
 * @self: a #FanfarePlayerStore
 * @snapshot: the playback to keep; read now, not kept
 *
 * Queues a write of the whole queue and state.
 */
void
fanfare_player_store_save (FanfarePlayerStore    *self,
                           FanfarePlayerSnapshot *snapshot)
{
  g_autoptr(JsonArray) tracks = json_array_new ();
  g_autoptr(JsonNode) tracks_node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) order = json_array_new ();
  g_autoptr(JsonNode) order_node = json_node_new (JSON_NODE_ARRAY);
  Job *job;

  g_return_if_fail (FANFARE_IS_PLAYER_STORE (self));

  for (guint i = 0; i < snapshot->tracks->len; i++)
    json_array_add_element (tracks, fanfare_track_to_json (g_ptr_array_index (snapshot->tracks, i)));
  for (guint i = 0; snapshot->play_order != NULL && i < snapshot->play_order->len; i++)
    json_array_add_int_element (order, g_array_index (snapshot->play_order, guint, i));

  json_node_set_array (tracks_node, tracks);
  json_node_set_array (order_node, order);

  job = g_new0 (Job, 1);
  job->queue_json = fanfare_json_to_string (tracks_node);
  job->order_json = snapshot->play_order ? fanfare_json_to_string (order_node) : NULL;
  job->current = snapshot->current;
  job->shuffle = snapshot->shuffle;
  job->repeat_mode = snapshot->repeat_mode;
  job->position = snapshot->position;

  push (self, job);
}

/**
 * fanfare_player_store_save_position:
 * @self: a #FanfarePlayerStore
 * @position: the position in the current track
 *
 * Queues a write of the position alone, which changes all the time.
 */
void
fanfare_player_store_save_position (FanfarePlayerStore *self,
                                    GTimeSpan           position)
{
  Job *job;

  g_return_if_fail (FANFARE_IS_PLAYER_STORE (self));

  job = g_new0 (Job, 1);
  job->position = position;

  push (self, job);
}

/**
 * fanfare_player_store_save_resume:
 * @self: a #FanfarePlayerStore
 * @key: the long item's key
 * @point: where the listener stopped
 *
 * Queues a write of where the listener stopped in a long item.
 */
void
fanfare_player_store_save_resume (FanfarePlayerStore       *self,
                                  const char               *key,
                                  const FanfareResumePoint *point)
{
  Job *job;

  g_return_if_fail (FANFARE_IS_PLAYER_STORE (self));
  g_return_if_fail (key != NULL);

  job = g_new0 (Job, 1);
  job->resume_key = g_strdup (key);
  job->resume = *point;

  push (self, job);
}

/**
 * fanfare_player_store_flush:
 * @self: a #FanfarePlayerStore
 *
 * Waits until every queued write is on disk.
 */
void
fanfare_player_store_flush (FanfarePlayerStore *self)
{
  g_return_if_fail (FANFARE_IS_PLAYER_STORE (self));

  if (self->writer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->writer), FALSE, TRUE);
}
