/* fanfare-test-shop.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-json.h"
#include "fanfare-test-shop.h"

/**
 * fanfare_test_money_try:
 * @url: the server's URL
 * @key: (nullable): the Idempotency-Key
 *
 * POSTs @json_body to @path on a session of its own, from any thread.
 *
 * Returns: (nullable): the response; %NULL when the server could not be
 *   reached or went away before answering
 */
FanfareTestResponse *
fanfare_test_money_try (const char *url,
                        const char *path,
                        const char *token,
                        const char *key,
                        const char *json_body)
{
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 60, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  FanfareTestResponse *response;

  soup_session_set_proxy_resolver (session, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  if (key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", key);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  body = soup_session_send_and_read (session, msg, NULL, &error);
  if (body == NULL)
    return NULL;

  response = g_new0 (FanfareTestResponse, 1);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  response->body = g_steal_pointer (&body);
  if (g_strcmp0 (soup_message_headers_get_content_type (response->headers, NULL), "application/json") == 0)
    {
      response->json = fanfare_json_parse (g_bytes_get_data (response->body, NULL),
                                           g_bytes_get_size (response->body), 64, &error);
      g_assert_no_error (error);
    }

  return response;
}

/* The same, for a server that is up: it answers. */
FanfareTestResponse *
fanfare_test_money_request (const char *url,
                            const char *path,
                            const char *token,
                            const char *key,
                            const char *json_body)
{
  FanfareTestResponse *response = fanfare_test_money_try (url, path, token, key, json_body);

  g_assert_nonnull (response);

  return response;
}

/* New top-up codes from `fanfare-server issue-codes`. */
char **
fanfare_test_issue_codes (const char *data_dir,
                          const char *amount,
                          guint       count)
{
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  const char *args[] = {
    "issue-codes", "--data-dir", data_dir, "--amount", amount, "--count", count_text, NULL
  };
  g_autofree char *output = NULL;
  char **codes;

  g_assert_cmpint (fanfare_test_run_command (args, NULL, &output), ==, 0);
  codes = g_strsplit (g_strstrip (output), "\n", -1);
  g_assert_cmpuint (g_strv_length (codes), ==, count);

  return codes;
}

/* Redeems a code; returns the wallet's balance after it. */
gint64
fanfare_test_top_up (FanfareTestServer *server,
                     const char        *token,
                     const char        *code)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *body = g_strdup_printf ("{\"provider\": \"codes\", \"code\": \"%s\"}", code);
  g_autoptr(FanfareTestResponse) response = fanfare_test_money_request (server->url, "/api/v1/me/wallet/top-ups",
                                                                        token, key, body);

  g_assert_cmpuint (response->status, ==, 201);

  return fanfare_test_response_get_int (response, "top_up.balance_cents");
}

/* The wallet's balance in the store's currency (CNY), 0 if it has none. */
gint64
fanfare_test_wallet_balance (FanfareTestServer *server,
                             const char        *token)
{
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (server, "GET", "/api/v1/me/wallet", token, NULL);
  JsonArray *balances;

  g_assert_cmpuint (response->status, ==, 200);
  balances = fanfare_test_response_get_array (response, "balances");
  for (guint i = 0; i < json_array_get_length (balances); i++)
    {
      JsonObject *balance = json_array_get_object_element (balances, i);

      if (g_str_equal (json_object_get_string_member (balance, "currency"), "CNY"))
        return json_object_get_int_member (balance, "balance_cents");
    }

  return 0;
}

void
fanfare_test_set_price (FanfareTestServer *server,
                        const char        *token,
                        gint64             album_id,
                        gint64             price_cents)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/price", album_id);
  g_autofree char *body = g_strdup_printf ("{\"price_cents\": %" G_GINT64_FORMAT ", \"currency\": \"CNY\"}",
                                           price_cents);
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (server, "PUT", path, token, body);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (response, "price_cents"), ==, price_cents);
}

/* Runs `fanfare-server audit`; returns its exit status. */
int
fanfare_test_audit (const char *data_dir,
                    char      **report)
{
  const char *args[] = { "audit", "--data-dir", data_dir, NULL };

  return fanfare_test_run_command (args, NULL, report);
}
