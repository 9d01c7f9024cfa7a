/* fanfare-contacts.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Emails and phone numbers in the one form that app and server hash
 * them in, and the keyed hash itself: HMAC-SHA256 with the server's
 * contact key, in hexadecimal, of "email:ADDRESS" or "tel:+NUMBER". */

char *fanfare_contacts_normalize_email (const char *email) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_contacts_normalize_phone (const char *phone,
                                        const char *default_country_code) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_contacts_hash (const char *key_hex,
                             const char *kind,
                             const char *normalized) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
