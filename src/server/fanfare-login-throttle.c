/* fanfare-login-throttle.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Slows down password guessing: an account, and an address, may fail to
 * log in only so many times in a window of time. Each attempt counts as a
 * failure from the moment it begins, so that concurrent guesses cannot
 * slip past the limit; a success takes its own attempt back and clears
 * the account's failures. Handlers call it from worker threads. */

#include "config.h"

#include "fanfare-login-throttle.h"

/* Past this many keys, expired ones are swept out on the next attempt. */
#define SWEEP_THRESHOLD 4096

struct _FanfareLoginThrottle
{
  GObject     parent_instance;

  guint       account_limit;
  guint       address_limit;
  gint64      window_us;

  GMutex      mutex;
  GHashTable *failures;  /* "a:account" or "i:address" -> GArray of gint64 */
};

G_DEFINE_FINAL_TYPE (FanfareLoginThrottle, fanfare_login_throttle, G_TYPE_OBJECT)

static void
fanfare_login_throttle_finalize (GObject *object)
{
  FanfareLoginThrottle *self = FANFARE_LOGIN_THROTTLE (object);

  g_hash_table_unref (self->failures);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (fanfare_login_throttle_parent_class)->finalize (object);
}

static void
fanfare_login_throttle_class_init (FanfareLoginThrottleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_login_throttle_finalize;
}

static void
fanfare_login_throttle_init (FanfareLoginThrottle *self)
{
  g_mutex_init (&self->mutex);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

/**
 * fanfare_login_throttle_new:
 * @account_limit: failures allowed per account in a window
 * @address_limit: failures allowed per address in a window
 * @window_seconds: the length of the window
 *
 * Returns: (transfer full): a new throttle
 */
FanfareLoginThrottle *
fanfare_login_throttle_new (guint  account_limit,
                            guint  address_limit,
                            guint  window_seconds)
{
  FanfareLoginThrottle *self = g_object_new (FANFARE_TYPE_LOGIN_THROTTLE, NULL);

  self->account_limit = account_limit;
  self->address_limit = address_limit;
  self->window_us = (gint64) window_seconds * G_USEC_PER_SEC;

  return self;
}

/* Drops the failures that left the window; returns the key's failures. */
static GArray *
recent_failures (FanfareLoginThrottle *self,
                 const char           *key,
                 gint64                now)
{
  GArray *times = g_hash_table_lookup (self->failures, key);
  guint expired = 0;

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->failures, g_strdup (key), times);
      return times;
    }

  while (expired < times->len && g_array_index (times, gint64, expired) + self->window_us <= now)
    expired++;
  g_array_remove_range (times, 0, expired);

  return times;
}

static void
sweep (FanfareLoginThrottle *self,
       gint64                now)
{
  GHashTableIter iter;
  GArray *times;

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &times))
    if (times->len == 0 || g_array_index (times, gint64, times->len - 1) + self->window_us <= now)
      g_hash_table_iter_remove (&iter);
}

static guint
seconds_until_free (FanfareLoginThrottle *self,
                    GArray               *times,
                    guint                 limit,
                    gint64                now)
{
  gint64 free_at;

  if (times->len < limit)
    return 0;

  free_at = g_array_index (times, gint64, times->len - limit) + self->window_us;

  return MAX (1, (free_at - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * fanfare_login_throttle_begin:
 * @account: the username being logged in to, in any case
 * @address: the client's address
 * @retry_after: (out): seconds to wait when the attempt is refused
 *
 * Returns: %TRUE when the attempt may go on; it counts as a failure until
 *   fanfare_login_throttle_succeed() says otherwise
 */
gboolean
fanfare_login_throttle_begin (FanfareLoginThrottle *self,
                              const char           *account,
                              const char           *address,
                              guint                *retry_after)
{
  g_autofree char *folded = g_utf8_casefold (account, -1);
  g_autofree char *account_key = g_strconcat ("a:", folded, NULL);
  g_autofree char *address_key = g_strconcat ("i:", address, NULL);
  gint64 now = g_get_monotonic_time ();
  GArray *by_account;
  GArray *by_address;
  guint wait;

  g_return_val_if_fail (FANFARE_IS_LOGIN_THROTTLE (self), FALSE);

  g_mutex_lock (&self->mutex);
  if (g_hash_table_size (self->failures) > SWEEP_THRESHOLD)
    sweep (self, now);

  by_account = recent_failures (self, account_key, now);
  by_address = recent_failures (self, address_key, now);
  wait = MAX (seconds_until_free (self, by_account, self->account_limit, now),
              seconds_until_free (self, by_address, self->address_limit, now));
  if (wait == 0)
    {
      g_array_append_val (by_account, now);
      g_array_append_val (by_address, now);
    }
  g_mutex_unlock (&self->mutex);

  *retry_after = wait;

  return wait == 0;
}

/**
 * fanfare_login_throttle_succeed:
 *
 * Takes back the attempt that fanfare_login_throttle_begin() counted, and
 * forgets the account's failures.
 */
void
fanfare_login_throttle_succeed (FanfareLoginThrottle *self,
                                const char           *account,
                                const char           *address)
{
  g_autofree char *folded = g_utf8_casefold (account, -1);
  g_autofree char *account_key = g_strconcat ("a:", folded, NULL);
  g_autofree char *address_key = g_strconcat ("i:", address, NULL);
  GArray *by_address;

  g_return_if_fail (FANFARE_IS_LOGIN_THROTTLE (self));

  g_mutex_lock (&self->mutex);
  g_hash_table_remove (self->failures, account_key);
  by_address = g_hash_table_lookup (self->failures, address_key);
  if (by_address != NULL && by_address->len > 0)
    g_array_set_size (by_address, by_address->len - 1);
  g_mutex_unlock (&self->mutex);
}
