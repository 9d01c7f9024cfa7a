/* fanfare-test-server.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The real fanfare-server, started on 127.0.0.1 port 0 with a temporary
 * data folder; its log goes to a file that the last test of the suite
 * searches for secrets. */
typedef struct {
  char        *data_dir;
  char        *url;
  char        *log_path;
  GSubprocess *process;
  SoupSession *session;
} FanfareTestServer;

typedef struct {
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;   /* when the body is JSON */
} FanfareTestResponse;

char                *fanfare_test_make_data_dir (void) G_GNUC_WARN_UNUSED_RESULT;
FanfareTestServer   *fanfare_test_server_start (const char         *data_dir,
                                                const char * const *extra_args) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_test_server_stop (FanfareTestServer *server);
int                  fanfare_test_run_command (const char * const *args,
                                               const char         *input,
                                               char              **output) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_test_note_secret (const char *secret);
void                 fanfare_test_note_database_secrets (const char *data_dir);

FanfareTestResponse *fanfare_test_request (FanfareTestServer *server,
                                           const char        *method,
                                           const char        *path,
                                           const char        *token,
                                           const char        *json_body) G_GNUC_WARN_UNUSED_RESULT;
FanfareTestResponse *fanfare_test_send (FanfareTestServer *server,
                                        SoupMessage       *msg) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_test_response_free (FanfareTestResponse *response);
const char          *fanfare_test_response_get_string (FanfareTestResponse *response,
                                                       const char          *path);
gint64               fanfare_test_response_get_int (FanfareTestResponse *response,
                                                    const char          *path);
JsonArray           *fanfare_test_response_get_array (FanfareTestResponse *response,
                                                      const char          *member);
gboolean             fanfare_test_response_contains (FanfareTestResponse *response,
                                                     const char          *text);
void                 fanfare_test_assert_error (FanfareTestResponse *response,
                                                guint                status,
                                                const char          *code,
                                                const char          *message_part);

char                *fanfare_test_register (FanfareTestServer *server,
                                            const char        *username,
                                            const char        *password) G_GNUC_WARN_UNUSED_RESULT;
char                *fanfare_test_log_in (FanfareTestServer *server,
                                          const char        *username,
                                          const char        *password) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_test_create_admin (const char *data_dir,
                                                const char *username,
                                                const char *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareTestResponse, fanfare_test_response_free)

G_END_DECLS
