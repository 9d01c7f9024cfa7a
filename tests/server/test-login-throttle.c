/* test-login-throttle.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-credentials.h"
#include "fanfare-login-throttle.h"

static void
test_limits (void)
{
  g_autoptr(FanfareLoginThrottle) throttle = fanfare_login_throttle_new (3, 5, 60);
  guint retry_after = 0;

  for (guint i = 0; i < 3; i++)
    g_assert_true (fanfare_login_throttle_begin (throttle, "Mei", "10.0.0.1", &retry_after));

  /* The account is stopped whatever its case; another still goes. */
  g_assert_false (fanfare_login_throttle_begin (throttle, "MEI", "10.0.0.2", &retry_after));
  g_assert_cmpuint (retry_after, >=, 59);
  g_assert_cmpuint (retry_after, <=, 60);
  g_assert_true (fanfare_login_throttle_begin (throttle, "lin", "10.0.0.1", &retry_after));
  g_assert_cmpuint (retry_after, ==, 0);

  /* Five attempts from one address, on any accounts, stop that address. */
  g_assert_true (fanfare_login_throttle_begin (throttle, "a", "10.0.0.1", &retry_after));
  g_assert_false (fanfare_login_throttle_begin (throttle, "b", "10.0.0.1", &retry_after));
  g_assert_true (fanfare_login_throttle_begin (throttle, "b", "10.0.0.3", &retry_after));
}

static void
test_success_forgives (void)
{
  g_autoptr(FanfareLoginThrottle) throttle = fanfare_login_throttle_new (2, 10, 60);
  guint retry_after;

  g_assert_true (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
  g_assert_true (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
  fanfare_login_throttle_succeed (throttle, "mei", "::1");
  g_assert_true (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
  g_assert_true (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
  g_assert_false (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
}

static void
test_window_passes (void)
{
  g_autoptr(FanfareLoginThrottle) throttle = fanfare_login_throttle_new (1, 10, 1);
  guint retry_after;

  g_assert_true (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
  g_assert_false (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
  g_assert_cmpuint (retry_after, ==, 1);
  g_usleep (1100 * 1000);
  g_assert_true (fanfare_login_throttle_begin (throttle, "mei", "::1", &retry_after));
}

static void
test_credentials (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *again = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *token_hash = NULL;

  g_assert_true (fanfare_credentials_init (&error));
  hash = fanfare_credentials_hash_password ("correct horse", &error);
  g_assert_no_error (error);
  again = fanfare_credentials_hash_password ("correct horse", &error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpstr (hash, !=, again);  /* salted */
  g_assert_true (fanfare_credentials_verify_password ("correct horse", hash));
  g_assert_false (fanfare_credentials_verify_password ("correct horsf", hash));
  g_assert_false (fanfare_credentials_verify_password ("anything", "!"));

  g_assert_false (fanfare_credentials_check_password ("short", "password", &error));
  g_assert_nonnull (strstr (error->message, "password"));

  token = fanfare_credentials_new_token ();
  other = fanfare_credentials_new_token ();
  g_assert_true (g_str_has_prefix (token, "fft_"));
  g_assert_cmpuint (strlen (token), >=, 40);
  g_assert_cmpstr (token, !=, other);
  token_hash = fanfare_credentials_hash_token (token);
  g_assert_cmpuint (strlen (token_hash), ==, 64);
  g_assert_null (strstr (token_hash, token + 4));
  {
    g_autofree char *same = fanfare_credentials_hash_token (token);

    g_assert_cmpstr (same, ==, token_hash);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/login-throttle/limits", test_limits);
  g_test_add_func ("/server/login-throttle/success-forgives", test_success_forgives);
  g_test_add_func ("/server/login-throttle/window-passes", test_window_passes);
  g_test_add_func ("/server/credentials/hashes-and-tokens", test_credentials);

  return g_test_run ();
}
