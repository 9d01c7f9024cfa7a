/* bench-library-search.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search over an index of 100,000 tracks, written straight into SQLite as a
 * scan would write them: one, two and three words of a track's title,
 * artist and album, and Chinese substrings of one to four characters. Each
 * query is timed as the search list runs it (its keys, in order), and the
 * first page of results as the list makes it. Run it with:
 *
 *   build-aux/dev.sh bench library-search
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "fanfare-bench-stats.h"
#include "fanfare-library-query.h"
#include "fanfare-library-writer.h"

#define N_TRACKS  100000
#define N_QUERIES 300
#define PAGE_SIZE 64

static const char *db_suffixes[] = { "", "-wal", "-shm" };

static const char *syllables[] = {
  "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "re", "ma", "zo", "li", "be", "go",
  "shi", "an", "el", "or", "un",
};

static const char hanzi[] =
  "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后"
  "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长"
  "知民样现分将外但身些与高意进把法此实回二理美点月明社己由全爱风雨花夜星海光晴香梦春秋山水云雪情歌";

/* A word made of two or three syllables: 8,000 of them or so. */
static char *
make_word (GRand *rand)
{
  GString *word = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 4);

  for (guint i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);

  return g_string_free (word, FALSE);
}

static char *
make_words (GRand     *rand,
            GPtrArray *vocabulary,
            guint      min,
            guint      max)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (words, vocabulary->pdata[g_rand_int_range (rand, 0, vocabulary->len)]);
  g_ptr_array_add (words, NULL);

  return g_strjoinv (" ", (char **) words->pdata);
}

static char *
make_chinese (GRand *rand,
              guint  min,
              guint  max)
{
  glong n_hanzi = g_utf8_strlen (hanzi, -1);
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    g_string_append_unichar (text, g_utf8_get_char (g_utf8_offset_to_pointer (hanzi, g_rand_int_range (rand, 0, n_hanzi))));

  return g_string_free (text, FALSE);
}

typedef struct {
  char *title;
  char *artist;
  char *album;
} Song;

static void
song_clear (gpointer  data)
{
  Song *song = data;

  g_free (song->title);
  g_free (song->artist);
  g_free (song->album);
}

/* A fifth of the artists are Chinese, with Chinese titles and albums. */
static GArray *
make_songs (GRand *rand)
{
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) artists = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) albums = g_ptr_array_new_with_free_func (g_free);
  GArray *songs = g_array_sized_new (FALSE, TRUE, sizeof (Song), N_TRACKS);

  g_array_set_clear_func (songs, song_clear);
  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (vocabulary, make_word (rand));
  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (artists, i % 5 == 0 ? make_chinese (rand, 2, 3) : make_words (rand, vocabulary, 1, 2));
  for (guint i = 0; i < 10000; i++)
    g_ptr_array_add (albums, (i / 5) % 5 == 0 ? make_chinese (rand, 2, 4) : make_words (rand, vocabulary, 1, 3));

  for (guint i = 0; i < N_TRACKS; i++)
    {
      guint album = g_rand_int_range (rand, 0, albums->len);
      guint artist = album / 5;
      Song song;

      song.title = artist % 5 == 0 ? make_chinese (rand, 2, 7) : make_words (rand, vocabulary, 1, 4);
      song.artist = g_strdup (artists->pdata[artist]);
      song.album = g_strdup (albums->pdata[album]);
      g_array_append_val (songs, song);
    }

  return songs;
}

static void
write_index (FanfareLibraryDb *db,
             GArray           *songs)
{
  g_autoptr(FanfareLibraryWriter) writer = fanfare_library_writer_new (db);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < songs->len; i++)
    {
      Song *song = &g_array_index (songs, Song, i);
      g_autofree char *path = g_strdup_printf ("/music/%u/%u.flac", i / 10, i);
      char *artists[] = { song->artist, NULL };
      FanfareTags tags = { 0 };

      tags.title = song->title;
      tags.artist = song->artist;
      tags.artists = artists;
      tags.album = song->album;
      tags.track_number = i % 10 + 1;
      tags.duration_ms = 200000;
      tags.track_gain = tags.track_peak = tags.album_gain = tags.album_peak = NAN;

      if ((i % 10000 == 0 && !fanfare_library_writer_begin (writer, &error)) ||
          !fanfare_library_writer_put_track (writer, path, 1, 1, &tags, NULL, NULL, TRUE, &error) ||
          (i % 10000 == 9999 && !fanfare_library_writer_commit (writer, &error)))
        g_error ("Could not write the index: %s", error->message);
    }
}

static char *
word_of (GRand      *rand,
         const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strdup (words[g_rand_int_range (rand, 0, g_strv_length (words))]);
}

static char *
substring_of (GRand      *rand,
              const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  glong wanted = g_rand_int_range (rand, 1, 5);
  glong n = MIN (length, wanted);
  glong start = g_rand_int_range (rand, 0, length - n + 1);
  const char *from = g_utf8_offset_to_pointer (text, start);

  return g_strndup (from, g_utf8_offset_to_pointer (from, n) - from);
}

typedef enum {
  ONE_WORD,
  TWO_WORDS,
  THREE_WORDS,
  CHINESE,
  N_KINDS
} QueryKind;

/* A query that finds the song it was taken from: its words may come from
 * the title, the artist and the album, in any case. */
static char *
make_query (GRand     *rand,
            GArray    *songs,
            QueryKind  kind)
{
  for (;;)
    {
      Song *song = &g_array_index (songs, Song, g_rand_int_range (rand, 0, songs->len));
      const char *fields[] = { song->title, song->artist, song->album };
      gboolean chinese = g_utf8_get_char (song->title) > 0x2e80;
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      if (chinese != (kind == CHINESE))
        continue;
      if (kind == CHINESE)
        return substring_of (rand, fields[g_rand_int_range (rand, 0, 3)]);

      for (guint i = 0; i <= kind; i++)
        {
          const char *field = fields[i];

          if (g_utf8_get_char (field) > 0x2e80)
            field = song->title;
          g_ptr_array_add (words, word_of (rand, field));
        }
      g_ptr_array_add (words, NULL);
      joined = g_strjoinv (" ", (char **) words->pdata);

      return g_ascii_strup (joined, -1);
    }
}

static gboolean
run_queries (FanfareLibraryDb *db,
             FanfareLibraryDb *main_db,
             GArray           *songs,
             GRand            *rand,
             QueryKind         kind)
{
  static const char *names[] = { "one word", "two words", "three words", "Chinese substrings" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 found = 0;
  guint empty = 0;
  double p99;

  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autofree char *text = make_query (rand, songs, kind);
      FanfareLibraryQuery query = { FANFARE_LIBRARY_QUERY_SEARCH, 0, 0, FALSE, text };
      g_autoptr(GArray) keys = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      keys = fanfare_library_query_keys (db, &query, &error);
      if (keys == NULL)
        g_error ("“%s” failed: %s", text, error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      found += keys->len;
      empty += keys->len == 0;

      start = g_get_monotonic_time ();
      for (guint k = 0; k < MIN (keys->len, PAGE_SIZE); k++)
        g_object_unref (fanfare_library_query_item (main_db, fanfare_library_query_item_type (query.kind),
                                                    g_array_index (keys, FanfareLibraryKey, k).id, NULL, NULL));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (page_times, ms);
    }

  p99 = fanfare_bench_percentile (times, 0.99);
  g_print ("  %-19s p50 %5.2f ms  p99 %5.2f ms  max %6.2f ms  (%.0f results on average, %u found none)"
           "  first page p99 %.2f ms\n",
           names[kind], fanfare_bench_percentile (times, 0.5), p99, g_array_index (times, double, times->len - 1),
           (double) found / N_QUERIES, empty, fanfare_bench_percentile (page_times, 0.99));

  return p99 <= 10.0 && empty == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work = g_dir_make_tmp ("fanfare-bench-search-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (work, "library.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(FanfareLibraryDb) db = NULL;
  g_autoptr(FanfareLibraryDb) main_db = NULL;
  g_autoptr(GArray) songs = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  gint64 start;

  songs = make_songs (rand);
  db = fanfare_library_db_open (db_path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  write_index (db, songs);
  g_print ("Wrote %u tracks into the index in %.1f s\n", N_TRACKS,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  /* The list's worker has a connection of its own; pages are read on the
   * main thread's. */
  g_clear_pointer (&db, fanfare_library_db_unref);
  db = fanfare_library_db_open (db_path, &error);
  main_db = fanfare_library_db_open (db_path, &error);
  g_assert_no_error (error);

  g_print ("Search over %u tracks, %u queries each (target: p99 <= 10 ms):\n", N_TRACKS, N_QUERIES);
  for (QueryKind kind = 0; kind < N_KINDS; kind++)
    ok &= run_queries (db, main_db, songs, rand, kind);

  g_clear_pointer (&db, fanfare_library_db_unref);
  g_clear_pointer (&main_db, fanfare_library_db_unref);
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, db_suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (work);

  return ok ? 0 : 1;
}
