/* fanfare-form-cache.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_FORM_CACHE (fanfare_form_cache_get_type ())

G_DECLARE_FINAL_TYPE (FanfareFormCache, fanfare_form_cache, FANFARE, FORM_CACHE, GObject);

FanfareFormCache *fanfare_form_cache_new (guint  max_entries) G_GNUC_WARN_UNUSED_RESULT;
GBytes           *fanfare_form_cache_lookup (FanfareFormCache *self,
                                             GBytes           *key) G_GNUC_WARN_UNUSED_RESULT;
void              fanfare_form_cache_store (FanfareFormCache *self,
                                            GBytes           *key,
                                            GBytes           *form);
guint             fanfare_form_cache_get_size (FanfareFormCache *self);

G_END_DECLS
