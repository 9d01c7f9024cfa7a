/* fanfare-vcard.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A contact of an address book, as far as finding friends needs it. */
typedef struct {
  char      *name;    /* FN, or NULL */
  GPtrArray *emails;  /* (element-type utf8) as written */
  GPtrArray *phones;  /* (element-type utf8) as written */
} FanfareVCardContact;

GPtrArray *fanfare_vcard_parse (const char *text,
                                gsize       length,
                                guint      *n_skipped,
                                GError    **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv      fanfare_vcard_hash_contacts (GPtrArray  *contacts,
                                        const char *key_hex,
                                        const char *country_code,
                                        guint       max_hashes) G_GNUC_WARN_UNUSED_RESULT;
void       fanfare_vcard_contact_free (FanfareVCardContact *contact);

G_END_DECLS
