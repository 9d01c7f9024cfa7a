/* fanfare-studio-store-analytics.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What an artist learns about their listeners: plays and listeners per
 * day over a period, followers, the most played tracks; album sales,
 * revenue and fan-club members where the platform has them. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-studio-store.h"

#define SECONDS_PER_DAY (24 * 60 * 60)
#define TOP_TRACKS      10

static void
track_plays_free (FanfareTrackPlays *plays)
{
  g_free (plays->title);
  g_free (plays);
}

void
fanfare_analytics_free (FanfareAnalytics *analytics)
{
  g_clear_pointer (&analytics->days, g_array_unref);
  g_clear_pointer (&analytics->top_tracks, g_ptr_array_unref);
  g_free (analytics->currency);
  g_free (analytics);
}

static gboolean
read_days (FanfareConnection *conn,
           gint64             artist_id,
           gint64             since,
           FanfareAnalytics  *analytics,
           GError           **error)
{
  static const char sql[] =
    "SELECT (p.played_at - ?2) / " G_STRINGIFY (SECONDS_PER_DAY) ", count(*), count(DISTINCT p.user_id)"
    " FROM plays p JOIN tracks t ON t.id = p.track_id"
    " WHERE t.artist_id = ?1 AND p.played_at >= ?2 GROUP BY 1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 index = sqlite3_column_int64 (stmt, 0);

      if (index >= 0 && index < analytics->days->len)
        {
          FanfareDayPlays *day = &g_array_index (analytics->days, FanfareDayPlays, index);

          day->plays = sqlite3_column_int (stmt, 1);
          day->listeners = sqlite3_column_int (stmt, 2);
        }
    }

  return rc == SQLITE_DONE || _fanfare_statement_error (stmt, error);
}

/* Per day of the period: the albums sold (refunds left out), the
 * artist's earnings in the analytics' currency, and the new followers of
 * the artist's account, made into the number of followers at the end of
 * each day once the total is known. */
static gboolean
read_day_sales_and_follows (FanfareConnection *conn,
                            gint64             artist_id,
                            gint64             since,
                            FanfareAnalytics  *analytics,
                            GError           **error)
{
  static const char sql[] =
    "SELECT 'sale', (p.created_at - ?2) / " G_STRINGIFY (SECONDS_PER_DAY) ", count(*)"
    " FROM purchases p JOIN albums al ON al.id = p.album_id"
    " WHERE al.artist_id = ?1 AND p.created_at >= ?2"
    " AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id) GROUP BY 2"
    " UNION ALL "
    "SELECT 'follow', (f.created_at - ?2) / " G_STRINGIFY (SECONDS_PER_DAY) ", count(*)"
    " FROM follows f JOIN artists ar ON ar.user_id = f.followee_id"
    " WHERE ar.id = ?1 AND f.created_at >= ?2 GROUP BY 2"
    " UNION ALL "
    "SELECT 'revenue', (t.created_at - ?2) / " G_STRINGIFY (SECONDS_PER_DAY) ", sum (e.amount_cents)"
    " FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id"
    " JOIN ledger_transactions t ON t.id = e.transaction_id"
    " WHERE a.kind = 'artist_earnings' AND a.owner_id = ?1 AND a.currency = ?3 AND t.created_at >= ?2"
    " GROUP BY 2";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  guint followers = analytics->followers;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_text (stmt, 3, analytics->currency, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 index = sqlite3_column_int64 (stmt, 1);
      const char *what = (const char *) sqlite3_column_text (stmt, 0);
      FanfareDayPlays *day;

      if (index < 0 || index >= analytics->days->len)
        continue;

      day = &g_array_index (analytics->days, FanfareDayPlays, index);
      /* New follows go in followers for now; the loop below sums them. */
      if (g_str_equal (what, "sale"))
        day->sales = sqlite3_column_int (stmt, 2);
      else if (g_str_equal (what, "revenue"))
        day->revenue_cents = sqlite3_column_int64 (stmt, 2);
      else
        day->followers = sqlite3_column_int (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  for (guint i = analytics->days->len; i > 0; i--)
    {
      FanfareDayPlays *day = &g_array_index (analytics->days, FanfareDayPlays, i - 1);
      guint new_followers = day->followers;

      day->followers = followers;
      followers = followers >= new_followers ? followers - new_followers : 0;
    }

  return TRUE;
}

static gboolean
read_totals (FanfareConnection *conn,
             gint64             artist_id,
             gint64             since,
             FanfareAnalytics  *analytics,
             GError           **error)
{
  static const char sql[] =
    "SELECT count(*), count(DISTINCT p.user_id),"
    " (SELECT count(*) FROM follows f JOIN artists ar ON ar.user_id = f.followee_id WHERE ar.id = ?1)"
    " FROM plays p JOIN tracks t ON t.id = p.track_id WHERE t.artist_id = ?1 AND p.played_at >= ?2";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  sqlite3_bind_int64 (stmt, 2, since);
  if (!_fanfare_statement_step_row (stmt, "No such artist", error))
    return FALSE;

  analytics->plays = sqlite3_column_int (stmt, 0);
  analytics->listeners = sqlite3_column_int (stmt, 1);
  analytics->followers = sqlite3_column_int (stmt, 2);

  return TRUE;
}

static gboolean
read_top_tracks (FanfareConnection *conn,
                 gint64             artist_id,
                 gint64             since,
                 FanfareAnalytics  *analytics,
                 GError           **error)
{
  static const char sql[] =
    "SELECT t.id, t.title, count(*) FROM plays p JOIN tracks t ON t.id = p.track_id"
    " WHERE t.artist_id = ?1 AND p.played_at >= ?2 GROUP BY t.id ORDER BY 3 DESC, t.id LIMIT "
    G_STRINGIFY (TOP_TRACKS);
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareTrackPlays *plays = g_new0 (FanfareTrackPlays, 1);

      plays->track_id = sqlite3_column_int64 (stmt, 0);
      plays->title = _fanfare_statement_dup_text (stmt, 1);
      plays->plays = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (analytics->top_tracks, plays);
    }

  return rc == SQLITE_DONE || _fanfare_statement_error (stmt, error);
}

/* Album sales since @since (refunded ones left out), the artist's net
 * earnings from the ledger since then (a refund's reversing entries count
 * against them) in the currency of their first earnings account, and the
 * members of the artist's fan clubs today. */
static gboolean
read_sales_and_members (FanfareConnection *conn,
                        gint64             artist_id,
                        gint64             since,
                        FanfareAnalytics  *analytics,
                        GError           **error)
{
  static const char sql[] =
    "WITH earnings AS (SELECT currency FROM ledger_accounts"
    "   WHERE kind = 'artist_earnings' AND owner_id = ?1 ORDER BY id LIMIT 1) "
    "SELECT"
    " (SELECT count(*) FROM purchases p JOIN albums al ON al.id = p.album_id"
    "   WHERE al.artist_id = ?1 AND p.created_at >= ?2"
    "   AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id)),"
    " (SELECT coalesce (sum (e.amount_cents), 0) FROM ledger_entries e"
    "   JOIN ledger_accounts a ON a.id = e.account_id"
    "   JOIN ledger_transactions t ON t.id = e.transaction_id"
    "   WHERE a.kind = 'artist_earnings' AND a.owner_id = ?1 AND t.created_at >= ?2"
    "   AND a.currency = (SELECT currency FROM earnings)),"
    " (SELECT count(DISTINCT m.user_id) FROM fan_club_members m"
    "   JOIN fan_clubs c ON c.id = m.club_id WHERE c.artist_id = ?1),"
    " (SELECT currency FROM earnings)";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  sqlite3_bind_int64 (stmt, 2, since);
  if (!_fanfare_statement_step_row (stmt, "No such artist", error))
    return FALSE;

  analytics->sales = sqlite3_column_int (stmt, 0);
  analytics->revenue_cents = sqlite3_column_int64 (stmt, 1);
  analytics->fan_club_members = sqlite3_column_int (stmt, 2);
  analytics->currency = _fanfare_statement_dup_text (stmt, 3);

  return TRUE;
}

/**
 * fanfare_studio_store_get_analytics:
 * @days: the length of the period, which ends today (UTC)
 *
 * Returns: (transfer full): the artist's figures, or %NULL with @error set
 */
FanfareAnalytics *
fanfare_studio_store_get_analytics (FanfareDatabase *db,
                                    gint64           artist_id,
                                    guint            days,
                                    GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareAnalytics) analytics = g_new0 (FanfareAnalytics, 1);
  gint64 today = _fanfare_now () / SECONDS_PER_DAY * SECONDS_PER_DAY;
  gint64 since = today - (gint64) (days - 1) * SECONDS_PER_DAY;

  g_return_val_if_fail (days > 0, NULL);

  analytics->days = g_array_sized_new (FALSE, TRUE, sizeof (FanfareDayPlays), days);
  analytics->top_tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) track_plays_free);
  for (guint i = 0; i < days; i++)
    {
      FanfareDayPlays day = { .day = since + (gint64) i * SECONDS_PER_DAY };

      g_array_append_val (analytics->days, day);
    }

  if (conn == NULL || !read_days (conn, artist_id, since, analytics, error) ||
      !read_totals (conn, artist_id, since, analytics, error) ||
      !read_sales_and_members (conn, artist_id, since, analytics, error) ||
      !read_day_sales_and_follows (conn, artist_id, since, analytics, error) ||
      !read_top_tracks (conn, artist_id, since, analytics, error))
    return NULL;

  return g_steal_pointer (&analytics);
}
