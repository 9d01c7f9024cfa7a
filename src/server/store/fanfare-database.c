/* fanfare-database.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The server's SQLite database: WAL, foreign keys on, migrated by
 * PRAGMA user_version when it opens. Request handlers run in worker
 * threads, so connections live in a pool: a thread takes one for the
 * length of one store call and gives it back. Each keeps its own prepared
 * statements. */

#include "config.h"

#include <string.h>

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-search-rank.h"
#include "fanfare-search-text.h"

#define MAX_CONNECTIONS 8
#define BUSY_TIMEOUT_US (10 * G_USEC_PER_SEC)
#define BUSY_MAX_NAP_US 2000
#define MMAP_SIZE       1073741824
#define CHECKPOINT_PAGES 1000
#define MAX_GROUP        64

struct _FanfareConnection
{
  FanfareDatabase *database;  /* borrowed: the pool outlives its connections */
  sqlite3         *handle;
  GHashTable      *statements; /* SQL text (static) -> sqlite3_stmt */
  gint64           busy_since; /* when SQLite first found the file locked */
  gboolean         writing;    /* holds the database's writer lock */
};

struct _FanfareDatabase
{
  GObject parent_instance;

  char   *path;
  char   *public_url;
  guint   schema_version;
  guint   generation;  /* atomic: moves on with every commit */

  /* The pool, under the mutex */
  GMutex   mutex;
  GCond    cond;
  GQueue   idle;
  guint    n_open;
  gboolean closed;

  /* One write transaction of this process at a time, under the mutex.
   * Writers wait for each other on writer_cond, woken the moment the
   * lock is free, rather than in SQLite's busy handler, which polls with
   * naps of up to 100 ms: under a burst of purchases those naps were the
   * tail of the latency. */
  GCond    writer_cond;
  gboolean writer_busy;

  /* Copies the write-ahead log back into the database file once it has
   * grown by CHECKPOINT_PAGES, in a thread of its own, under the mutex.
   * SQLite would do it in the commit that crossed the mark, holding the
   * writer lock through the copy and its fsyncs: every purchase behind it
   * waited, and those waits were the tail of a burst's latency. */
  GThread *checkpointer;
  GCond    checkpoint_cond;
  gboolean checkpoint_wanted;

  /* Group commit, under the mutex: the writes waiting for the next
   * transaction (GroupWrite), and whether a thread is committing one. */
  GQueue   group;
  GCond    group_cond;
  gboolean group_committing;
};

G_DEFINE_FINAL_TYPE (FanfareDatabase, fanfare_database, G_TYPE_OBJECT)

static gboolean
set_error (sqlite3 *handle,
           GError **error)
{
  int code = sqlite3_extended_errcode (handle);
  FanfareError fanfare_code = FANFARE_ERROR_INTERNAL;

  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    fanfare_code = FANFARE_ERROR_CONFLICT;
  else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    fanfare_code = FANFARE_ERROR_UNAVAILABLE;

  g_set_error (error, FANFARE_ERROR, fanfare_code, "Database error: %s", sqlite3_errmsg (handle));

  return FALSE;
}

static int
commit_hook_cb (void *data)
{
  FanfareDatabase *self = data;

  g_atomic_int_inc (&self->generation);

  return 0;
}

/* After each commit: asks for a checkpoint when the log is long enough. */
static int
wal_hook_cb (void       *data,
             sqlite3    *handle,
             const char *name,
             int         n_pages)
{
  FanfareDatabase *self = data;

  if (n_pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->mutex);
      self->checkpoint_wanted = TRUE;
      g_cond_signal (&self->checkpoint_cond);
      g_mutex_unlock (&self->mutex);
    }

  return SQLITE_OK;
}

/* Waits for a lock another process holds (the audit, a maintenance
 * command) or a statement outside a transaction holds, in short naps
 * growing to 2 ms, for at most ten seconds. */
static int
busy_cb (void *data,
         int   count)
{
  FanfareConnection *conn = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    conn->busy_since = now;
  if (now - conn->busy_since >= BUSY_TIMEOUT_US)
    return 0;

  g_usleep (MIN (50 * (count + 1), BUSY_MAX_NAP_US));

  return 1;
}

/* Takes the process's writer lock, waiting as long as SQLite would. */
static gboolean
begin_write (FanfareConnection *conn,
             GError           **error)
{
  FanfareDatabase *self = conn->database;
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_US;
  gboolean timed_out = FALSE;

  g_assert (!conn->writing);

  g_mutex_lock (&self->mutex);
  while (self->writer_busy && !timed_out)
    timed_out = !g_cond_wait_until (&self->writer_cond, &self->mutex, deadline);
  if (!self->writer_busy)
    self->writer_busy = conn->writing = TRUE;
  g_mutex_unlock (&self->mutex);

  if (!conn->writing)
    g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_UNAVAILABLE, "The database is busy");

  return conn->writing;
}

static void
end_write (FanfareConnection *conn)
{
  FanfareDatabase *self = conn->database;

  if (!conn->writing)
    return;

  g_mutex_lock (&self->mutex);
  self->writer_busy = conn->writing = FALSE;
  g_cond_signal (&self->writer_cond);
  g_mutex_unlock (&self->mutex);
}

static void
connection_free (FanfareConnection *conn)
{
  g_hash_table_unref (conn->statements);
  sqlite3_close (conn->handle);
  g_free (conn);
}

static FanfareConnection *
connection_open (FanfareDatabase *self,
                 GError         **error)
{
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  FanfareConnection *conn = g_new0 (FanfareConnection, 1);

  conn->database = self;
  conn->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);

  if (sqlite3_open_v2 (self->path, &conn->handle, flags, NULL) != SQLITE_OK)
    {
      set_error (conn->handle, error);
      connection_free (conn);
      return NULL;
    }

  sqlite3_extended_result_codes (conn->handle, TRUE);
  sqlite3_commit_hook (conn->handle, commit_hook_cb, self);
  /* In place of SQLite's own checkpoint in the committing connection. */
  sqlite3_wal_hook (conn->handle, wal_hook_cb, self);
  sqlite3_busy_handler (conn->handle, busy_cb, conn);
  fanfare_search_text_register_sql_functions (conn->handle);
  if (!fanfare_search_rank_register (conn->handle))
    {
      set_error (conn->handle, error);
      connection_free (conn);
      return NULL;
    }

  /* Reads through a shared mapping of the file rather than a page cache
   * per connection: a search over a large catalog touches more pages than
   * a connection's cache holds, and eight copies would not help. Each
   * write of a grouped commit is a savepoint, whose journal of the pages
   * it changed stays in memory rather than spilling to a file. */
  if (!_fanfare_connection_exec (conn,
                                 "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
                                 "PRAGMA mmap_size = " G_STRINGIFY (MMAP_SIZE) ";", error))
    {
      connection_free (conn);
      return NULL;
    }

  return conn;
}

static guint
read_user_version (FanfareConnection *conn,
                   GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, "PRAGMA user_version", error);

  if (stmt == NULL)
    return G_MAXUINT;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _fanfare_statement_error (stmt, error);
      return G_MAXUINT;
    }

  return sqlite3_column_int (stmt, 0);
}

/* Brings the schema up to date, each version in its own transaction. */
static gboolean
migrate (FanfareDatabase   *self,
         FanfareConnection *conn,
         GError           **error)
{
  guint latest = _fanfare_schema_get_n_versions ();
  guint version;

  if (!_fanfare_connection_exec (conn, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  version = read_user_version (conn, error);
  if (version == G_MAXUINT)
    return FALSE;

  if (version > latest)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL,
                   "The database has schema version %u; this server knows up to %u",
                   version, latest);
      return FALSE;
    }

  for (guint v = version + 1; v <= latest; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", v);

      g_debug ("Migrating %s to schema version %u", self->path, v);
      if (!_fanfare_connection_begin (conn, error) ||
          !_fanfare_connection_exec (conn, _fanfare_schema_get_version (v), error) ||
          !_fanfare_connection_exec (conn, set_version, error) ||
          !_fanfare_connection_commit (conn, error))
        return FALSE;
    }

  self->schema_version = latest;

  return TRUE;
}

/* A passive checkpoint neither waits for nor blocks readers and writers:
 * what it cannot copy yet, the next one does. */
static gpointer
checkpoint_thread (gpointer  data)
{
  FanfareDatabase *self = data;
  FanfareConnection *conn = NULL;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      g_autoptr(GError) error = NULL;

      while (!self->checkpoint_wanted && !self->closed)
        g_cond_wait (&self->checkpoint_cond, &self->mutex);
      if (self->closed)
        break;
      self->checkpoint_wanted = FALSE;
      g_mutex_unlock (&self->mutex);

      if (conn == NULL && (conn = connection_open (self, &error)) == NULL)
        g_warning ("Could not open the database to checkpoint it: %s", error->message);
      else if (sqlite3_wal_checkpoint_v2 (conn->handle, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) != SQLITE_OK &&
               (sqlite3_errcode (conn->handle) & 0xff) != SQLITE_BUSY)
        g_warning ("Could not checkpoint the database: %s", sqlite3_errmsg (conn->handle));

      g_mutex_lock (&self->mutex);
    }
  g_mutex_unlock (&self->mutex);

  g_clear_pointer (&conn, connection_free);

  return NULL;
}

static void
fanfare_database_finalize (GObject *object)
{
  FanfareDatabase *self = FANFARE_DATABASE (object);

  fanfare_database_close (self);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->writer_cond);
  g_cond_clear (&self->checkpoint_cond);
  g_cond_clear (&self->group_cond);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self->public_url);

  G_OBJECT_CLASS (fanfare_database_parent_class)->finalize (object);
}

static void
fanfare_database_class_init (FanfareDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_database_finalize;
}

static void
fanfare_database_init (FanfareDatabase *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->writer_cond);
  g_cond_init (&self->checkpoint_cond);
  g_cond_init (&self->group_cond);
  g_queue_init (&self->group);
  g_cond_init (&self->cond);
  g_queue_init (&self->idle);
  self->public_url = g_strdup ("");
}

/**
 * fanfare_database_open:
 * @path: the database file, created when missing
 * @error: return location for a #GError
 *
 * Opens the database and migrates its schema to the latest version.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
FanfareDatabase *
fanfare_database_open (const char *path,
                       GError    **error)
{
  g_autoptr(FanfareDatabase) self = NULL;
  FanfareConnection *conn;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  conn = connection_open (self, error);
  if (conn == NULL)
    return NULL;

  self->n_open = 1;
  if (!migrate (self, conn, error))
    {
      connection_free (conn);
      self->n_open = 0;
      return NULL;
    }

  g_queue_push_head (&self->idle, conn);
  self->checkpointer = g_thread_new ("checkpoint", checkpoint_thread, self);

  return g_steal_pointer (&self);
}

/**
 * fanfare_database_warm_up:
 *
 * Opens every connection of the pool and has each read the schema, which
 * a connection does once before its first statement: a server's first
 * burst of requests then finds them ready.
 */
void
fanfare_database_warm_up (FanfareDatabase *self)
{
  FanfareConnection *conns[MAX_CONNECTIONS] = { NULL };

  g_return_if_fail (FANFARE_IS_DATABASE (self));

  for (guint i = 0; i < MAX_CONNECTIONS; i++)
    {
      g_autoptr(GError) error = NULL;

      if ((conns[i] = _fanfare_database_acquire (self, &error)) == NULL ||
          !_fanfare_connection_exec (conns[i], "SELECT count(*) FROM sqlite_schema", &error))
        {
          g_warning ("Could not open a connection to the database: %s", error->message);
          break;
        }
    }

  for (guint i = 0; i < MAX_CONNECTIONS && conns[i] != NULL; i++)
    _fanfare_connection_release (conns[i]);
}

/**
 * fanfare_database_close:
 * @self: a #FanfareDatabase
 *
 * Waits until every connection is back in the pool, then closes them all.
 * Later calls to the store fail with %FANFARE_ERROR_UNAVAILABLE.
 */
void
fanfare_database_close (FanfareDatabase *self)
{
  FanfareConnection *conn;

  g_return_if_fail (FANFARE_IS_DATABASE (self));

  g_mutex_lock (&self->mutex);
  self->closed = TRUE;
  g_cond_signal (&self->checkpoint_cond);
  g_mutex_unlock (&self->mutex);
  g_clear_pointer (&self->checkpointer, g_thread_join);

  g_mutex_lock (&self->mutex);
  while (self->idle.length < self->n_open)
    g_cond_wait (&self->cond, &self->mutex);

  while ((conn = g_queue_pop_head (&self->idle)) != NULL)
    connection_free (conn);
  self->n_open = 0;
  g_mutex_unlock (&self->mutex);
}

guint
fanfare_database_get_schema_version (FanfareDatabase *self)
{
  g_return_val_if_fail (FANFARE_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * fanfare_database_get_latest_schema_version:
 *
 * Returns: the schema version that this build migrates databases to
 */
guint
fanfare_database_get_latest_schema_version (void)
{
  return _fanfare_schema_get_n_versions ();
}

/**
 * fanfare_database_get_generation:
 *
 * Returns: a number that changes whenever this process commits a change
 *   to the database, for caches of what was read from it
 */
guint
fanfare_database_get_generation (FanfareDatabase *self)
{
  g_return_val_if_fail (FANFARE_IS_DATABASE (self), 0);

  return g_atomic_int_get (&self->generation);
}

/**
 * fanfare_database_set_public_url:
 * @public_url: where clients reach the server, such as https://example.org
 *
 * The store names media and images by URL; this is their base. Set it
 * before the store is used from other threads.
 */
void
fanfare_database_set_public_url (FanfareDatabase *self,
                                 const char      *public_url)
{
  g_return_if_fail (FANFARE_IS_DATABASE (self));
  g_return_if_fail (public_url != NULL);

  g_free (self->public_url);
  self->public_url = g_strdup (public_url);
  /* One base, whether or not the caller ended it with a slash. */
  if (g_str_has_suffix (self->public_url, "/"))
    self->public_url[strlen (self->public_url) - 1] = '\0';
}

const char *
fanfare_database_get_path (FanfareDatabase *self)
{
  g_return_val_if_fail (FANFARE_IS_DATABASE (self), NULL);

  return self->path;
}

FanfareConnection *
_fanfare_database_acquire (FanfareDatabase *self,
                           GError         **error)
{
  FanfareConnection *conn = NULL;

  g_mutex_lock (&self->mutex);
  while (!self->closed && self->idle.length == 0 && self->n_open >= MAX_CONNECTIONS)
    g_cond_wait (&self->cond, &self->mutex);

  if (self->closed)
    {
      g_mutex_unlock (&self->mutex);
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_UNAVAILABLE, "The database is closed");
      return NULL;
    }

  conn = g_queue_pop_head (&self->idle);
  if (conn == NULL)
    self->n_open++;
  g_mutex_unlock (&self->mutex);

  if (conn == NULL)
    {
      conn = connection_open (self, error);
      if (conn == NULL)
        {
          g_mutex_lock (&self->mutex);
          self->n_open--;
          g_cond_broadcast (&self->cond);
          g_mutex_unlock (&self->mutex);
        }
    }

  return conn;
}

void
_fanfare_connection_release (FanfareConnection *conn)
{
  FanfareDatabase *self = conn->database;

  /* A transaction left open means its code failed halfway. */
  if (!sqlite3_get_autocommit (conn->handle))
    sqlite3_exec (conn->handle, "ROLLBACK", NULL, NULL, NULL);
  end_write (conn);

  g_mutex_lock (&self->mutex);
  g_queue_push_head (&self->idle, conn);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

sqlite3 *
_fanfare_connection_get_handle (FanfareConnection *conn)
{
  return conn->handle;
}

/* @sql must be a string that lives as long as the program: its address is
 * the key of the statement cache. */
FanfareStatement *
_fanfare_connection_prepare (FanfareConnection *conn,
                             const char        *sql,
                             GError           **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (conn->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (conn->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_error (conn->handle, error);
      return NULL;
    }

  g_hash_table_insert (conn->statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
_fanfare_connection_exec (FanfareConnection *conn,
                          const char        *sql,
                          GError           **error)
{
  if (sqlite3_exec (conn->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error (conn->handle, error);

  return TRUE;
}

/* Write transactions take the write lock at once, so that two writers
 * never deadlock upgrading from a read; the process's own writers queue
 * for it on the database's writer lock first. The lock is let go by the
 * commit, or by the rollback when the connection goes back to the pool. */
gboolean
_fanfare_connection_begin (FanfareConnection *conn,
                           GError           **error)
{
  if (!begin_write (conn, error))
    return FALSE;

  if (!_fanfare_connection_exec (conn, "BEGIN IMMEDIATE", error))
    {
      end_write (conn);
      return FALSE;
    }

  return TRUE;
}

gboolean
_fanfare_connection_commit (FanfareConnection *conn,
                            GError           **error)
{
  gboolean ok = _fanfare_connection_exec (conn, "COMMIT", error);

  if (sqlite3_get_autocommit (conn->handle))
    end_write (conn);

  return ok;
}

typedef struct {
  FanfareWriteFunc func;
  gpointer         data;
  GError          *error;
  gboolean         ok;
  gboolean         done;
} GroupWrite;

/* Runs @writes in one transaction, each in a savepoint of its own so
 * that one's failure undoes only it; if the transaction itself fails,
 * they all do. */
static void
commit_group (FanfareDatabase *self,
              GQueue          *writes)
{
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = (conn = _fanfare_database_acquire (self, &error)) != NULL && _fanfare_connection_begin (conn, &error);
  for (GList *l = writes->head; ok && l != NULL; l = l->next)
    {
      GroupWrite *write = l->data;

      if (!(ok = _fanfare_connection_exec (conn, "SAVEPOINT grouped", &error)))
        break;
      write->ok = write->func (conn, write->data, &write->error);
      ok = _fanfare_connection_exec (conn, write->ok ? "RELEASE grouped" : "ROLLBACK TO grouped; RELEASE grouped",
                                     &error);
    }
  ok = ok && _fanfare_connection_commit (conn, &error);

  for (GList *l = writes->head; l != NULL; l = l->next)
    {
      GroupWrite *write = l->data;

      if (!ok && write->error == NULL)
        write->error = g_error_copy (error);
      write->ok = ok && write->ok;
    }
}

/**
 * _fanfare_database_write_grouped:
 * @func: writes, in the transaction it is given and without committing it
 *
 * Runs @func in a write transaction shared with the writes of other
 * threads that wait at the same moment, and returns once it is committed:
 * one writer lock and one commit for a whole burst, rather than a burst
 * queueing for the lock one write at a time. A write that fails is undone
 * alone.
 *
 * Returns: whether @func succeeded and was committed
 */
gboolean
_fanfare_database_write_grouped (FanfareDatabase  *self,
                                 FanfareWriteFunc  func,
                                 gpointer          data,
                                 GError          **error)
{
  GroupWrite write = { .func = func, .data = data };

  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->group, &write);
  while (!write.done)
    {
      GQueue writes = G_QUEUE_INIT;

      if (self->group_committing)
        {
          g_cond_wait (&self->group_cond, &self->mutex);
          continue;
        }

      /* The thread that finds none committing commits for the first
       * MAX_GROUP waiting, its own write among them or not. */
      self->group_committing = TRUE;
      while (writes.length < MAX_GROUP && self->group.length > 0)
        g_queue_push_tail (&writes, g_queue_pop_head (&self->group));
      g_mutex_unlock (&self->mutex);

      commit_group (self, &writes);

      g_mutex_lock (&self->mutex);
      for (GList *l = writes.head; l != NULL; l = l->next)
        ((GroupWrite *) l->data)->done = TRUE;
      g_queue_clear (&writes);
      self->group_committing = FALSE;
      g_cond_broadcast (&self->group_cond);
    }
  g_mutex_unlock (&self->mutex);

  if (write.error != NULL)
    g_propagate_error (error, write.error);

  return write.ok;
}

gboolean
_fanfare_connection_error (FanfareConnection *conn,
                           GError           **error)
{
  return set_error (conn->handle, error);
}

gint64
_fanfare_connection_last_insert_id (FanfareConnection *conn)
{
  return sqlite3_last_insert_rowid (conn->handle);
}

int
_fanfare_connection_changes (FanfareConnection *conn)
{
  return sqlite3_changes (conn->handle);
}

gboolean
_fanfare_statement_error (FanfareStatement *stmt,
                          GError          **error)
{
  return set_error (sqlite3_db_handle (stmt), error);
}

/* Joins the public URL and the pieces of a path; a NULL @id stays NULL. */
char *
_fanfare_connection_make_uri (FanfareConnection *conn,
                              const char        *path,
                              const char        *id,
                              const char        *suffix)
{
  if (id == NULL)
    return NULL;

  return g_strconcat (conn->database->public_url, path, id, suffix, NULL);
}

char *
_fanfare_connection_image_uri (FanfareConnection *conn,
                               const char        *image_id)
{
  return _fanfare_connection_make_uri (conn, "/api/v1/images/", image_id, NULL);
}

/* The bytes of a column's value in a row key: its type, then the value,
 * a text or blob after its length. */
static gsize
column_key_size (FanfareStatement *stmt,
                 int               column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      return 1 + sizeof (gint64);

    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return 1 + sizeof (guint32) + sqlite3_column_bytes (stmt, column);

    default:
      return 1;
    }
}

static guint8 *
put_sized (guint8        *at,
           gconstpointer  data,
           guint32        size)
{
  memcpy (at, &size, sizeof size);
  if (size > 0)
    memcpy (at + sizeof size, data, size);

  return at + sizeof size + size;
}

static guint8 *
put_column (guint8           *at,
            FanfareStatement *stmt,
            int               column)
{
  int type = sqlite3_column_type (stmt, column);
  gint64 number;
  double real;

  *at++ = type;
  switch (type)
    {
    case SQLITE_INTEGER:
      number = sqlite3_column_int64 (stmt, column);
      memcpy (at, &number, sizeof number);
      return at + sizeof number;

    case SQLITE_FLOAT:
      real = sqlite3_column_double (stmt, column);
      memcpy (at, &real, sizeof real);
      return at + sizeof real;

    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return put_sized (at, sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));

    default:
      return at;
    }
}

/**
 * _fanfare_connection_row_key:
 * @tag: what is made of the columns, told apart from other things made
 *   of the same columns
 *
 * Returns: (transfer full): the values of @n_columns columns of the
 *   current row from @first, and the public URL, that a URL made from
 *   them starts with: the same bytes exactly when the same values are
 *   read, so that what is made of them can be kept under this key and
 *   is never stale, whatever changed the row and however
 */
GBytes *
_fanfare_connection_row_key (FanfareConnection *conn,
                             FanfareStatement  *stmt,
                             char               tag,
                             int                first,
                             int                n_columns)
{
  const char *public_url = conn->database->public_url != NULL ? conn->database->public_url : "";
  gsize url_length = strlen (public_url);
  gsize size = 1 + sizeof (guint32) + url_length;
  guint8 *key, *at;

  /* The size first, so that the key is made in one allocation: a key is
   * made for every track of every answer that lists them. */
  for (int column = first; column < first + n_columns; column++)
    size += column_key_size (stmt, column);

  at = key = g_malloc (size);
  *at++ = tag;
  at = put_sized (at, public_url, url_length);
  for (int column = first; column < first + n_columns; column++)
    at = put_column (at, stmt, column);
  g_assert ((gsize) (at - key) == size);

  return g_bytes_new_take (key, size);
}
