/* fanfare-sales-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the store sells and what was sold: albums' prices, the nameplates
 * of purchases, the sales charts (unique buyers, refunds left out), the
 * letter and photos an artist gives an album's buyers, and the top-up
 * codes an admin issues (kept as hashes). The money itself is in
 * fanfare-ledger-store.c. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-sales-store.h"

#define NOT_REFUNDED(p) "NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = " p ".id)"

void
fanfare_nameplate_record_free (FanfareNameplateRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->album_title);
  g_free (record->artist_name);
  g_free (record->artwork_uri);
  g_free (record->owner_username);
  g_free (record->owner_display_name);
  g_free (record->buyer_username);
  g_free (record->message);
  g_free (record);
}

void
fanfare_offer_record_free (FanfareOfferRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->currency);
  g_free (record);
}

/**
 * fanfare_sales_store_get_offer:
 * @viewer_id: who asks, 0 for nobody
 *
 * The album's price and whether the viewer owns it; the caller checks
 * first that the viewer may see the album.
 */
FanfareOfferRecord *
fanfare_sales_store_get_offer (FanfareDatabase *db,
                               gint64           album_id,
                               gint64           viewer_id,
                               GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  FanfareOfferRecord *offer;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT a.price_cents, a.currency, ar.user_id, o.purchase_id"
                                           " FROM albums a JOIN artists ar ON ar.id = a.artist_id"
                                           " LEFT JOIN owned_albums o ON o.album_id = a.id AND o.user_id = ?2"
                                           " WHERE a.id = ?1", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, album_id);
  sqlite3_bind_int64 (stmt, 2, viewer_id);
  if (!_fanfare_statement_step_row (stmt, "No such album", error))
    return NULL;

  offer = g_new0 (FanfareOfferRecord, 1);
  offer->price_cents = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
  offer->currency = _fanfare_statement_dup_text (stmt, 1);
  offer->artist_user_id = sqlite3_column_int64 (stmt, 2);
  offer->owned = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  offer->purchase_id = sqlite3_column_int64 (stmt, 3);

  return offer;
}

/**
 * fanfare_sales_store_set_price:
 * @price_cents: the price, or -1 to take the album off sale
 */
gboolean
fanfare_sales_store_set_price (FanfareDatabase *db,
                               gint64           album_id,
                               gint64           price_cents,
                               const char      *currency,
                               GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, "UPDATE albums SET price_cents = ?2, currency = ?3 WHERE id = ?1",
                                           error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  if (price_cents >= 0)
    {
      sqlite3_bind_int64 (stmt, 2, price_cents);
      _fanfare_statement_bind_text (stmt, 3, currency);
    }

  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such album");
      return FALSE;
    }

  return TRUE;
}

#define NAMEPLATE_SELECT \
  "SELECT p.id, p.serial, p.album_id, a.title, ar.name, a.cover_id, p.owner_id, o.username," \
  " o.display_name, p.buyer_id, b.username, p.message, p.created_at, ar.id" \
  " FROM purchases p JOIN albums a ON a.id = p.album_id JOIN artists ar ON ar.id = a.artist_id" \
  " JOIN users o ON o.id = p.owner_id JOIN users b ON b.id = p.buyer_id"

static FanfareNameplateRecord *
read_nameplate (FanfareConnection *conn,
                FanfareStatement  *stmt)
{
  FanfareNameplateRecord *record = g_new0 (FanfareNameplateRecord, 1);

  record->purchase_id = sqlite3_column_int64 (stmt, 0);
  record->serial = sqlite3_column_int64 (stmt, 1);
  record->album_id = sqlite3_column_int64 (stmt, 2);
  record->album_title = _fanfare_statement_dup_text (stmt, 3);
  record->artist_name = _fanfare_statement_dup_text (stmt, 4);
  record->artwork_uri = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 5));
  record->owner_id = sqlite3_column_int64 (stmt, 6);
  record->owner_username = _fanfare_statement_dup_text (stmt, 7);
  record->owner_display_name = _fanfare_statement_dup_text (stmt, 8);
  record->buyer_id = sqlite3_column_int64 (stmt, 9);
  record->buyer_username = _fanfare_statement_dup_text (stmt, 10);
  record->message = _fanfare_statement_dup_text (stmt, 11);
  record->issued_at = sqlite3_column_int64 (stmt, 12);
  record->artist_id = sqlite3_column_int64 (stmt, 13);

  return record;
}

/* Every row of @stmt, a NAMEPLATE_SELECT. */
static GPtrArray *
read_nameplates (FanfareConnection *conn,
                 FanfareStatement  *stmt,
                 GError           **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_nameplate_record_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_nameplate (conn, stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * fanfare_sales_store_list_nameplates:
 * @gifts_only: only what others gave the owner
 *
 * Returns: (transfer full) (element-type FanfareNameplateRecord): the
 *   nameplates of what @owner_id owns, the latest first; refunded
 *   purchases have none
 */
GPtrArray *
fanfare_sales_store_list_nameplates (FanfareDatabase *db,
                                     gint64           owner_id,
                                     gboolean         gifts_only,
                                     GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           NAMEPLATE_SELECT " WHERE p.owner_id = ?1 AND " NOT_REFUNDED ("p")
                                           " AND (?2 = 0 OR p.buyer_id <> p.owner_id)"
                                           " ORDER BY p.created_at DESC, p.id DESC", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_int (stmt, 2, gifts_only);
  return read_nameplates (conn, stmt, error);
}

FanfareNameplateRecord *
fanfare_sales_store_get_nameplate (FanfareDatabase *db,
                                   gint64           purchase_id,
                                   GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, NAMEPLATE_SELECT " WHERE p.id = ?1 AND " NOT_REFUNDED ("p"),
                                           error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, purchase_id);
  if (!_fanfare_statement_step_row (stmt, "No such nameplate", error))
    return NULL;

  return read_nameplate (conn, stmt);
}

/**
 * fanfare_sales_store_chart:
 * @since: the start of the period (Unix time); 0 for all time
 *
 * Returns: (transfer full) (element-type FanfareSalesEntry): the best
 *   selling published albums by unique buyers since @since, ties by id
 */
GArray *
fanfare_sales_store_chart (FanfareDatabase *db,
                           gint64           since,
                           guint            limit,
                           GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (FanfareSalesEntry));
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT p.album_id, COUNT (DISTINCT p.buyer_id) AS n,"
                                           " (SELECT COUNT (DISTINCT q.buyer_id) FROM purchases q"
                                           "  WHERE q.album_id = p.album_id AND " NOT_REFUNDED ("q") ")"
                                           " FROM purchases p JOIN albums a ON a.id = p.album_id"
                                           " WHERE p.created_at >= ?1 AND a.published = 1 AND " NOT_REFUNDED ("p")
                                           " GROUP BY p.album_id ORDER BY n DESC, p.album_id LIMIT ?2",
                                           error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareSalesEntry entry = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * fanfare_sales_store_set_letter:
 * @letter: (nullable): the artist's letter to the buyers; %NULL removes it
 */
gboolean
fanfare_sales_store_set_letter (FanfareDatabase *db,
                                gint64           album_id,
                                const char      *letter,
                                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           letter != NULL
                                           ? "INSERT INTO album_letters (album_id, letter, updated_at) VALUES (?1, ?2, ?3)"
                                           " ON CONFLICT (album_id) DO UPDATE SET letter = ?2, updated_at = ?3"
                                           : "DELETE FROM album_letters WHERE album_id = ?1", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  if (letter != NULL)
    {
      _fanfare_statement_bind_text (stmt, 2, letter);
      sqlite3_bind_int64 (stmt, 3, _fanfare_now ());
    }

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_sales_store_add_photo:
 *
 * Adds a photo after the album's others; an album has at most
 * @max_photos (a conflict after that).
 */
gboolean
fanfare_sales_store_add_photo (FanfareDatabase *db,
                               gint64           album_id,
                               const char      *image_id,
                               guint            max_photos,
                               GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "INSERT INTO album_photos (album_id, position, image_id)"
                                           " SELECT ?1, COALESCE (MAX (position), 0) + 1, ?2 FROM album_photos"
                                           " WHERE album_id = ?1 HAVING COUNT(*) < ?3", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  _fanfare_statement_bind_text (stmt, 2, image_id);
  sqlite3_bind_int (stmt, 3, max_photos);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "An album has at most %u photos", max_photos);
      return FALSE;
    }

  return _fanfare_connection_commit (conn, error);
}

gboolean
fanfare_sales_store_get_extras (FanfareDatabase *db,
                                gint64           album_id,
                                char           **letter,
                                GStrv           *photo_uris,
                                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) letters = NULL;
  g_autoptr(FanfareStatement) photos = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (conn == NULL ||
      (letters = _fanfare_connection_prepare (conn, "SELECT letter FROM album_letters WHERE album_id = ?1",
                                              error)) == NULL ||
      (photos = _fanfare_connection_prepare (conn,
                                             "SELECT image_id FROM album_photos WHERE album_id = ?1 ORDER BY position",
                                             error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (letters, 1, album_id);
  rc = sqlite3_step (letters);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _fanfare_statement_error (letters, error);

  sqlite3_bind_int64 (photos, 1, album_id);
  while ((rc = sqlite3_step (photos)) == SQLITE_ROW)
    {
      g_autofree char *uri = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (photos, 0));

      g_strv_builder_add (builder, uri);
    }
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (photos, error);

  *letter = sqlite3_column_type (letters, 0) == SQLITE_NULL ? NULL : _fanfare_statement_dup_text (letters, 0);
  *photo_uris = g_strv_builder_end (builder);

  return TRUE;
}

/**
 * fanfare_sales_store_add_codes:
 * @code_hashes: the hashes of new top-up codes, each worth @amount_cents
 */
gboolean
fanfare_sales_store_add_codes (FanfareDatabase    *db,
                               const char * const *code_hashes,
                               gint64              amount_cents,
                               const char         *currency,
                               GError            **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL || !_fanfare_connection_begin (conn, error))
    return FALSE;

  for (guint i = 0; code_hashes[i] != NULL; i++)
    {
      g_autoptr(FanfareStatement) stmt = NULL;

      if ((stmt = _fanfare_connection_prepare (conn,
                                               "INSERT INTO topup_codes (code_hash, amount_cents, currency, created_at)"
                                               " VALUES (?1, ?2, ?3, ?4)", error)) == NULL)
        return FALSE;

      _fanfare_statement_bind_text (stmt, 1, code_hashes[i]);
      sqlite3_bind_int64 (stmt, 2, amount_cents);
      _fanfare_statement_bind_text (stmt, 3, currency);
      sqlite3_bind_int64 (stmt, 4, _fanfare_now ());
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  return _fanfare_connection_commit (conn, error);
}

/* What a top-up code is worth; whether it was used is the ledger's to
 * say, when it is credited. */
gboolean
fanfare_sales_store_find_code (FanfareDatabase *db,
                               const char      *code_hash,
                               gint64          *amount_cents,
                               char           **currency,
                               GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT amount_cents, currency FROM topup_codes WHERE code_hash = ?1",
                                           error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, code_hash);
  if (!_fanfare_statement_step_row (stmt, "No such top-up code", error))
    return FALSE;

  *amount_cents = sqlite3_column_int64 (stmt, 0);
  *currency = _fanfare_statement_dup_text (stmt, 1);

  return TRUE;
}

/**
 * fanfare_sales_store_list_artist_nameplates:
 * @owner_ids: (array length=n_owners): whose nameplates
 * @artist_id: the artist whose albums count
 * @album_id: an album whose nameplate goes first, or 0
 *
 * The nameplates @owner_ids hold of @artist_id's published albums, in one
 * query for a whole page of comments.
 *
 * Returns: (transfer full) (element-type FanfareNameplateRecord): by
 *   owner, each owner's nameplate of @album_id first, then the latest
 */
GPtrArray *
fanfare_sales_store_list_artist_nameplates (FanfareDatabase *db,
                                            const gint64    *owner_ids,
                                            guint            n_owners,
                                            gint64           artist_id,
                                            gint64           album_id,
                                            GError         **error)
{
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GString) owners = g_string_new ("[");

  if (n_owners == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_nameplate_record_free);

  for (guint i = 0; i < n_owners; i++)
    g_string_append_printf (owners, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", owner_ids[i]);
  g_string_append_c (owners, ']');

  if ((conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           NAMEPLATE_SELECT " WHERE p.owner_id IN (SELECT value FROM json_each (?1))"
                                           " AND ar.id = ?2 AND a.published = 1 AND " NOT_REFUNDED ("p")
                                           " ORDER BY p.owner_id, p.album_id = ?3 DESC, p.created_at DESC, p.id DESC",
                                           error)) == NULL)
    return NULL;

  _fanfare_statement_bind_text (stmt, 1, owners->str);
  sqlite3_bind_int64 (stmt, 2, artist_id);
  sqlite3_bind_int64 (stmt, 3, album_id);
  return read_nameplates (conn, stmt, error);
}
