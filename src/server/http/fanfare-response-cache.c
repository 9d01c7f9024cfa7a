/* fanfare-response-cache.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Answers that are the same for every anonymous caller (the public
 * catalog's lists and pages) are kept in memory and served again from the
 * main thread, without a worker, a query or a JSON generator. An answer
 * stands while the database is the one it was made from: every commit
 * moves the database's generation on. Since another process (an import
 * from the command line) commits without this one knowing, an answer is
 * also kept for a second at most. An answer keeps its ETag, and a caller
 * that names it gets a 304. Main thread only. */

#include "config.h"

#include "fanfare-request.h"
#include "fanfare-response-cache.h"

#define MAX_ENTRIES 512
#define LIFETIME_US G_USEC_PER_SEC

typedef struct {
  guint   generation;
  gint64  created_us;
  guint   status;
  char   *content_type;
  char   *etag;
  GBytes *body;
} Entry;

struct _FanfareResponseCache
{
  GObject     parent_instance;

  GHashTable *entries;  /* path and query -> Entry */
};

G_DEFINE_FINAL_TYPE (FanfareResponseCache, fanfare_response_cache, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_free (entry->content_type);
  g_free (entry->etag);
  g_bytes_unref (entry->body);
  g_free (entry);
}

static void
fanfare_response_cache_finalize (GObject *object)
{
  FanfareResponseCache *self = FANFARE_RESPONSE_CACHE (object);

  g_hash_table_unref (self->entries);

  G_OBJECT_CLASS (fanfare_response_cache_parent_class)->finalize (object);
}

static void
fanfare_response_cache_class_init (FanfareResponseCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_response_cache_finalize;
}

static void
fanfare_response_cache_init (FanfareResponseCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
}

FanfareResponseCache *
fanfare_response_cache_new (void)
{
  return g_object_new (FANFARE_TYPE_RESPONSE_CACHE, NULL);
}

/**
 * fanfare_response_cache_answer:
 * @key: the request's path and query
 * @generation: the database's generation now
 *
 * Returns: whether @msg was answered from the cache
 */
gboolean
fanfare_response_cache_answer (FanfareResponseCache *self,
                               const char           *key,
                               guint                 generation,
                               SoupServerMessage    *msg)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);
  SoupMessageHeaders *response_headers;

  if (entry == NULL)
    return FALSE;

  if (entry->generation != generation || g_get_monotonic_time () - entry->created_us > LIFETIME_US)
    {
      g_hash_table_remove (self->entries, key);
      return FALSE;
    }

  response_headers = soup_server_message_get_response_headers (msg);
  if (entry->etag != NULL)
    {
      soup_message_headers_replace (response_headers, "ETag", entry->etag);
      soup_message_headers_replace (response_headers, "Cache-Control", "private, no-cache");
      if (fanfare_etag_matches (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                              "If-None-Match"), entry->etag))
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return TRUE;
        }
    }

  soup_server_message_set_status (msg, entry->status, NULL);
  soup_message_headers_set_content_type (response_headers, entry->content_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), entry->body);

  return TRUE;
}

/**
 * fanfare_response_cache_store:
 * @generation: the database's generation when the answer was asked for
 *
 * Keeps @msg's answer, if it is a whole one.
 */
void
fanfare_response_cache_store (FanfareResponseCache *self,
                              const char           *key,
                              guint                 generation,
                              SoupServerMessage    *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Entry *entry;

  if (soup_server_message_get_status (msg) != SOUP_STATUS_OK || body->length == 0)
    return;

  /* Crude but bounded: a full cache starts again. */
  if (g_hash_table_size (self->entries) >= MAX_ENTRIES)
    g_hash_table_remove_all (self->entries);

  entry = g_new0 (Entry, 1);
  entry->generation = generation;
  entry->created_us = g_get_monotonic_time ();
  entry->status = SOUP_STATUS_OK;
  entry->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  entry->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  entry->body = soup_message_body_flatten (body);
  g_hash_table_replace (self->entries, g_strdup (key), entry);
}
