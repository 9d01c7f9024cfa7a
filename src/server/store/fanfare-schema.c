/* fanfare-schema.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The schema, one script per version. A database at version N runs the
* scripts after N in order, each in its own transaction, and records the
* version in PRAGMA user_version. Never edit a released script: add one.
*
* Times are whole seconds since the Unix epoch, flags are 0 or 1, media
* and images are named by the SHA-256 of their content. Apart from the
* search index (FTS5), the SQL is meant to port to PostgreSQL as is. */

#include "config.h"

#include "fanfare-database-private.h"

static const char *versions[] = {
  /* 1: accounts, catalog, media, playlists, follows, plays, search */
  "CREATE TABLE media ("
  "  hash TEXT PRIMARY KEY,"
  "  content_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE images ("
  "  id TEXT PRIMARY KEY,"
  "  width INTEGER NOT NULL,"
  "  height INTEGER NOT NULL"
  ");"
  "CREATE TABLE image_sizes ("
  "  image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,"
  "  size TEXT NOT NULL CHECK (size IN ('small', 'medium', 'large')),"
  "  media_hash TEXT NOT NULL REFERENCES media (hash),"
  "  PRIMARY KEY (image_id, size)"
  ");"
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  username TEXT NOT NULL COLLATE NOCASE UNIQUE,"
  "  display_name TEXT NOT NULL,"
  "  email TEXT,"
  "  password_hash TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT 'listener' CHECK (role IN ('listener', 'artist', 'admin')),"
  "  bio TEXT,"
  "  avatar_id TEXT REFERENCES images (id),"
  "  verified INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  token_hash TEXT NOT NULL UNIQUE,"
  "  device TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  last_used_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX sessions_user ON sessions (user_id);"
  "CREATE TABLE artists ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER UNIQUE REFERENCES users (id) ON DELETE SET NULL,"
  "  name TEXT NOT NULL,"
  "  bio TEXT,"
  "  image_id TEXT REFERENCES images (id),"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX artists_name ON artists (name COLLATE NOCASE, id);"
  "CREATE TABLE albums ("
  "  id INTEGER PRIMARY KEY,"
  "  artist_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  genre TEXT,"
  "  release_date TEXT NOT NULL DEFAULT '',"
  "  cover_id TEXT REFERENCES images (id),"
  "  published INTEGER NOT NULL DEFAULT 1,"
  "  track_count INTEGER NOT NULL DEFAULT 0,"
  "  duration_ms INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX albums_artist ON albums (artist_id);"
  "CREATE INDEX albums_release ON albums (release_date DESC, id DESC) WHERE published = 1;"
  "CREATE TABLE tracks ("
  "  id INTEGER PRIMARY KEY,"
  "  album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,"
  "  artist_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'song' CHECK (kind IN ('song', 'audiobook', 'dj_mix')),"
  "  disc_number INTEGER NOT NULL DEFAULT 1,"
  "  track_number INTEGER NOT NULL DEFAULT 0,"
  "  genre TEXT,"
  "  duration_ms INTEGER NOT NULL DEFAULT 0,"
  "  replaygain_gain REAL NOT NULL DEFAULT 0,"
  "  replaygain_peak REAL NOT NULL DEFAULT 0,"
  "  media_hash TEXT NOT NULL REFERENCES media (hash),"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX tracks_album ON tracks (album_id, disc_number, track_number);"
  "CREATE INDEX tracks_artist ON tracks (artist_id);"
  "CREATE TABLE chapters ("
  "  track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  start_ms INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  artist TEXT,"
  "  PRIMARY KEY (track_id, position)"
  ");"
  "CREATE TABLE playlists ("
  "  id INTEGER PRIMARY KEY,"
  "  owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  visibility TEXT NOT NULL DEFAULT 'public'"
  "    CHECK (visibility IN ('public', 'unlisted', 'private')),"
  "  cover_id TEXT REFERENCES images (id),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX playlists_owner ON playlists (owner_id);"
  "CREATE TABLE playlist_tracks ("
  "  playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,"
  "  added_at INTEGER NOT NULL,"
  "  PRIMARY KEY (playlist_id, position)"
  ");"
  "CREATE INDEX playlist_tracks_track ON playlist_tracks (track_id);"
  "CREATE TABLE follows ("
  "  follower_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  followee_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (follower_id, followee_id),"
  "  CHECK (follower_id <> followee_id)"
  ");"
  "CREATE INDEX follows_followee ON follows (followee_id);"
  "CREATE TABLE plays ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,"
  "  played_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX plays_user ON plays (user_id, played_at);"
  "CREATE INDEX plays_track ON plays (track_id, played_at);"
  /* The search index: each row's rowid is id * 8 + kind (see
   * fanfare-search-store.c); names and the rest are folded text. */
  "CREATE VIRTUAL TABLE search_trigram USING fts5 ("
  "  name, extra, tokenize = 'trigram', detail = 'full');"
  "CREATE VIRTUAL TABLE search_words USING fts5 ("
  "  name, extra, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');"
  /* Exact names, folded, for the matches that rank first. */
  "CREATE TABLE search_names ("
  "  key INTEGER NOT NULL,"
  "  name TEXT NOT NULL"
  ");"
  "CREATE INDEX search_names_name ON search_names (name);"
  "CREATE INDEX search_names_key ON search_names (key);"
  "INSERT INTO search_trigram (search_trigram, rank) VALUES ('rank', 'bm25(10.0, 1.0)');"
  "INSERT INTO search_words (search_words, rank) VALUES ('rank', 'bm25(10.0, 1.0)');",

  /* 2: albums and tracks of the platform that listeners saved to their
   * library */
  "CREATE TABLE saved_albums ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,"
  "  saved_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, album_id));"
  "CREATE INDEX saved_albums_recent ON saved_albums (user_id, saved_at);"
  "CREATE TABLE saved_tracks ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,"
  "  saved_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, track_id));"
  "CREATE INDEX saved_tracks_recent ON saved_tracks (user_id, saved_at);",
  /* 3: playlists edited from anywhere, followed and shared; plays reported
   * by clients; what the recommender computes. A playlist's entries are
   * named by the client that adds them, so an addition sent twice is one;
   * removed entries stay as tombstones, so that a late copy of the
   * addition does not bring them back. Positions are fractions between
   * neighbours, so a move or an insertion writes one row. The *_at
   * columns hold the client's time of each field's last change, in
   * milliseconds: the latest change of a field wins. An entry keeps its
   * track's duration, so that a long playlist's length is one sum. */
  "CREATE TABLE playlist_entries ("
  "  playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,"
  "  entry_id TEXT NOT NULL,"
  "  position REAL NOT NULL,"
  "  track_id INTEGER REFERENCES tracks (id) ON DELETE CASCADE,"
  "  title TEXT,"
  "  artist TEXT,"
  "  album TEXT,"
  "  duration_ms INTEGER NOT NULL DEFAULT 0,"
  "  added_by INTEGER REFERENCES users (id) ON DELETE SET NULL,"
  "  added_at INTEGER NOT NULL,"
  "  moved_at INTEGER NOT NULL DEFAULT 0,"
  "  removed INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (playlist_id, entry_id),"
  "  CHECK (track_id IS NOT NULL OR title IS NOT NULL)"
  ");"
  "INSERT INTO playlist_entries (playlist_id, entry_id, position, track_id, duration_ms, added_at)"
  "  SELECT pt.playlist_id, 'p' || pt.position, pt.position, pt.track_id, t.duration_ms, pt.added_at"
  "  FROM playlist_tracks pt JOIN tracks t ON t.id = pt.track_id;"
  "DROP TABLE playlist_tracks;"
  "CREATE INDEX playlist_entries_order ON playlist_entries (playlist_id, position, removed, duration_ms);"
  "CREATE INDEX playlist_entries_track ON playlist_entries (track_id);"
  "ALTER TABLE playlists ADD COLUMN client_id TEXT;"
  "ALTER TABLE playlists ADD COLUMN title_at INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE playlists ADD COLUMN description_at INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE playlists ADD COLUMN visibility_at INTEGER NOT NULL DEFAULT 0;"
  "CREATE UNIQUE INDEX playlists_client ON playlists (owner_id, client_id) WHERE client_id IS NOT NULL;"
  "CREATE TABLE playlist_follows ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, playlist_id)"
  ");"
  "CREATE INDEX playlist_follows_playlist ON playlist_follows (playlist_id);"
  "CREATE TABLE playlist_collaborators ("
  "  playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (playlist_id, user_id)"
  ");"
  "CREATE INDEX playlist_collaborators_user ON playlist_collaborators (user_id);"
  "ALTER TABLE plays ADD COLUMN client_id TEXT;"
  "ALTER TABLE plays ADD COLUMN ms_played INTEGER NOT NULL DEFAULT 0;"
  "CREATE UNIQUE INDEX plays_client ON plays (user_id, client_id) WHERE client_id IS NOT NULL;"
  "CREATE INDEX plays_time ON plays (played_at);"
  /* What the recommender leaves: each track's nearest neighbours by
   * co-listening ("ID:SCORE ID:SCORE …", the nearest first), and each
   * user's picks of the day with the track that brought each one in
   * ("ID ID …" and the reasons' ids in the same order, 0 for a popular
   * pick). A row per track and per user: a run writes 150,000 rows, not
   * 4,000,000, and serving a user's picks reads one. The most listened
   * tracks of the run's history fill picks and the radio. */
  "CREATE TABLE track_neighbours ("
  "  track_id INTEGER PRIMARY KEY,"
  "  neighbours TEXT NOT NULL"
  ");"
  "CREATE TABLE daily_picks ("
  "  user_id INTEGER PRIMARY KEY,"
  "  day TEXT NOT NULL,"
  "  tracks TEXT NOT NULL,"
  "  reasons TEXT NOT NULL"
  ");"
  "CREATE TABLE popular_tracks ("
  "  rank INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL,"
  "  listeners INTEGER NOT NULL"
  ");"
  "CREATE TABLE recommender_runs ("
  "  day TEXT PRIMARY KEY,"
  "  users INTEGER NOT NULL,"
  "  finished_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE radio_feedback ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('like', 'skip')),"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, track_id)"
  ");"
  "CREATE TABLE radio_served ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,"
  "  served_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, track_id)"
  ");",
  /* 5: studio: listeners asking to become artists; artists' links; what
   * an album says for sale (a price in cents and its currency; NULL for
   * free streaming), its description and its scheduled publication; each
   * track's original file and waveform; chunked uploads and their ingest.
   * An upload is a file on disk until its ingest makes it a track: an
   * unfinished one is never in the catalog. */
  "CREATE TABLE artist_requests ("
  "  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  message TEXT,"
  "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),"
  "  created_at INTEGER NOT NULL,"
  "  decided_at INTEGER"
  ");"
  "CREATE INDEX artist_requests_status ON artist_requests (status, created_at);"
  "ALTER TABLE artists ADD COLUMN links TEXT;"
  "ALTER TABLE albums ADD COLUMN description TEXT;"
  "ALTER TABLE albums ADD COLUMN price_cents INTEGER CHECK (price_cents IS NULL OR price_cents >= 0);"
  "ALTER TABLE albums ADD COLUMN currency TEXT;"
  "ALTER TABLE albums ADD COLUMN publish_at INTEGER;"
  "ALTER TABLE albums ADD COLUMN published_at INTEGER;"
  "CREATE INDEX albums_publish_at ON albums (publish_at) WHERE publish_at IS NOT NULL;"
  "ALTER TABLE tracks ADD COLUMN original_hash TEXT REFERENCES media (hash);"
  "ALTER TABLE tracks ADD COLUMN waveform TEXT;"
  "CREATE TABLE uploads ("
  "  id TEXT PRIMARY KEY,"
  "  album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,"
  "  artist_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,"
  "  filename TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  received INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL DEFAULT 'receiving'"
  "    CHECK (state IN ('receiving', 'ingesting', 'ready', 'failed')),"
  "  error TEXT,"
  "  track_id INTEGER REFERENCES tracks (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX uploads_album ON uploads (album_id, state);"
  "CREATE INDEX uploads_stale ON uploads (state, updated_at);",
};

guint
_fanfare_schema_get_n_versions (void)
{
  return G_N_ELEMENTS (versions);
}

const char *
_fanfare_schema_get_version (guint  version)
{
  g_assert (version >= 1 && version <= G_N_ELEMENTS (versions));

  return versions[version - 1];
}
