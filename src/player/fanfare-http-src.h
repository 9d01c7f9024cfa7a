/* fanfare-http-src.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/base/gstbasesrc.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_HTTP_SRC (fanfare_http_src_get_type ())

G_DECLARE_FINAL_TYPE (FanfareHttpSrc, fanfare_http_src, FANFARE, HTTP_SRC, GstBaseSrc)

void fanfare_http_src_register (void);

G_END_DECLS
