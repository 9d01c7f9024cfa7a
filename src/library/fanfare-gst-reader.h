/* fanfare-gst-reader.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fanfare-taglib-reader.h"

G_BEGIN_DECLS

/* How long GStreamer may take over one file before it counts as damaged. */
#define FANFARE_GST_READ_TIMEOUT_SECONDS 5

FanfareRawTags *fanfare_gst_read (const char *path,
                                  gboolean    want_picture,
                                  gsize       max_picture_size,
                                  GError    **error);

G_END_DECLS
