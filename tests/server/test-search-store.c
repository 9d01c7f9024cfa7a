/* test-search-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-playlist-store.h"
#include "fanfare-playlist.h"
#include "fanfare-search-store.h"
#include "fanfare-search-text.h"
#include "fanfare-test-store.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

typedef struct {
  FanfareTestStore store;
  gint64           listener;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *zhou_titles[] = { "晴天", "七里香的夏天", "Rainy Day", NULL };
  const char *zoe_titles[] = { "Café de Flore", "Love Song", "Nuit Blanche", NULL };
  const char *draft_titles[] = { "Secret Demo", NULL };
  gint64 zhou, zoe, playlist;
  g_autoptr(GError) error = NULL;

  fanfare_test_store_set_up (&fixture->store);
  zhou = fanfare_test_store_add_user (&fixture->store, "zhou", "周杰伦", FANFARE_USER_ROLE_ARTIST);
  zoe = fanfare_test_store_add_user (&fixture->store, "zoe", "Zoë Lefèvre", FANFARE_USER_ROLE_ARTIST);
  fixture->listener = fanfare_test_store_add_user (&fixture->store, "songbird", "Ｌｉｓｔｅｎｅｒ",
                                                   FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_album (&fixture->store, zhou, "叶惠美", "2003-07-31", zhou_titles, TRUE);
  fanfare_test_store_add_album (&fixture->store, zoe, "Paris Love", "2021-02-14", zoe_titles, TRUE);
  fanfare_test_store_add_album (&fixture->store, zoe, "Hidden", "2026-01-01", draft_titles, FALSE);

  fanfare_playlist_store_create (fixture->store.db, fixture->listener, "Love songs for rainy days", NULL,
                                 FANFARE_PLAYLIST_VISIBILITY_PUBLIC, &error);
  g_assert_no_error (error);
  playlist = fanfare_playlist_store_create (fixture->store.db, fixture->listener, "My secret love list", NULL,
                                            FANFARE_PLAYLIST_VISIBILITY_PRIVATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (playlist, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_store_tear_down (&fixture->store);
}

/* Returns the names of what @query finds, in order, joined by "|". */
static char *
search (Fixture           *fixture,
        const char        *query,
        FanfareSearchType  type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  gboolean more;

  results = fanfare_search_store_search (fixture->store.db, NULL, query, type, 0, 20, &more, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < results->len; i++)
    {
      GObject *object = g_ptr_array_index (results, i);

      if (FANFARE_IS_ARTIST (object))
        g_strv_builder_add (names, fanfare_artist_get_name (FANFARE_ARTIST (object)));
      else if (FANFARE_IS_ALBUM (object))
        g_strv_builder_add (names, fanfare_album_get_title (FANFARE_ALBUM (object)));
      else if (FANFARE_IS_TRACK (object))
        g_strv_builder_add (names, fanfare_track_get_title (FANFARE_TRACK (object)));
      else if (FANFARE_IS_PLAYLIST (object))
        g_strv_builder_add (names, fanfare_playlist_get_title (FANFARE_PLAYLIST (object)));
      else if (FANFARE_IS_USER (object))
        g_strv_builder_add (names, fanfare_user_get_username (FANFARE_USER (object)));
    }

  strv = g_strv_builder_end (names);

  return g_strjoinv ("|", strv);
}

#define assert_finds(fixture, query, type, expected) \
  G_STMT_START { \
    g_autofree char *found = search ((fixture), (query), (type)); \
    g_assert_cmpstr (found, ==, (expected)); \
  } G_STMT_END

static void
test_folding (void)
{
  g_autofree char *a = fanfare_search_text_fold ("  Zoë  LEFÈVRE ");
  g_autofree char *b = fanfare_search_text_fold ("ＡＢＣ１２３");
  g_autofree char *c = fanfare_search_text_fold_words ("周杰伦 Love");

  g_assert_cmpstr (a, ==, "zoe lefevre");
  g_assert_cmpstr (b, ==, "abc123");
  g_assert_cmpstr (c, ==, "周 杰 伦 love");
}

static void
test_chinese_substrings (Fixture       *fixture,
                         gconstpointer  data)
{
  /* Three characters and more go through the trigram index, fewer through
   * the word index; both find substrings. */
  assert_finds (fixture, "周杰伦", FANFARE_SEARCH_TYPE_ARTIST, "周杰伦");
  assert_finds (fixture, "杰伦", FANFARE_SEARCH_TYPE_ARTIST, "周杰伦");
  assert_finds (fixture, "伦", FANFARE_SEARCH_TYPE_ARTIST, "周杰伦");
  assert_finds (fixture, "里香", FANFARE_SEARCH_TYPE_TRACK, "七里香的夏天");
  assert_finds (fixture, "香的夏", FANFARE_SEARCH_TYPE_TRACK, "七里香的夏天");
  assert_finds (fixture, "晴天", FANFARE_SEARCH_TYPE_TRACK, "晴天");
  assert_finds (fixture, "惠美", FANFARE_SEARCH_TYPE_ALBUM, "叶惠美");
}

static void
test_case_and_diacritics (Fixture       *fixture,
                          gconstpointer  data)
{
  assert_finds (fixture, "zoe lefevre", FANFARE_SEARCH_TYPE_ARTIST, "Zoë Lefèvre");
  assert_finds (fixture, "LEFÈVRE", FANFARE_SEARCH_TYPE_ARTIST, "Zoë Lefèvre");
  assert_finds (fixture, "cafe", FANFARE_SEARCH_TYPE_TRACK, "Café de Flore");
  assert_finds (fixture, "CAFÉ", FANFARE_SEARCH_TYPE_TRACK, "Café de Flore");
  assert_finds (fixture, "listener", FANFARE_SEARCH_TYPE_USER, "songbird");
  assert_finds (fixture, "zo", FANFARE_SEARCH_TYPE_ARTIST, "Zoë Lefèvre");
}

static void
test_hidden_things_are_not_found (Fixture       *fixture,
                                  gconstpointer  data)
{
  assert_finds (fixture, "secret", FANFARE_SEARCH_TYPE_ALL, "");
  assert_finds (fixture, "hidden", FANFARE_SEARCH_TYPE_ALL, "");
  assert_finds (fixture, "rainy days", FANFARE_SEARCH_TYPE_PLAYLIST, "Love songs for rainy days");
}

static void
test_ranking_and_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  gboolean more = FALSE;

  /* A title that is the query ranks above a document that names it in
   * passing (the tracks of the album "Paris Love"). */
  first = fanfare_search_store_search (fixture->store.db, NULL, "love song", FANFARE_SEARCH_TYPE_ALL, 0, 20,
                                       &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, >=, 2);
  g_assert_true (FANFARE_IS_TRACK (g_ptr_array_index (first, 0)));
  g_assert_cmpstr (fanfare_track_get_title (g_ptr_array_index (first, 0)), ==, "Love Song");
  g_clear_pointer (&first, g_ptr_array_unref);

  first = fanfare_search_store_search (fixture->store.db, NULL, "love", FANFARE_SEARCH_TYPE_ALL, 0, 2,
                                       &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_true (more);
  second = fanfare_search_store_search (fixture->store.db, NULL, "love", FANFARE_SEARCH_TYPE_ALL, 2, 20,
                                        &more, &error);
  g_assert_no_error (error);
  g_assert_false (more);
  g_assert_cmpuint (second->len, >=, 3);
  for (guint i = 0; i < first->len; i++)
    for (guint j = 0; j < second->len; j++)
      g_assert_true (g_ptr_array_index (first, i) != g_ptr_array_index (second, j));
}

static void
test_odd_queries (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *queries[] = { "", "   ", "\"", "\"\"\"", "*", "AND", "NEAR(a b)", "love\" OR \"x",
                            "a*b", "-", "(", "^", "😀", "\xe2\x80\x8b" };

  /* None of these is FTS5 syntax to the store; each is a valid search. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *found = search (fixture, queries[i], FANFARE_SEARCH_TYPE_ALL);

      g_assert_nonnull (found);
    }

  assert_finds (fixture, "", FANFARE_SEARCH_TYPE_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/search-store/folding", test_folding);
  g_test_add ("/server/search-store/chinese-substrings", Fixture, NULL,
              fixture_set_up, test_chinese_substrings, fixture_tear_down);
  g_test_add ("/server/search-store/case-and-diacritics", Fixture, NULL,
              fixture_set_up, test_case_and_diacritics, fixture_tear_down);
  g_test_add ("/server/search-store/hidden-things-are-not-found", Fixture, NULL,
              fixture_set_up, test_hidden_things_are_not_found, fixture_tear_down);
  g_test_add ("/server/search-store/ranking-and-pages", Fixture, NULL,
              fixture_set_up, test_ranking_and_pages, fixture_tear_down);
  g_test_add ("/server/search-store/odd-queries", Fixture, NULL,
              fixture_set_up, test_odd_queries, fixture_tear_down);

  return g_test_run ();
}
