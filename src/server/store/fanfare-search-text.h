/* fanfare-search-text.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char    *fanfare_search_text_fold (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char    *fanfare_search_text_fold_words (const char *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean fanfare_search_text_is_ideograph (gunichar  c);
void     fanfare_search_text_register_sql_functions (sqlite3 *handle);

G_END_DECLS
