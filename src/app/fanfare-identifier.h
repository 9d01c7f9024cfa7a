/* fanfare-identifier.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-client.h"
#include "fanfare-fp-index.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

typedef enum {
  FANFARE_IDENTIFY_SOURCE_MICROPHONE,
  FANFARE_IDENTIFY_SOURCE_SYSTEM,
} FanfareIdentifySource;

/* Listening stops without a match after this much audio. */
#define FANFARE_IDENTIFIER_MAX_SECONDS 15.0

/* Turns an id of the local index into a track, or %NULL. */
typedef FanfareTrack *(*FanfareIdentifierLookup) (const char *id,
                                                  gpointer    user_data);

#define FANFARE_TYPE_IDENTIFIER (fanfare_identifier_get_type ())

G_DECLARE_FINAL_TYPE (FanfareIdentifier, fanfare_identifier, FANFARE, IDENTIFIER, GObject)

FanfareIdentifier    *fanfare_identifier_new (FanfareClient * client) G_GNUC_WARN_UNUSED_RESULT;
void                  fanfare_identifier_set_local_index (FanfareIdentifier       *self,
                                                          FanfareFpIndex          *index,
                                                          FanfareIdentifierLookup  lookup,
                                                          gpointer                 user_data);
void                  fanfare_identifier_set_source_description (FanfareIdentifier *self,
                                                                 const char        *description);
FanfareIdentifySource fanfare_identifier_get_source (FanfareIdentifier *self);
void                  fanfare_identifier_set_source (FanfareIdentifier     *self,
                                                     FanfareIdentifySource  source);
gboolean              fanfare_identifier_get_continuous (FanfareIdentifier *self);
void                  fanfare_identifier_set_continuous (FanfareIdentifier *self,
                                                         gboolean           continuous);
gboolean              fanfare_identifier_get_listening (FanfareIdentifier *self);
double                fanfare_identifier_get_level (FanfareIdentifier *self);
double                fanfare_identifier_get_progress (FanfareIdentifier *self);
double                fanfare_identifier_get_heard (FanfareIdentifier *self);
gboolean              fanfare_identifier_start (FanfareIdentifier *self,
                                                GError           **error);
void                  fanfare_identifier_stop (FanfareIdentifier *self);

G_END_DECLS
