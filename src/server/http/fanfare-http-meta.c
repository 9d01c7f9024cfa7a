/* fanfare-http-meta.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a client asks first: is this a Fanfare server, and which one. */

#include "config.h"

#include "fanfare-request.h"

static void
get_server (FanfareRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "fanfare-server");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "api_version");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

const FanfareRoute fanfare_http_meta_routes[] = {
  { "GET", "/api/v1/server", FANFARE_ACCESS_ANYONE, 0, get_server },
  { NULL },
};
