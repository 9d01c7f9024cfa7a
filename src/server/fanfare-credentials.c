/* fanfare-credentials.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Passwords and tokens. Passwords are hashed with Argon2id at libsodium's
 * interactive limits (about 25 ms and 64 MiB each), so at most a few hash
 * at once: the rest wait rather than exhaust memory. Tokens are 32 random
 * bytes; the database keeps only their BLAKE2b hash, which is enough to
 * find a session and useless for signing in. */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "fanfare-credentials.h"
#include "fanfare-error.h"

#define TOKEN_BYTES         32
#define TOKEN_PREFIX        "fft_"
#define MAX_CONCURRENT_HASH 2

static GMutex hash_mutex;
static GCond hash_cond;
static guint hashing;

/**
 * fanfare_credentials_init:
 *
 * Initialises libsodium; call it once before anything else here.
 */
gboolean
fanfare_credentials_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "libsodium could not start");
      return FALSE;
    }

  return TRUE;
}

static void
begin_hashing (void)
{
  g_mutex_lock (&hash_mutex);
  while (hashing >= MAX_CONCURRENT_HASH)
    g_cond_wait (&hash_cond, &hash_mutex);
  hashing++;
  g_mutex_unlock (&hash_mutex);
}

static void
end_hashing (void)
{
  g_mutex_lock (&hash_mutex);
  hashing--;
  g_cond_signal (&hash_cond);
  g_mutex_unlock (&hash_mutex);
}

/**
 * fanfare_credentials_check_password:
 * @field: the name of the request's field, for the error
 *
 * Returns: whether @password is long enough and not too long
 */
gboolean
fanfare_credentials_check_password (const char *password,
                                    const char *field,
                                    GError    **error)
{
  gsize length = strlen (password);

  if (g_utf8_strlen (password, -1) < FANFARE_PASSWORD_MIN_LENGTH || length > FANFARE_PASSWORD_MAX_LENGTH)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “%s” must have %u to %u characters",
                   field, FANFARE_PASSWORD_MIN_LENGTH, FANFARE_PASSWORD_MAX_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_credentials_hash_password:
 *
 * Returns: (transfer full): the Argon2id hash of @password, in the encoded
 *   form that carries its salt and parameters
 */
char *
fanfare_credentials_hash_password (const char *password,
                                   GError    **error)
{
  char hash[crypto_pwhash_STRBYTES];
  int result;

  begin_hashing ();
  result = crypto_pwhash_str (hash, password, strlen (password),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
  end_hashing ();

  if (result != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_UNAVAILABLE,
                           "Not enough memory to hash the password");
      return NULL;
    }

  return g_strdup (hash);
}

/**
 * fanfare_credentials_verify_password:
 *
 * Returns: whether @password matches @hash
 */
gboolean
fanfare_credentials_verify_password (const char *password,
                                     const char *hash)
{
  gboolean matches;

  /* A hash that is not Argon2id, such as the "!" of an account that
  * cannot sign in, matches nothing; time is wasted all the same. */
  if (!g_str_has_prefix (hash, "$argon2id$"))
    {
      fanfare_credentials_waste_time (password);
      return FALSE;
    }

  begin_hashing ();
  matches = crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
  end_hashing ();

  return matches;
}

/**
 * fanfare_credentials_waste_time:
 *
 * Takes as long as checking a password, so that a log-in for an unknown
 * user answers no faster than one with a wrong password.
 */
void
fanfare_credentials_waste_time (const char *password)
{
  g_autofree char *hash = fanfare_credentials_hash_password (password, NULL);
}

/**
 * fanfare_credentials_new_token:
 *
 * Returns: (transfer full): a new bearer token
 */
char *
fanfare_credentials_new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);

  return g_strconcat (TOKEN_PREFIX, encoded, NULL);
}

/**
 * fanfare_credentials_hash_token:
 *
 * Returns: (transfer full): the hash under which the session of @token is
 *   stored
 */
char *
fanfare_credentials_hash_token (const char *token)
{
  guint8 digest[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];

  crypto_generichash (digest, sizeof digest, (const guint8 *) token, strlen (token), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

  return g_strdup (hex);
}
