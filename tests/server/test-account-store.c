/* test-account-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-catalog-store.h"
#include "fanfare-error.h"
#include "fanfare-session.h"
#include "fanfare-test-store.h"
#include "fanfare-user.h"

#define DAY (24 * 60 * 60)

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
test_users (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(FanfareUser) again = NULL;
  g_autofree char *hash = NULL;
  gint64 user_id = 0;

  fanfare_test_store_set_up (&store);

  user = fanfare_account_store_create_user (store.db, "Lin", "林北辰", "lin@example.org", "$argon2id$x",
                                            FANFARE_USER_ROLE_LISTENER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_username (user), ==, "Lin");
  g_assert_cmpstr (fanfare_user_get_email (user), ==, "lin@example.org");
  g_assert_cmpint (fanfare_user_get_role (user), ==, FANFARE_USER_ROLE_LISTENER);
  g_assert_nonnull (fanfare_user_get_created_at (user));

  /* Usernames are unique whatever their case. */
  again = fanfare_account_store_create_user (store.db, "lin", "Other", NULL, "!",
                                             FANFARE_USER_ROLE_LISTENER, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT);
  g_assert_null (again);
  g_clear_error (&error);

  g_assert_true (fanfare_account_store_get_credentials (store.db, "LIN", &user_id, &hash, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, "$argon2id$x");
  g_clear_pointer (&hash, g_free);
  g_assert_false (fanfare_account_store_get_credentials (store.db, "nobody", &user_id, &hash, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The public profile leaves the email out; the profile can change. */
  g_assert_true (fanfare_account_store_update_profile (store.db, user_id, "Lin B.", "写歌的人", "", &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = fanfare_account_store_find_user (store.db, "lin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_display_name (again), ==, "Lin B.");
  g_assert_cmpstr (fanfare_user_get_bio (again), ==, "写歌的人");
  g_assert_null (fanfare_user_get_email (again));

  g_assert_true (fanfare_account_store_set_verified (store.db, user_id, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = fanfare_account_store_get_user (store.db, user_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_user_get_verified (again));
  g_assert_null (fanfare_user_get_email (again));

  g_assert_false (fanfare_account_store_set_verified (store.db, 12345, TRUE, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);

  fanfare_test_store_tear_down (&store);
}

static void
test_role_artist_gets_a_profile (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUser) user = NULL;
  gint64 user_id;
  gint64 artist_id = 0;
  gint64 again = 0;

  fanfare_test_store_set_up (&store);
  user_id = fanfare_test_store_add_user (&store, "chen", "陈星河", FANFARE_USER_ROLE_LISTENER);

  g_assert_true (fanfare_account_store_set_role (store.db, user_id, FANFARE_USER_ROLE_ARTIST, &artist_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (artist_id, >, 0);
  g_assert_cmpint (fanfare_catalog_store_get_artist_for_user (store.db, user_id, &error), ==, artist_id);

  /* Becoming an artist again keeps the one profile. */
  g_assert_true (fanfare_account_store_set_role (store.db, user_id, FANFARE_USER_ROLE_ARTIST, &again, &error));
  g_assert_cmpint (again, ==, artist_id);

  user = fanfare_account_store_get_user (store.db, user_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fanfare_user_get_role (user), ==, FANFARE_USER_ROLE_ARTIST);
  g_assert_cmpint (g_ascii_strtoll (fanfare_user_get_artist_id (user), NULL, 10), ==, artist_id);

  fanfare_test_store_tear_down (&store);
}

static void
test_sessions (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  FanfareAuth auth = { 0 };
  gint64 alice, bob, first, second, expired, bobs;
  guint n_revoked = 0;

  fanfare_test_store_set_up (&store);
  alice = fanfare_test_store_add_user (&store, "alice", "Alice", FANFARE_USER_ROLE_ADMIN);
  bob = fanfare_test_store_add_user (&store, "bob", "Bob", FANFARE_USER_ROLE_LISTENER);

  first = fanfare_account_store_create_session (store.db, alice, "hash-1", "Laptop", now () + DAY, &error);
  g_assert_no_error (error);
  second = fanfare_account_store_create_session (store.db, alice, "hash-2", "Phone", now () + DAY, &error);
  g_assert_no_error (error);
  expired = fanfare_account_store_create_session (store.db, alice, "hash-3", "Old", now () - 1, &error);
  g_assert_no_error (error);
  bobs = fanfare_account_store_create_session (store.db, bob, "hash-4", NULL, now () + DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expired, >, 0);

  g_assert_true (fanfare_account_store_authenticate (store.db, "hash-2", DAY, &auth, &error));
  g_assert_no_error (error);
  g_assert_cmpint (auth.user_id, ==, alice);
  g_assert_cmpint (auth.session_id, ==, second);
  g_assert_cmpint (auth.role, ==, FANFARE_USER_ROLE_ADMIN);

  g_assert_false (fanfare_account_store_authenticate (store.db, "hash-3", DAY, &auth, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_false (fanfare_account_store_authenticate (store.db, "no-such-hash", DAY, &auth, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* The expired session is not listed; the current one is marked. */
  sessions = fanfare_account_store_list_sessions (store.db, alice, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  for (guint i = 0; i < sessions->len; i++)
    {
      FanfareSession *session = g_ptr_array_index (sessions, i);
      gboolean is_second = g_ascii_strtoll (fanfare_session_get_id (session), NULL, 10) == second;

      g_assert_cmpint (fanfare_session_get_current (session), ==, is_second);
      g_assert_nonnull (fanfare_session_get_expires_at (session));
    }

  /* Another user's session is not found, and stays. */
  g_assert_false (fanfare_account_store_delete_session (store.db, alice, bobs, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (fanfare_account_store_authenticate (store.db, "hash-4", DAY, &auth, &error));

  /* A new password keeps the session that set it and revokes the rest. */
  g_assert_true (fanfare_account_store_set_password_hash (store.db, alice, "$new", second, &n_revoked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_revoked, ==, 2);
  g_assert_false (fanfare_account_store_authenticate (store.db, "hash-1", DAY, &auth, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (fanfare_account_store_authenticate (store.db, "hash-2", DAY, &auth, &error));
  g_assert_cmpint (first, !=, second);

  g_assert_true (fanfare_account_store_delete_session (store.db, alice, second, &error));
  g_assert_false (fanfare_account_store_authenticate (store.db, "hash-2", DAY, &auth, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);

  fanfare_test_store_tear_down (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/account-store/users", test_users);
  g_test_add_func ("/server/account-store/role-artist-gets-a-profile", test_role_artist_gets_a_profile);
  g_test_add_func ("/server/account-store/sessions", test_sessions);

  return g_test_run ();
}
