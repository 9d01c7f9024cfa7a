/* fanfare-response-cache.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_RESPONSE_CACHE (fanfare_response_cache_get_type ())

G_DECLARE_FINAL_TYPE (FanfareResponseCache, fanfare_response_cache, FANFARE, RESPONSE_CACHE, GObject);

FanfareResponseCache *fanfare_response_cache_new (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean              fanfare_response_cache_answer (FanfareResponseCache *self,
                                                     const char           *key,
                                                     guint                 generation,
                                                     SoupServerMessage    *msg);
void                  fanfare_response_cache_store (FanfareResponseCache *self,
                                                    const char           *key,
                                                    guint                 generation,
                                                    SoupServerMessage    *msg);

G_END_DECLS
