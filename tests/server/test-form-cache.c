/* test-form-cache.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-form-cache.h"

static GBytes *
text_bytes (const char *prefix,
            guint       n)
{
  char *text = g_strdup_printf ("%s%u", prefix, n);

  return g_bytes_new_take (text, strlen (text));
}

static void
test_keys (void)
{
  g_autoptr(FanfareFormCache) cache = fanfare_form_cache_new (16);
  g_autoptr(GBytes) key = text_bytes ("t", 1);
  g_autoptr(GBytes) same_key = text_bytes ("t", 1);
  g_autoptr(GBytes) other_key = text_bytes ("t", 2);
  g_autoptr(GBytes) form = text_bytes ("form ", 1);
  g_autoptr(GBytes) found = NULL;
  g_autoptr(GBytes) missing = NULL;

  g_assert_null (fanfare_form_cache_lookup (cache, key));
  fanfare_form_cache_store (cache, key, form);

  /* A key is found by its bytes, not by the object it is. */
  found = fanfare_form_cache_lookup (cache, same_key);
  g_assert_nonnull (found);
  g_assert_true (g_bytes_equal (found, form));
  missing = fanfare_form_cache_lookup (cache, other_key);
  g_assert_null (missing);
}

static void
test_bounded (void)
{
  g_autoptr(FanfareFormCache) cache = fanfare_form_cache_new (64);
  g_autoptr(GBytes) last_key = NULL;
  g_autoptr(GBytes) last = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GBytes) key = text_bytes ("t", i);
      g_autoptr(GBytes) form = text_bytes ("form ", i);

      fanfare_form_cache_store (cache, key, form);
      g_assert_cmpuint (fanfare_form_cache_get_size (cache), <=, 64);
    }

  /* The form kept last is there after the cache made room. */
  last_key = text_bytes ("t", 999);
  last = fanfare_form_cache_lookup (cache, last_key);
  g_assert_nonnull (last);
  g_assert_cmpmem (g_bytes_get_data (last, NULL), g_bytes_get_size (last), "form 999", 8);
  g_assert_cmpuint (fanfare_form_cache_get_size (cache), >=, 64 - 64 / 4 - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/form-cache/keys", test_keys);
  g_test_add_func ("/server/form-cache/bounded", test_bounded);

  return g_test_run ();
}
