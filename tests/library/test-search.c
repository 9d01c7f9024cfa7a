/* test-search.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Full-text search: words anywhere in title, artist and album, in any
 * case, with or without diacritics, and Chinese by substring, short
 * queries included. */

#include "config.h"

#include "fanfare-library-query.h"
#include "fanfare-search.h"
#include "fanfare-test-library.h"

typedef struct {
  FanfareTestHome   home;
  FanfareLibraryDb *db;
} Fixture;

static const struct {
  const char *title;
  const char *artist;
  const char *album;
} songs[] = {
  { "Yellow Submarine", "The Beatles", "Revolver" },
  { "Jóga", "Björk", "Homogenic" },
  { "晴天", "周杰伦", "叶惠美" },
  { "七里香", "周杰伦", "七里香" },
  { "夜空中最亮的星", "逃跑计划", "世界" },
  { "One", "U2", "Achtung Baby" },
  { "Straße", "Kraftwerk", "Ralf und Florian" },
  { "Ünïcödé Song", "Mötley Crüe", "Shout" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FanfareLibraryWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_test_home_init (&fixture->home);
  fixture->db = fanfare_library_db_open (fixture->home.db_path, &error);
  g_assert_no_error (error);

  writer = fanfare_library_writer_new (fixture->db);
  g_assert_true (fanfare_library_writer_begin (writer, &error));
  for (guint i = 0; i < G_N_ELEMENTS (songs); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%u.mp3", fixture->home.music, i);

      fanfare_test_put_track (writer, path, songs[i].title, songs[i].artist, songs[i].album,
                              NULL, 1, 2000, 1000);
    }
  g_assert_true (fanfare_library_writer_commit (writer, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_library_db_unref (fixture->db);
  fanfare_test_home_clear (&fixture->home);
}

/* The titles found for @text, in order, joined by "|". */
static char *
search (Fixture    *fixture,
        const char *text)
{
  FanfareLibraryQuery query = { FANFARE_LIBRARY_QUERY_SEARCH, 0, 0, FALSE, (char *) text };
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  keys = fanfare_library_query_keys (fixture->db, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (titles, (gpointer) songs[g_array_index (keys, FanfareLibraryKey, i).id - 1].title);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv ("|", (char **) titles->pdata);
}

#define assert_found(fixture, text, expected) \
  G_STMT_START { \
    g_autofree char *found = search ((fixture), (text)); \
    g_assert_cmpstr (found, ==, (expected)); \
  } G_STMT_END

static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  assert_found (fixture, "yellow", "Yellow Submarine");
  assert_found (fixture, "beatles yellow", "Yellow Submarine");
  assert_found (fixture, "SUBMARINE the revolver", "Yellow Submarine");
  assert_found (fixture, "eatle", "Yellow Submarine");
  assert_found (fixture, "beatles homogenic", "");
  assert_found (fixture, "u2", "One");
  assert_found (fixture, "ralf und", "Straße");
  assert_found (fixture, "ＢＥＡＴＬＥＳ", "Yellow Submarine");
  assert_found (fixture, "", "");
  assert_found (fixture, "   ", "");
  assert_found (fixture, "zzz", "");
  /* FTS5 syntax in a query is only text. */
  assert_found (fixture, "yel\"low OR * NEAR(", "");
  assert_found (fixture, "\"", "");
}

static void
test_diacritics (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_found (fixture, "bjork", "Jóga");
  assert_found (fixture, "BJÖRK joga", "Jóga");
  assert_found (fixture, "motley crue", "Ünïcödé Song");
  assert_found (fixture, "unicode", "Ünïcödé Song");
}

static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  assert_found (fixture, "周杰伦", "七里香|晴天");
  assert_found (fixture, "杰伦", "七里香|晴天");
  assert_found (fixture, "周", "七里香|晴天");
  assert_found (fixture, "晴", "晴天");
  assert_found (fixture, "最亮", "夜空中最亮的星");
  assert_found (fixture, "空中最亮", "夜空中最亮的星");
  assert_found (fixture, "周杰伦 七里", "七里香");
  assert_found (fixture, "亮星", "");
}

static void
test_fold (void)
{
  g_autofree char *folded = fanfare_search_fold ("Ａｂ Ç Ｅ Straße ǅ");
  g_autofree char *spaced = fanfare_search_space_cjk ("ab周杰cd");

  g_assert_cmpstr (folded, ==, "ab c e strasse dz");
  g_assert_cmpstr (spaced, ==, "ab 周  杰 cd");
}

static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FanfareLibrary) library = fanfare_test_library_open (&fixture->home, NULL);
  g_autoptr(FanfareLibraryModel) results = fanfare_library_search (library, "周杰");
  g_autoptr(GPtrArray) titles = NULL;

  fanfare_test_wait_loaded (results);
  titles = fanfare_test_titles (G_LIST_MODEL (results));
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (titles->pdata[1], ==, "晴天");

  /* As the user types. */
  fanfare_library_model_set_search (results, "b");
  fanfare_library_model_set_search (results, "be");
  fanfare_library_model_set_search (results, "bea");
  fanfare_test_wait_loaded (results);
  g_assert_cmpstr (fanfare_library_model_get_search (results), ==, "bea");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);

  fanfare_library_model_set_search (results, NULL);
  fanfare_test_wait_loaded (results);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);

  g_clear_object (&results);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/search/fold", test_fold);
  g_test_add ("/library/search/words", Fixture, NULL, fixture_set_up, test_words, fixture_tear_down);
  g_test_add ("/library/search/diacritics", Fixture, NULL, fixture_set_up, test_diacritics,
              fixture_tear_down);
  g_test_add ("/library/search/chinese", Fixture, NULL, fixture_set_up, test_chinese, fixture_tear_down);
  g_test_add ("/library/search/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);

  return g_test_run ();
}
