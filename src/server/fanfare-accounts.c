/* fanfare-accounts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules of accounts, the same whether a user registers through the API
 * or an admin adds one from the command line. */

#include "config.h"

#include <string.h>

#include "fanfare-account-store.h"
#include "fanfare-accounts.h"
#include "fanfare-credentials.h"
#include "fanfare-error.h"

#define MAX_EMAIL 254

static gboolean
invalid (GError    **error,
         const char *field,
         const char *what)
{
  g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “%s” must be %s", field, what);
  return FALSE;
}

/**
 * fanfare_accounts_check_username:
 *
 * Usernames appear in URLs: 3 to 32 ASCII letters, digits, ".", "_" or
 * "-", starting with a letter or a digit.
 */
gboolean
fanfare_accounts_check_username (const char *username,
                                 GError    **error)
{
  static const char what[] = "3 to 32 letters, digits, “.”, “_” or “-”, starting with a letter or digit";
  gsize length = strlen (username);

  if (length < 3 || length > 32 || !g_ascii_isalnum (username[0]))
    return invalid (error, "username", what);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (username[i]) && strchr ("._-", username[i]) == NULL)
      return invalid (error, "username", what);

  return TRUE;
}

/**
 * fanfare_accounts_check_text:
 * @field: the request's field, for the error
 *
 * Text a person reads: @min to @max characters, no control characters
 * but newlines.
 */
gboolean
fanfare_accounts_check_text (const char *text,
                             const char *field,
                             guint       min,
                             guint       max,
                             GError    **error)
{
  g_autofree char *what = g_strdup_printf ("text of %u to %u characters", min, max);
  glong length = g_utf8_strlen (text, -1);

  if (length < min || length > max)
    return invalid (error, field, what);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n')
        return invalid (error, field, "text without control characters");
    }

  return TRUE;
}

/**
 * fanfare_accounts_check_email:
 *
 * An empty email is valid: it clears the address.
 */
gboolean
fanfare_accounts_check_email (const char *email,
                              GError    **error)
{
  const char *at = strchr (email, '@');

  if (*email == '\0')
    return TRUE;

  if (strlen (email) > MAX_EMAIL || at == NULL || at == email || at[1] == '\0' ||
      strchr (at + 1, '@') != NULL || strpbrk (email, " \t\r\n<>") != NULL)
    return invalid (error, "email", "an email address");

  return TRUE;
}

/**
 * fanfare_accounts_create:
 * @email: (nullable): an email address
 *
 * Checks the fields, hashes the password and adds the user; an artist gets
 * their artist profile. Blocks for the length of a password hash.
 *
 * Returns: (transfer full): the new user, or %NULL with
 *   %FANFARE_ERROR_INVALID naming the field at fault, or
 *   %FANFARE_ERROR_CONFLICT for a username that is taken
 */
FanfareUser *
fanfare_accounts_create (FanfareDatabase *db,
                         const char      *username,
                         const char      *display_name,
                         const char      *email,
                         const char      *password,
                         FanfareUserRole  role,
                         GError         **error)
{
  g_autofree char *hash = NULL;

  if (!fanfare_accounts_check_username (username, error) ||
      !fanfare_accounts_check_text (display_name, "display_name", 1, FANFARE_MAX_DISPLAY_NAME, error) ||
      !fanfare_credentials_check_password (password, "password", error) ||
      (email != NULL && !fanfare_accounts_check_email (email, error)))
    return NULL;

  hash = fanfare_credentials_hash_password (password, error);
  if (hash == NULL)
    return NULL;

  return fanfare_account_store_create_user (db, username, display_name,
                                            email != NULL && *email != '\0' ? email : NULL, hash, role, error);
}
