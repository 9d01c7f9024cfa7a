/* fanfare-shop.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's configuration and keys. A nameplate is signed with Ed25519
 * over a canonical text, its payload: one "name=value" line per fact in a
 * fixed order after a format line, values with backslashes and line ends
 * escaped. The payload travels with the nameplate, so anyone holding the
 * public key checks the signature and then reads the facts from the
 * payload itself. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fanfare-error.h"
#include "fanfare-shop.h"

#define KEY_FILE             "nameplate-signing.key"
#define CONFIG_FILE          "store.ini"
#define SIGNATURE_CACHE_SIZE 20000

/* Codes: 16 symbols of an alphabet without look-alikes, 80 bits. */
static const char code_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
#define CODE_LENGTH 16

struct _FanfareShop {
  guint         fee_percent;
  char         *currency;
  GArray       *certifications;  /* FanfareCertification, the highest first */
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES];

  /* Signatures made, by payload: Ed25519 signs the same payload the same
   * way, and a page of a club's supporters shows a thousand nameplates.
   * Emptied when it holds SIGNATURE_CACHE_SIZE. */
  GMutex      signatures_mutex;
  GHashTable *signatures;
};

static int
compare_certifications (gconstpointer  a,
                        gconstpointer  b)
{
  const FanfareCertification *x = a, *y = b;

  return (x->buyers < y->buyers) - (x->buyers > y->buyers);
}

static void
clear_certification (gpointer  data)
{
  FanfareCertification *certification = data;

  g_free (certification->name);
}

static gboolean
load_config (FanfareShop *self,
             const char  *data_dir,
             GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, CONFIG_FILE, NULL);
  g_autoptr(GKeyFile) config = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) tiers = NULL;
  static const FanfareCertification defaults[] = {
    { (char *) "gold", 100 }, { (char *) "platinum", 1000 }, { (char *) "diamond", 10000 },
  };

  self->fee_percent = 10;
  self->currency = g_strdup ("CNY");

  if (!g_key_file_load_from_file (config, path, G_KEY_FILE_NONE, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
          return FALSE;
        }

      for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
        {
          FanfareCertification tier = { g_strdup (defaults[i].name), defaults[i].buyers };

          g_array_append_val (self->certifications, tier);
        }
    }
  else
    {
      if (g_key_file_has_key (config, "store", "platform-fee-percent", NULL))
        {
          int percent = g_key_file_get_integer (config, "store", "platform-fee-percent", &local_error);

          if (local_error != NULL || percent < 0 || percent > 100)
            {
              g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "%s: platform-fee-percent must be 0 to 100", path);
              return FALSE;
            }
          self->fee_percent = percent;
        }

      if (g_key_file_has_key (config, "store", "currency", NULL))
        {
          g_free (self->currency);
          self->currency = g_key_file_get_string (config, "store", "currency", NULL);
        }

      tiers = g_key_file_get_keys (config, "certifications", NULL, NULL);
      for (guint i = 0; tiers != NULL && tiers[i] != NULL; i++)
        {
          int buyers = g_key_file_get_integer (config, "certifications", tiers[i], NULL);
          FanfareCertification tier = { g_strdup (tiers[i]), buyers };

          if (buyers <= 0)
            {
              g_free (tier.name);
              g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "%s: certification %s needs a positive number of buyers", path, tiers[i]);
              return FALSE;
            }
          g_array_append_val (self->certifications, tier);
        }
    }

  g_array_sort (self->certifications, compare_certifications);

  return TRUE;
}

/* Makes the key file at most once: written aside, then linked into place,
 * which fails if another process made it first. */
static gboolean
create_key (const char *path,
            GError    **error)
{
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
  g_autofree char *temporary = g_strdup_printf ("%s.%d", path, (int) getpid ());
  int fd, saved_errno = 0;

  crypto_sign_keypair (public_key, secret_key);
  fd = open (temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 ||
      write (fd, secret_key, sizeof secret_key) != sizeof secret_key ||
      fsync (fd) != 0)
    saved_errno = errno;
  sodium_memzero (secret_key, sizeof secret_key);
  if (fd >= 0)
    close (fd);

  if (saved_errno == 0 && link (temporary, path) != 0 && errno != EEXIST)
    saved_errno = errno;
  unlink (temporary);

  if (saved_errno != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write the nameplate key %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_key (FanfareShop *self,
          const char  *data_dir,
          GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, KEY_FILE, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  struct stat st;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_key (path, error))
    return FALSE;

  if (stat (path, &st) != 0 || (st.st_mode & 077) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   "The nameplate key %s must be readable by its owner only", path);
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (length != crypto_sign_SECRETKEYBYTES)
    {
      sodium_memzero (contents, length);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "The nameplate key %s is damaged", path);
      return FALSE;
    }

  memcpy (self->secret_key, contents, length);
  sodium_memzero (contents, length);
  crypto_sign_ed25519_sk_to_pk (self->public_key, self->secret_key);

  return TRUE;
}

/**
 * fanfare_shop_new:
 * @data_dir: the server's data folder
 *
 * Reads `store.ini` (optional) and the signing key, making the key if
 * there is none. libsodium must be initialised.
 */
FanfareShop *
fanfare_shop_new (const char *data_dir,
                  GError    **error)
{
  g_autoptr(FanfareShop) self = g_new0 (FanfareShop, 1);

  g_mutex_init (&self->signatures_mutex);
  self->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->certifications = g_array_new (FALSE, FALSE, sizeof (FanfareCertification));
  g_array_set_clear_func (self->certifications, clear_certification);

  if (!load_config (self, data_dir, error) || !load_key (self, data_dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
fanfare_shop_free (FanfareShop *self)
{
  if (self == NULL)
    return;

  sodium_memzero (self->secret_key, sizeof self->secret_key);
  g_clear_pointer (&self->signatures, g_hash_table_unref);
  g_mutex_clear (&self->signatures_mutex);
  g_clear_pointer (&self->certifications, g_array_unref);
  g_free (self->currency);
  g_free (self);
}

guint
fanfare_shop_get_fee_percent (FanfareShop *self)
{
  return self->fee_percent;
}

/* The currency of prices set without one. */
const char *
fanfare_shop_get_currency (FanfareShop *self)
{
  return self->currency;
}

/**
 * fanfare_shop_certify:
 *
 * Returns: (nullable): the highest tier @buyers reach
 */
const char *
fanfare_shop_certify (FanfareShop *self,
                      guint        buyers)
{
  for (guint i = 0; i < self->certifications->len; i++)
    {
      const FanfareCertification *tier = &g_array_index (self->certifications, FanfareCertification, i);

      if (buyers >= tier->buyers)
        return tier->name;
    }

  return NULL;
}

const FanfarePaymentProvider *
fanfare_shop_get_provider (FanfareShop *self,
                           const char  *name)
{
  if (g_strcmp0 (name, fanfare_payment_codes.name) == 0)
    return &fanfare_payment_codes;

  return NULL;
}

/* The public key, base64. */
char *
fanfare_shop_get_public_key (FanfareShop *self)
{
  return g_base64_encode (self->public_key, sizeof self->public_key);
}

/* A short name of the key: the hex of its first 8 bytes. */
char *
fanfare_shop_get_key_id (FanfareShop *self)
{
  char hex[17];

  sodium_bin2hex (hex, sizeof hex, self->public_key, 8);

  return g_strdup (hex);
}

static void
append_field (GString    *payload,
              const char *name,
              const char *value)
{
  g_string_append_printf (payload, "%s=", name);
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (payload, "\\\\");
      else if (*p == '\n')
        g_string_append (payload, "\\n");
      else if (*p == '\r')
        g_string_append (payload, "\\r");
      else
        g_string_append_c (payload, *p);
    }
  g_string_append_c (payload, '\n');
}

static void
append_number (GString    *payload,
               const char *name,
               gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  append_field (payload, name, text);
}

/**
 * fanfare_shop_nameplate_payload:
 *
 * The canonical text a nameplate's signature covers.
 */
char *
fanfare_shop_nameplate_payload (const FanfareNameplateRecord *record)
{
  GString *payload = g_string_new (FANFARE_NAMEPLATE_FORMAT "\n");

  append_number (payload, "id", record->purchase_id);
  append_number (payload, "serial", record->serial);
  append_number (payload, "album_id", record->album_id);
  append_field (payload, "album", record->album_title);
  append_field (payload, "artist", record->artist_name);
  append_field (payload, "artwork_uri", record->artwork_uri);
  append_number (payload, "owner_id", record->owner_id);
  append_field (payload, "owner", record->owner_username);
  append_number (payload, "issued_at", record->issued_at);

  return g_string_free (payload, FALSE);
}

/* The detached Ed25519 signature of @payload, base64. */
char *
fanfare_shop_sign (FanfareShop *self,
                   const char  *payload)
{
  unsigned char signature[crypto_sign_BYTES];
  char *encoded;

  g_mutex_lock (&self->signatures_mutex);
  encoded = g_strdup (g_hash_table_lookup (self->signatures, payload));
  g_mutex_unlock (&self->signatures_mutex);
  if (encoded != NULL)
    return encoded;

  crypto_sign_detached (signature, NULL, (const unsigned char *) payload, strlen (payload), self->secret_key);
  encoded = g_base64_encode (signature, sizeof signature);

  g_mutex_lock (&self->signatures_mutex);
  if (g_hash_table_size (self->signatures) >= SIGNATURE_CACHE_SIZE)
    g_hash_table_remove_all (self->signatures);
  g_hash_table_replace (self->signatures, g_strdup (payload), g_strdup (encoded));
  g_mutex_unlock (&self->signatures_mutex);

  return encoded;
}

void
fanfare_payment_clear (FanfarePayment *payment)
{
  g_clear_pointer (&payment->currency, g_free);
  g_clear_pointer (&payment->reference, g_free);
}

/* A new top-up code, "XXXX-XXXX-XXXX-XXXX". */
char *
fanfare_payment_new_code (void)
{
  GString *code = g_string_new (NULL);

  for (guint i = 0; i < CODE_LENGTH; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, code_alphabet[randombytes_uniform (sizeof code_alphabet - 1)]);
    }

  return g_string_free (code, FALSE);
}

/* The hash a code is kept as: of its symbols alone, upper case, so that
 * dashes, spaces and case do not matter. NULL for what is no code. */
char *
fanfare_payment_hash_code (const char *code)
{
  unsigned char digest[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  GString *symbols = g_string_new (NULL);
  g_autofree char *normal = NULL;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ')
        continue;
      if (strchr (code_alphabet, c) == NULL)
        {
          g_string_free (symbols, TRUE);
          return NULL;
        }
      g_string_append_c (symbols, c);
    }

  normal = g_string_free (symbols, FALSE);
  if (strlen (normal) != CODE_LENGTH)
    return NULL;

  crypto_hash_sha256 (digest, (const unsigned char *) normal, CODE_LENGTH);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

  return g_strdup (hex);
}

static gboolean
confirm_code (const FanfarePaymentProvider *self,
              FanfareDatabase              *db,
              const char                   *token,
              FanfarePayment               *payment,
              GError                      **error)
{
  g_autofree char *hash = fanfare_payment_hash_code (token);

  if (hash == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "This is not a top-up code");
      return FALSE;
    }

  if (!fanfare_sales_store_find_code (db, hash, &payment->amount_cents, &payment->currency, error))
    return FALSE;

  payment->reference = g_steal_pointer (&hash);

  return TRUE;
}

const FanfarePaymentProvider fanfare_payment_codes = {
  "codes",
  confirm_code,
};
