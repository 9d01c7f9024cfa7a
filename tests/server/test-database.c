/* test-database.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "fanfare-account-store.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-test-store.h"
#include "fanfare-user.h"

/* Asks the database file directly, with SQLite's own connection. */
static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return value;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autofree char *value = query (path, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

static void
test_migrates_new_database (void)
{
  FanfareTestStore store;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;

  fanfare_test_store_set_up (&store);
  path = g_strdup (fanfare_database_get_path (store.db));

  g_assert_cmpuint (fanfare_database_get_schema_version (store.db), ==,
                    fanfare_database_get_latest_schema_version ());
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==,
                   fanfare_database_get_latest_schema_version ());

  /* Foreign keys are on in the store's own connections. */
  conn = _fanfare_database_acquire (store.db, &error);
  g_assert_no_error (error);
  stmt = _fanfare_connection_prepare (conn, "PRAGMA foreign_keys", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, _fanfare_statement_reset);
  g_assert_false (_fanfare_connection_exec (conn, "INSERT INTO sessions (user_id, token_hash, created_at,"
                                            " last_used_at, expires_at) VALUES (999, 'x', 0, 0, 0)", &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL);
  g_clear_pointer (&conn, _fanfare_connection_release);

  fanfare_test_store_tear_down (&store);
}

static void
test_reopens_and_keeps_data (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareDatabase) again = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autofree char *path = NULL;
  g_autofree char *journal_mode = NULL;

  fanfare_test_store_set_up (&store);
  path = g_strdup (fanfare_database_get_path (store.db));
  fanfare_test_store_add_user (&store, "mei", "梅", FANFARE_USER_ROLE_LISTENER);
  journal_mode = query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  again = fanfare_database_open (path, &error);
  g_assert_no_error (error);
  user = fanfare_account_store_find_user (again, "MEI", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_display_name (user), ==, "梅");
  fanfare_database_close (again);

  fanfare_test_store_tear_down (&store);
}

static void
test_refuses_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("fanfare-db-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "future.db", NULL);
  g_autoptr(FanfareDatabase) db = NULL;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = fanfare_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "9999"));

  fanfare_test_remove_tree (directory);
}

typedef struct {
  FanfareDatabase *db;
  guint            thread;
} Writer;

static gpointer
write_users (gpointer  data)
{
  Writer *writer = data;

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("user-%u-%u", writer->thread, i);
      g_autoptr(FanfareUser) user = NULL;

      user = fanfare_account_store_create_user (writer->db, name, name, NULL, "!",
                                                FANFARE_USER_ROLE_LISTENER, &error);
      g_assert_no_error (error);
    }

  return NULL;
}

static void
test_concurrent_writers (void)
{
  FanfareTestStore store;
  Writer writers[6];
  GThread *threads[G_N_ELEMENTS (writers)];

  fanfare_test_store_set_up (&store);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer) { store.db, i };
      threads[i] = g_thread_new ("writer", write_users, &writers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (query_int (fanfare_database_get_path (store.db), "SELECT count(*) FROM users"), ==,
                   G_N_ELEMENTS (writers) * 25);

  fanfare_test_store_tear_down (&store);
}

/* Inserts a user and, for an odd @data, fails after it. */
static gboolean
insert_user (FanfareConnection *conn,
             gpointer           data,
             GError           **error)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autofree char *name = g_strdup_printf ("grouped-%u", n);

  if ((stmt = _fanfare_connection_prepare (conn, "INSERT INTO users (username, display_name, password_hash, created_at)"
                                           " VALUES (?1, ?1, '!', 0)", error)) == NULL)
    return FALSE;
  _fanfare_statement_bind_text (stmt, 1, name);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (n % 2 == 1)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "Odd %u", n);
      return FALSE;
    }

  return TRUE;
}

static gpointer
write_grouped (gpointer  data)
{
  Writer *writer = data;

  for (guint i = 0; i < 25; i++)
    {
      guint n = writer->thread * 100 + i;
      g_autoptr(GError) error = NULL;
      gboolean ok = _fanfare_database_write_grouped (writer->db, insert_user, GUINT_TO_POINTER (n), &error);

      if (n % 2 == 1)
        {
          g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT);
          g_assert_false (ok);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
    }

  return NULL;
}

/* Writes that share a commit: each failing one is undone alone, and
 * each caller learns its own outcome. */
static void
test_grouped_writes (void)
{
  FanfareTestStore store;
  Writer writers[8];
  GThread *threads[G_N_ELEMENTS (writers)];
  const char *path;

  fanfare_test_store_set_up (&store);
  path = fanfare_database_get_path (store.db);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer) { store.db, i };
      threads[i] = g_thread_new ("writer", write_grouped, &writers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM users WHERE username LIKE 'grouped-%'"), ==,
                   G_N_ELEMENTS (writers) * 13);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM users WHERE username LIKE 'grouped-%'"
                              " AND substr (username, 9) % 2 = 1"), ==, 0);

  fanfare_test_store_tear_down (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/database/migrates-new-database", test_migrates_new_database);
  g_test_add_func ("/server/database/reopens-and-keeps-data", test_reopens_and_keeps_data);
  g_test_add_func ("/server/database/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/server/database/concurrent-writers", test_concurrent_writers);
  g_test_add_func ("/server/database/grouped-writes", test_grouped_writes);

  return g_test_run ();
}
