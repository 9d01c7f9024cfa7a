/* fanfare-fp-index-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-fp-index.h"

G_BEGIN_DECLS

/* The file: this header, the tracks' lengths (guint32 each), their ids
 * (each ending in a NUL), zeros to a multiple of 8 bytes, the range table
 * (N_BUCKETS + 1 guint32, then 4 zero bytes) and the postings. */
#define FANFARE_FP_INDEX_MAGIC   "FFPINDEX"
#define FANFARE_FP_INDEX_VERSION 2
#define HASH_BITS                23
#define BUCKET_BITS              16
#define N_BUCKETS                (1u << BUCKET_BITS)

typedef struct {
  char    magic[8];
  guint32 version;
  guint32 extractor;
  guint32 hash_bits;
  guint32 bucket_bits;
  guint32 n_tracks;
  guint32 reserved;
  guint64 n_postings;
  guint64 ids_size;
} FanfareFpIndexHeader;

G_END_DECLS
