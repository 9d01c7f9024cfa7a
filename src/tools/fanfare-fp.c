/* fanfare-fp.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* fanfare-fp: fingerprints from the command line.
 *
 *   fanfare-fp index DB FILE…        adds files, named by their file names
 *   fanfare-fp index DB --id ID FILE adds one file under ID
 *   fanfare-fp index DB --list F     adds the files of a list of ID<TAB>PATH
 *   fanfare-fp query DB CLIP         prints ID SCORE OFFSET, or exits 1
 *   fanfare-fp query DB CLIP --json  the same as a JSON object
 *   fanfare-fp stats DB              what the index holds
 *
 * A file that cannot be decoded is reported and skipped; the others are
 * indexed, and the exit status says that something was skipped. */

#include "config.h"

#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>

#include "fanfare-fp-decode.h"
#include "fanfare-fp-extract.h"
#include "fanfare-fp-index.h"
#include "fanfare-fp-match.h"
#include <errno.h>
#include <glib/gstdio.h>

#define EXIT_NO_MATCH 1
#define EXIT_USAGE    2
#define EXIT_FAILED   3

static FanfareFpIndex *
open_index (const char *path,
            GError    **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return fanfare_fp_index_new ();

  return fanfare_fp_index_load (path, error);
}

static gboolean
add_file (FanfareFpIndex *index,
          const char     *id,
          const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree float *samples = NULL;
  g_autoptr(GArray) hashes = NULL;
  gsize n;

  samples = fanfare_fp_decode_file (path, &n, &error);
  if (samples == NULL)
    {
      g_printerr ("Skipped %s\n", error->message);
      return FALSE;
    }

  hashes = fanfare_fp_extract_hashes (samples, n);
  if (fanfare_fp_index_find_id (index, id) != G_MAXUINT)
    g_printerr ("%s is in the index already; added again\n", id);
  fanfare_fp_index_add (index, id, n / FANFARE_FP_HOP, hashes);

  return TRUE;
}

/* The lines of @list, ID<TAB>PATH, added; returns how many failed, or -1
 * when the list itself could not be read. */
static int
add_list (FanfareFpIndex *index,
          const char     *list)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int failed = 0;

  if (!g_file_get_contents (list, &contents, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_strchomp (lines[i]), "\t", 2);

      if (fields[0] == NULL || fields[0][0] == '\0')
        continue;
      if (fields[1] == NULL)
        {
          g_printerr ("%s:%u: not ID<TAB>PATH\n", list, i + 1);
          failed++;
          continue;
        }
      if (!add_file (index, fields[0], fields[1]))
        failed++;
    }

  return failed;
}

static int
command_index (int    argc,
               char **argv)
{
  g_autoptr(FanfareFpIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = NULL, *list = NULL;
  int failed = 0, i;

  if (argc < 3)
    return EXIT_USAGE;

  index = open_index (argv[2], &error);
  if (index == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  for (i = 3; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--id") && i + 1 < argc)
        {
          id = argv[++i];
        }
      else if (g_str_equal (argv[i], "--list") && i + 1 < argc)
        {
          list = argv[++i];
          failed += add_list (index, list) != 0;
        }
      else
        {
          g_autofree char *name = g_path_get_basename (argv[i]);

          failed += !add_file (index, id != NULL ? id : name, argv[i]);
          id = NULL;
        }
    }

  if (!fanfare_fp_index_save (index, argv[2], &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  return failed > 0 ? EXIT_FAILED : EXIT_SUCCESS;
}

static int
command_query (int    argc,
               char **argv)
{
  g_autoptr(FanfareFpIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree float *samples = NULL;
  g_autoptr(GArray) hashes = NULL;
  gboolean json = argc > 4 && g_str_equal (argv[4], "--json");
  FanfareFpMatch match;
  gsize n;

  if (argc < 4)
    return EXIT_USAGE;

  index = fanfare_fp_index_load (argv[2], &error);
  if (index == NULL || (samples = fanfare_fp_decode_file (argv[3], &n, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  hashes = fanfare_fp_extract_hashes (samples, n);
  if (!fanfare_fp_match (index, hashes, &match))
    {
      if (json)
        g_print ("{\"match\": null}\n");
      return EXIT_NO_MATCH;
    }

  if (json)
    {
      g_autofree char *escaped = g_strescape (fanfare_fp_index_get_id (index, match.track), NULL);

      g_print ("{\"match\": {\"id\": \"%s\", \"score\": %u, \"offset\": %.3f, \"speed\": %.4f,"
               " \"confidence\": %.3f}}\n", escaped, match.score, match.offset, match.speed,
               match.confidence);
    }
  else
    {
      g_print ("%s %u %.3f\n", fanfare_fp_index_get_id (index, match.track), match.score, match.offset);
    }

  return EXIT_SUCCESS;
}

static int
command_stats (int    argc,
               char **argv)
{
  g_autoptr(FanfareFpIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double hours;

  if (argc < 3)
    return EXIT_USAGE;

  index = fanfare_fp_index_load (argv[2], &error);
  if (index == NULL || g_stat (argv[2], &st) != 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : g_strerror (errno));
      return EXIT_FAILED;
    }

  hours = fanfare_fp_index_get_seconds (index) / 3600.0;
  g_print ("tracks: %u\nhashes: %" G_GSIZE_FORMAT "\naudio: %.2f hours\nfile: %.1f MiB (%.1f MiB an hour)\n",
           fanfare_fp_index_get_n_tracks (index), fanfare_fp_index_get_n_postings (index), hours,
           st.st_size / 1048576.0, hours > 0 ? st.st_size / 1048576.0 / hours : 0.0);

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  int status = EXIT_USAGE;

  gst_init (&argc, &argv);

  if (argc >= 2 && g_str_equal (argv[1], "index"))
    status = command_index (argc, argv);
  else if (argc >= 2 && g_str_equal (argv[1], "query"))
    status = command_query (argc, argv);
  else if (argc >= 2 && g_str_equal (argv[1], "stats"))
    status = command_stats (argc, argv);

  if (status == EXIT_USAGE)
    g_printerr ("Usage:\n"
                "  fanfare-fp index DB [--id ID] FILE… | --list LIST\n"
                "  fanfare-fp query DB CLIP [--json]\n"
                "  fanfare-fp stats DB\n");

  return status;
}
