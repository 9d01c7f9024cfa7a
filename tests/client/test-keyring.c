/* test-keyring.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Against the real keyring daemon of the test session and a real server:
 * the token is saved, found at start-up, deleted at sign-out, and found in
 * no file of the user's folders nor in GSettings. */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <libsecret/secret.h>
#include <string.h>

#include "fanfare-account-manager.h"
#include "fanfare-error.h"
#include "fanfare-keyring.h"
#include "fanfare-test-client.h"
#include "fanfare-test-utils.h"

static char *demo_dir;
static char *scratch;

typedef struct {
  FanfareTestServer *server;
  GSettings         *settings;
  GAsyncResult      *result;
  GPtrArray         *notices;
} Fixture;

static GSettings *
new_settings (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = fanfare_test_demo_server_start (demo_dir);
  fixture->settings = new_settings ();
  fixture->notices = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_settings_reset (fixture->settings, "account-server");
  g_settings_reset (fixture->settings, "account-username");
  g_settings_sync ();
  g_clear_object (&fixture->settings);
  fanfare_test_server_stop (fixture->server);
  g_ptr_array_unref (fixture->notices);
}

static void
notice_cb (FanfareAccountManager *manager,
           const char            *message,
           Fixture               *fixture)
{
  g_ptr_array_add (fixture->notices, g_strdup (message));
}

static FanfareAccountManager *
new_manager (Fixture *fixture)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "fanfare", "http", NULL);
  FanfareAccountManager *manager = fanfare_account_manager_new (fixture->settings, cache);

  g_signal_connect (manager, "notice", G_CALLBACK (notice_cb), fixture);

  return manager;
}

static void
sign_in (Fixture               *fixture,
         FanfareAccountManager *manager,
         const char            *username,
         const char            *password,
         gboolean               create)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_account_manager_sign_in_async (manager, fixture->server->url, username, password, create,
                                         NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  user = fanfare_account_manager_sign_in_finish (manager, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_username (user), ==, username);
  g_assert_true (fanfare_client_get_signed_in (fanfare_account_manager_get_client (manager)));
  fanfare_test_note_secret (fanfare_client_get_token (fanfare_account_manager_get_client (manager)));
}

static gboolean
restore (Fixture               *fixture,
         FanfareAccountManager *manager,
         GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_account_manager_restore_async (manager, NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);

  return fanfare_account_manager_restore_finish (manager, result, error);
}

static char *
lookup (Fixture    *fixture,
        const char *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  fanfare_keyring_lookup_async (fixture->server->url, username, NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  token = fanfare_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);

  return token;
}

static void
sign_out (Fixture               *fixture,
          FanfareAccountManager *manager)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_account_manager_sign_out_async (manager, NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  g_assert_true (fanfare_account_manager_sign_out_finish (manager, result, &error));
  g_assert_no_error (error);
}

static void
fill_cache (Fixture       *fixture,
            FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GBytes) cover = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_list_new_releases_async (client, 5, NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  albums = fanfare_client_list_new_releases_finish (client, result, &error);
  g_assert_no_error (error);
  album = g_list_model_get_item (albums, 0);
  g_clear_object (&result);

  fanfare_client_load_image_async (client, fanfare_album_get_cover_uri (album), G_PRIORITY_DEFAULT, NULL,
                                   fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  cover = fanfare_client_load_image_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_client_flush_cache (client);
}

static void
assert_no_secret_in_settings (GSettings          *settings,
                              const char * const *secrets)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint k = 0; keys[k] != NULL; k++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[k]);
      g_autofree char *text = g_variant_print (value, FALSE);

      for (guint i = 0; secrets[i] != NULL; i++)
        g_assert_null (strstr (text, secrets[i]));
    }
}

static void
test_remembered (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FanfareAccountManager) manager = new_manager (fixture);
  g_autoptr(FanfareAccountManager) next_run = NULL;
  g_autoptr(FanfareAccountManager) after_sign_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  char *saved;
  const char *secrets[3] = { NULL, FANFARE_TEST_DEMO_PASSWORD, NULL };

  sign_in (fixture, manager, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  g_assert_true (fanfare_account_manager_get_remembered (manager));
  g_assert_cmpuint (fixture->notices->len, ==, 0);
  token = g_strdup (fanfare_client_get_token (fanfare_account_manager_get_client (manager)));
  saved = lookup (fixture, FANFARE_TEST_DEMO_USER);
  g_assert_cmpstr (saved, ==, token);
  secret_password_free (saved);
  fill_cache (fixture, fanfare_account_manager_get_client (manager));
  g_clear_object (&manager);

  /* The next start-up signs in without asking. */
  next_run = new_manager (fixture);
  g_assert_true (restore (fixture, next_run, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_username (fanfare_client_get_user (fanfare_account_manager_get_client (next_run))),
                   ==, FANFARE_TEST_DEMO_USER);
  g_assert_cmpstr (fanfare_client_get_token (fanfare_account_manager_get_client (next_run)), ==, token);

  /* Neither the token nor the password is in a file of the user's, nor in
   * the settings. */
  g_settings_sync ();
  secrets[0] = token;
  g_assert_cmpuint (fanfare_test_assert_no_secret_under (scratch, secrets), >, 2);
  assert_no_secret_in_settings (fixture->settings, secrets);

  /* Sign-out deletes the secret and revokes the token. */
  sign_out (fixture, next_run);
  g_assert_null (lookup (fixture, FANFARE_TEST_DEMO_USER));
  g_clear_object (&next_run);

  after_sign_out = new_manager (fixture);
  g_assert_false (restore (fixture, after_sign_out, &error));
  g_assert_no_error (error);
  g_assert_false (fanfare_client_get_signed_in (fanfare_account_manager_get_client (after_sign_out)));
  {
    g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", "/api/v1/me", token, NULL);

    g_assert_cmpuint (response->status, ==, 401);
  }
}

static void
test_several_accounts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FanfareAccountManager) manager = new_manager (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accounts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *active = NULL;
  guint found = 0;
  char *saved;

  sign_in (fixture, manager, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  first = g_strdup (fanfare_client_get_token (fanfare_account_manager_get_client (manager)));
  fanfare_test_note_secret ("second account's password");
  sign_in (fixture, manager, "second.account", "second account's password", TRUE);

  fanfare_keyring_list_async (NULL, fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  accounts = fanfare_keyring_list_finish (result, &error);
  g_assert_no_error (error);
  for (guint i = 0; accounts[i] != NULL && accounts[i + 1] != NULL; i += 2)
    if (g_str_equal (accounts[i], fixture->server->url))
      found++;
  g_assert_cmpuint (found, ==, 2);

  /* The active one is the last signed in; signing out of it keeps the other. */
  active = g_settings_get_string (fixture->settings, "account-username");
  g_assert_cmpstr (active, ==, "second.account");
  sign_out (fixture, manager);
  g_assert_null (lookup (fixture, "second.account"));
  saved = lookup (fixture, FANFARE_TEST_DEMO_USER);
  g_assert_cmpstr (saved, ==, first);
  secret_password_free (saved);
}

static gboolean
switch_to (Fixture               *fixture,
           FanfareAccountManager *manager,
           const char            *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean switched;

  fanfare_account_manager_switch_async (manager, fixture->server->url, username, NULL,
                                        fanfare_test_store_result, &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  switched = fanfare_account_manager_switch_finish (manager, result, &error);
  g_assert_no_error (error);

  return switched;
}

/* Two remembered accounts: switching goes back and forth with the saved
 * tokens, no password asked, and neither is forgotten. */
static void
test_switch_account (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FanfareAccountManager) manager = new_manager (fixture);
  FanfareClient *client;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *active = NULL;
  char *saved;

  sign_in (fixture, manager, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  first = g_strdup (fanfare_client_get_token (fanfare_account_manager_get_client (manager)));
  fanfare_test_note_secret ("switching account's password");
  sign_in (fixture, manager, "switch.account", "switching account's password", TRUE);
  client = fanfare_account_manager_get_client (manager);
  second = g_strdup (fanfare_client_get_token (client));
  g_assert_cmpstr (first, !=, second);

  g_assert_true (switch_to (fixture, manager, FANFARE_TEST_DEMO_USER));
  client = fanfare_account_manager_get_client (manager);
  g_assert_cmpstr (fanfare_user_get_username (fanfare_client_get_user (client)), ==, FANFARE_TEST_DEMO_USER);
  g_assert_cmpstr (fanfare_client_get_token (client), ==, first);
  active = g_settings_get_string (fixture->settings, "account-username");
  g_assert_cmpstr (active, ==, FANFARE_TEST_DEMO_USER);
  saved = lookup (fixture, "switch.account");
  g_assert_cmpstr (saved, ==, second);
  secret_password_free (saved);

  g_assert_true (switch_to (fixture, manager, "switch.account"));
  g_assert_cmpstr (fanfare_user_get_username (fanfare_client_get_user (client)), ==, "switch.account");
  g_assert_cmpstr (fanfare_client_get_token (client), ==, second);

  /* An account the keyring does not hold signs nobody in. */
  g_assert_false (switch_to (fixture, manager, "nobody.saved"));
  g_assert_false (fanfare_client_get_signed_in (fanfare_account_manager_get_client (manager)));
  g_assert_null (fanfare_client_get_token (fanfare_account_manager_get_client (manager)));

  g_assert_true (switch_to (fixture, manager, FANFARE_TEST_DEMO_USER));
  sign_out (fixture, manager);
  g_assert_true (switch_to (fixture, manager, "switch.account"));
  sign_out (fixture, manager);
}

static void
test_no_keyring (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FanfareAccountManager) manager = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* No Secret Service on this bus: the user is signed in for this run, and
   * told so in plain words. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  manager = new_manager (fixture);
  sign_in (fixture, manager, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  g_assert_false (fanfare_account_manager_get_remembered (manager));
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 0), ==,
                   "The keyring is not available, so Fanfare cannot remember your sign-in. "
                   "You are signed in until Fanfare closes.");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  scratch = fanfare_test_use_private_dirs ();
  g_test_init (&argc, &argv, NULL);
  demo_dir = fanfare_test_seed_demo ();

  g_test_add ("/keyring/remembered", Fixture, NULL, fixture_set_up, test_remembered, fixture_tear_down);
  g_test_add ("/keyring/several-accounts", Fixture, NULL, fixture_set_up, test_several_accounts, fixture_tear_down);
  g_test_add ("/keyring/switch-account", Fixture, NULL, fixture_set_up, test_switch_account, fixture_tear_down);
  g_test_add ("/keyring/no-keyring", Fixture, NULL, fixture_set_up, test_no_keyring, fixture_tear_down);

  status = g_test_run ();
  fanfare_test_rm_rf (demo_dir);
  fanfare_test_rm_rf (scratch);
  g_free (demo_dir);
  g_free (scratch);

  return status;
}
