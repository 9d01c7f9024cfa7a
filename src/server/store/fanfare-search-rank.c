/* fanfare-search-rank.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* fanfare_rank(table, weight…): the relevance of a search hit, as an FTS5
 * auxiliary function. It is BM25 without the inverse document frequency.
 *
 * FTS5's own bm25() finds, for each phrase of the query, how many documents
 * hold it, by reading every match of the phrase once per query. For a
 * common word in the trigram index that is most of the cost of a search
 * (ten milliseconds over 100,000 tracks, for each word). Every word of a
 * query must match, so every hit holds every phrase and the frequencies
 * would weigh the phrases of one query against each other, never one hit
 * against another in what they hold; what orders hits is how often and in
 * which column a phrase appears, and how long the column is, and that is
 * all kept here. Lower is better, as with bm25(). */

#include "config.h"

#include "fanfare-search-rank.h"

#define K1 1.2
#define B  0.75

typedef struct {
  int    n_columns;
  double average_length[];
} AverageLengths;

static AverageLengths *
get_average_lengths (const Fts5ExtensionApi *api,
                     Fts5Context            *fts)
{
  AverageLengths *lengths = api->xGetAuxdata (fts, FALSE);
  sqlite3_int64 rows = 0;
  int n_columns;

  if (lengths != NULL)
    return lengths;

  n_columns = api->xColumnCount (fts);
  lengths = g_malloc0 (sizeof (AverageLengths) + n_columns * sizeof (double));
  lengths->n_columns = n_columns;
  api->xRowCount (fts, &rows);
  for (int c = 0; c < n_columns; c++)
    {
      sqlite3_int64 total = 0;

      api->xColumnTotalSize (fts, c, &total);
      lengths->average_length[c] = rows > 0 && total > 0 ? (double) total / rows : 1.0;
    }

  if (api->xSetAuxdata (fts, lengths, g_free) != SQLITE_OK)
    return NULL;

  return lengths;
}

static void
rank_function (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               sqlite3_context        *context,
               int                     n_values,
               sqlite3_value         **values)
{
  AverageLengths *lengths = get_average_lengths (api, fts);
  int n_phrases = api->xPhraseCount (fts);
  g_autofree int *counts = NULL;
  double score = 0.0;
  int n_instances = 0;

  if (lengths == NULL || api->xInstCount (fts, &n_instances) != SQLITE_OK)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  /* How often each phrase appears in each column. */
  counts = g_new0 (int, (gsize) n_phrases * lengths->n_columns);
  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK)
        counts[phrase * lengths->n_columns + column]++;
    }

  for (int c = 0; c < lengths->n_columns; c++)
    {
      double weight = c < n_values ? sqlite3_value_double (values[c]) : 1.0;
      double norm;
      int length = 0;

      api->xColumnSize (fts, c, &length);
      norm = K1 * (1.0 - B + B * length / lengths->average_length[c]);
      for (int p = 0; p < n_phrases; p++)
        {
          int tf = counts[p * lengths->n_columns + c];

          if (tf > 0)
            score += weight * tf * (K1 + 1.0) / (tf + norm);
        }
    }

  sqlite3_result_double (context, -score);
}

/**
 * fanfare_search_rank_register:
 * @handle: a SQLite connection
 *
 * Makes the FTS5 auxiliary function fanfare_rank() available on @handle.
 *
 * Returns: whether it could
 */
gboolean
fanfare_search_rank_register (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api != NULL && api->iVersion >= 2 &&
         api->xCreateFunction (api, "fanfare_rank", NULL, rank_function, NULL) == SQLITE_OK;
}
