/* test-utils.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-utils.h"

static void
test_set_str (void)
{
  g_autofree char *str = NULL;
  const char *same;

  g_assert_false (fanfare_set_str (&str, NULL));
  g_assert_null (str);

  g_assert_true (fanfare_set_str (&str, "Discover"));
  g_assert_cmpstr (str, ==, "Discover");

  /* An equal string is no change, and the pointer is kept. */
  same = str;
  g_assert_false (fanfare_set_str (&str, "Discover"));
  g_assert_true (str == same);

  /* Setting a string to itself must not free it first. */
  g_assert_false (fanfare_set_str (&str, str));
  g_assert_cmpstr (str, ==, "Discover");

  g_assert_true (fanfare_set_str (&str, "发现"));
  g_assert_cmpstr (str, ==, "发现");

  g_assert_true (fanfare_set_str (&str, NULL));
  g_assert_null (str);
}

static void
test_format_duration (void)
{
  static const struct {
    GTimeSpan   duration;
    const char *text;
  } cases[] = {
    { 0, "0:00" },
    { (gint64) - 5 * G_USEC_PER_SEC, "0:00" },
    { 999999, "0:00" },
    { (gint64) 65 * G_USEC_PER_SEC, "1:05" },
    { (gint64) (59 * 60 + 59) * G_USEC_PER_SEC, "59:59" },
    { (gint64) 3600 * G_USEC_PER_SEC, "1:00:00" },
    { (gint64) (3 * 3600 + 2 * 60 + 9) * G_USEC_PER_SEC, "3:02:09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fanfare_format_duration (cases[i].duration);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static GListModel *
albums (const char *first_title,
        ...)
{
  GListStore *store = g_list_store_new (FANFARE_TYPE_ALBUM);
  va_list args;

  va_start (args, first_title);
  for (const char *title = first_title; title != NULL; title = va_arg (args, const char *))
    {
      g_autoptr(FanfareAlbum) album = g_object_new (FANFARE_TYPE_ALBUM, "title", title, NULL);

      g_list_store_append (store, album);
    }
  va_end (args);

  return G_LIST_MODEL (store);
}

static gboolean
same_title (gconstpointer  a,
            gconstpointer  b)
{
  return g_strcmp0 (fanfare_album_get_title ((FanfareAlbum *) a), fanfare_album_get_title ((FanfareAlbum *) b)) == 0;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

/* A list loaded again that says the same keeps its items: what shows them
 * is not made again. One that changed is replaced in one change. */
static void
test_list_store_update (void)
{
  g_autoptr(GListStore) store = g_list_store_new (FANFARE_TYPE_ALBUM);
  g_autoptr(GListModel) first = albums ("Blue", "Green", "Red", NULL);
  g_autoptr(GListModel) again = albums ("Blue", "Green", "Red", NULL);
  g_autoptr(GListModel) changed = albums ("Blue", "Grey", "Red", NULL);
  g_autoptr(GObject) kept = NULL;
  g_autoptr(GObject) loaded_first = NULL;
  g_autoptr(GObject) replaced = NULL;
  guint changes = 0;

  g_signal_connect (store, "items-changed", G_CALLBACK (count_changes), &changes);

  fanfare_list_store_update (store, first, 2, same_title);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  fanfare_list_store_update (store, again, 2, same_title);
  g_assert_cmpuint (changes, ==, 1);
  kept = g_list_model_get_item (G_LIST_MODEL (store), 1);
  loaded_first = g_list_model_get_item (first, 1);
  g_assert_true (kept == loaded_first);

  fanfare_list_store_update (store, changed, 3, same_title);
  g_assert_cmpuint (changes, ==, 2);
  replaced = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (fanfare_album_get_title (FANFARE_ALBUM (replaced)), ==, "Grey");

  /* Without a way to tell, what was loaded again replaces what was. */
  fanfare_list_store_replace (store, changed, 3);
  g_assert_cmpuint (changes, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/utils/set-str", test_set_str);
  g_test_add_func ("/common/utils/format-duration", test_format_duration);
  g_test_add_func ("/common/utils/list-store-update", test_list_store_update);

  return g_test_run ();
}
