/* fanfare-search.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *fanfare_search_fold (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char     *fanfare_search_sort_key (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char     *fanfare_search_space_cjk (const char *folded) G_GNUC_WARN_UNUSED_RESULT;
gboolean  fanfare_search_build_match (const char *query,
                                      char      **trigram_match,
                                      char      **words_match);

G_END_DECLS
