/* fanfare-commands.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The administration commands of fanfare-server. They open the data folder
 * as the server does; run them while the server is stopped, or beside it
 * (SQLite's WAL lets both write, one at a time). Passwords are read from
 * standard input, never from the command line, where other users of the
 * machine could see them. */

#include "config.h"

#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "fanfare-account-store.h"
#include "fanfare-accounts.h"
#include "fanfare-catalog-store.h"
#include "fanfare-commands.h"
#include "fanfare-common-enums.h"
#include "fanfare-credentials.h"
#include "fanfare-demo.h"
#include "fanfare-ingest.h"
#include "fanfare-ledger-store.h"
#include "fanfare-recommender.h"
#include "fanfare-server.h"
#include "fanfare-shop.h"
#include "fanfare-user.h"
#include "fanfare-utils.h"

int
fanfare_commands_usage_error (const char *message)
{
  g_printerr ("fanfare-server: %s (see --help)\n", message);

  return 2;
}

static int
failed (const GError *error)
{
  g_printerr ("fanfare-server: %s\n", error->message);

  return EXIT_FAILURE;
}

/* Reads one line; on a terminal, without showing it. */
static char *
read_password (void)
{
  g_autofree char *line = g_malloc0 (1100);
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;

  if (terminal)
    {
      g_printerr ("Password: ");
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }

  if (fgets (line, 1100, stdin) == NULL)
    line[0] = '\0';

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      g_printerr ("\n");
    }

  line[strcspn (line, "\r\n")] = '\0';

  return g_steal_pointer (&line);
}

static gboolean
parse (GOptionContext *context,
       int            *argc,
       char         ***argv,
       char          **data_dir,
       int            *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    *status = fanfare_commands_usage_error (error->message);
  else if (*data_dir == NULL)
    *status = fanfare_commands_usage_error ("--data-dir is required");
  else
    return TRUE;

  return FALSE;
}

static int
create_user (int              argc,
             char           **argv,
             FanfareUserRole  role)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *username = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareServer) server = NULL;
  g_autoptr(FanfareUser) user = NULL;
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data folder", "DIR" },
    { "username", 'u', 0, G_OPTION_ARG_STRING, &username, "The new user's username", "NAME" },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name, "Their name as people see it", "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_name, "listener, artist or admin", "ROLE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— add a user; the password comes from standard input");
  int status = EXIT_FAILURE;
  int role_value = role;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &data_dir, &status))
    return status;
  if (username == NULL)
    return fanfare_commands_usage_error ("--username is required");
  if (role_name != NULL && !fanfare_enum_from_string (FANFARE_TYPE_USER_ROLE, role_name, &role_value))
    return fanfare_commands_usage_error ("--role must be listener, artist or admin");

  password = read_password ();
  if ((server = fanfare_server_new (data_dir, NULL, &error)) == NULL ||
      (user = fanfare_accounts_create (fanfare_server_get_database (server), username,
                                       display_name != NULL ? display_name : username, NULL, password,
                                       role_value, &error)) == NULL)
    return failed (error);

  fanfare_server_close (server);
  g_free (role_name);
  role_name = fanfare_enum_to_string (FANFARE_TYPE_USER_ROLE, role_value);
  g_print ("Created the %s %s\n", role_name, fanfare_user_get_username (user));

  return EXIT_SUCCESS;
}

/* The commands that decode or encode audio: GStreamer is theirs alone. */
typedef gboolean (*MediaJob) (FanfareServer *server,
                              gpointer       data,
                              GError       **error);

static int
run_media_job (const char *data_dir,
               MediaJob    job,
               gpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareServer) server = NULL;
  gboolean done;

  gst_init (NULL, NULL);
  server = fanfare_server_new (data_dir, NULL, &error);
  done = server != NULL && job (server, data, &error);
  if (server != NULL)
    fanfare_server_close (server);
  g_clear_object (&server);
  gst_deinit ();

  return done ? EXIT_SUCCESS : failed (error);
}

typedef struct {
  const char *folder;
  const char *artist;
  gboolean    published;
} ImportJob;

static gboolean
import_job (FanfareServer *server,
            gpointer       data,
            GError       **error)
{
  ImportJob *job = data;
  FanfareIngestReport report = { 0 };

  if (!fanfare_ingest_import_folder (fanfare_server_get_database (server), fanfare_server_get_media (server),
                                     fanfare_server_get_fingerprints (server), job->folder, job->artist, job->published, &report, error))
    return FALSE;

  g_print ("Imported %u albums, %u tracks; skipped %u files\n", report.albums, report.tracks, report.skipped);

  return TRUE;
}

static int
import (int    argc,
        char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *artist = NULL;
  gboolean unpublished = FALSE;
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data folder", "DIR" },
    { "artist", 'a', 0, G_OPTION_ARG_STRING, &artist, "The username of the artist whose music it is", "USERNAME" },
    { "unpublished", 0, 0, G_OPTION_ARG_NONE, &unpublished, "Import as drafts only the artist sees", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR — import a folder of tagged audio as albums");
  int status = EXIT_FAILURE;
  ImportJob job;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &data_dir, &status))
    return status;
  if (argc != 2)
    return fanfare_commands_usage_error ("import takes one folder");
  if (artist == NULL)
    return fanfare_commands_usage_error ("--artist is required");

  job = (ImportJob) { argv[1], artist, !unpublished };

  return run_media_job (data_dir, import_job, &job);
}

/* Makes the picks of the day of @when (Unix time), or of today. */
static gboolean
recommend_job (FanfareServer *server,
               gpointer       data,
               GError       **error)
{
  const gint64 *when = data;
  g_autoptr(GDateTime) time = when != NULL ? g_date_time_new_from_unix_utc (*when) : g_date_time_new_now_utc ();
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (time), g_date_time_get_month (time),
                                                  g_date_time_get_day_of_month (time), 0, 0, 0);
  FanfareRecommenderReport report;

  if (!fanfare_recommender_run (fanfare_server_get_database (server), day, &report, error))
    return FALSE;

  g_print ("Made %u daily picks for %u listeners in %.1f s\n", report.picks, report.users, report.seconds);

  return TRUE;
}

static int
recommend (int    argc,
           char **argv)
{
  g_autofree char *data_dir = NULL;
  gint64 when = 0;
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data folder", "DIR" },
    { "now", 0, 0, G_OPTION_ARG_INT64, &when, "A time on the day to pick for (Unix time)", "T" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— make every listener's daily picks now");
  int status = EXIT_FAILURE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &data_dir, &status))
    return status;

  return run_media_job (data_dir, recommend_job, when != 0 ? &when : NULL);
}

static gboolean
seed_job (FanfareServer *server,
          gpointer       data,
          GError       **error)
{
  const FanfareDemoOptions *options = data;
  FanfareDemoReport report = { 0 };
  gint64 started = g_get_monotonic_time ();

  if (!fanfare_demo_seed (fanfare_server_get_database (server), fanfare_server_get_media (server),
                          fanfare_server_get_fingerprints (server), options, &report, error))
    return FALSE;

  g_print ("Seeded %u artists, %u albums, %u tracks, %u users, %u playlists and %u plays in %.1f s\n",
           report.artists, report.albums, report.tracks, report.users, report.playlists, report.plays,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  /* The listeners find their picks of the day the history leads up to. */
  return recommend_job (server, options->now != 0 ? (gpointer) & options->now : NULL, error);
}

static int
seed_demo (int    argc,
           char **argv)
{
  g_autofree char *data_dir = NULL;
  FanfareDemoOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data folder", "DIR" },
    { "small", 0, 0, G_OPTION_ARG_NONE, &options.small, "A few artists with short tracks, for tests", NULL },
    { "now", 0, 0, G_OPTION_ARG_INT64, &options.now, "The time the play history leads up to (Unix time)", "T" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— fill an empty platform with a generated demo");
  int status = EXIT_FAILURE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &data_dir, &status))
    return status;

  return run_media_job (data_dir, seed_job, &options);
}

/* "12", "12.5" or "12.50" in cents; -1 for anything else. */
static gint64
parse_amount (const char *text)
{
  gint64 units = 0, cents = 0;
  const char *p = text;
  guint decimals = 0;

  if (text == NULL || !g_ascii_isdigit (*p))
    return -1;

  for (; g_ascii_isdigit (*p); p++)
    if ((units = units * 10 + (*p - '0')) > 1000000)
      return -1;

  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && decimals < 2; p++, decimals++)
      cents = cents * 10 + (*p - '0');

  if (*p != '\0')
    return -1;

  return units * 100 + cents * (decimals == 1 ? 10 : 1);
}

/* Prints new top-up codes, one a line; only their hashes are kept. */
static int
issue_codes (int    argc,
             char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *currency = NULL;
  int count = 1, status;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareServer) server = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data folder", "DIR" },
    { "amount", 'a', 0, G_OPTION_ARG_STRING, &amount, "What each code is worth, such as 50 or 9.90", "AMOUNT" },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "How many codes (1)", "N" },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, "The currency (the store's own)", "CODE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— issue top-up codes");
  gint64 cents;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &data_dir, &status))
    return status;

  cents = parse_amount (amount);
  if (cents <= 0)
    return fanfare_commands_usage_error ("--amount must be a positive amount such as 50 or 9.90");
  if (count < 1 || count > 10000)
    return fanfare_commands_usage_error ("--count must be 1 to 10000");

  if ((server = fanfare_server_new (data_dir, NULL, &error)) == NULL)
    return failed (error);

  for (int i = 0; i < count; i++)
    {
      char *code = fanfare_payment_new_code ();

      g_ptr_array_add (codes, code);
      g_ptr_array_add (hashes, fanfare_payment_hash_code (code));
    }
  g_ptr_array_add (hashes, NULL);

  if (!fanfare_sales_store_add_codes (fanfare_server_get_database (server), (const char * const *) hashes->pdata, cents,
                                      currency != NULL ? currency : fanfare_shop_get_currency (fanfare_server_get_shop (server)),
                                      &error))
    return failed (error);

  fanfare_server_close (server);
  for (guint i = 0; i < codes->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (codes, i));

  return EXIT_SUCCESS;
}

/* Checks the ledger; exits 1 when anything is wrong. */
static int
audit (int    argc,
       char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareServer) server = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data folder", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— check the store's ledger");
  guint problems;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &data_dir, &status))
    return status;

  if ((server = fanfare_server_new (data_dir, NULL, &error)) == NULL)
    return failed (error);

  problems = fanfare_ledger_store_audit (fanfare_server_get_database (server), report, &error);
  fanfare_server_close (server);
  if (error != NULL)
    return failed (error);

  g_print ("%s", report->str);
  g_print (problems == 0 ? "The ledger is sound\n" : "%u problems\n", problems);

  return problems == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
list_routes (void)
{
  g_autoptr(FanfareServer) server = g_object_new (FANFARE_TYPE_SERVER, NULL);
  g_autoptr(GPtrArray) routes = fanfare_server_list_routes (server);

  for (guint i = 0; i < routes->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (routes, i));

  return EXIT_SUCCESS;
}

/**
 * fanfare_commands_run:
 * @argv: the command's name and its arguments
 *
 * Returns: the program's exit status
 */
int
fanfare_commands_run (int    argc,
                      char **argv)
{
  const char *command = argv[0];

  if (g_str_equal (command, "create-admin"))
    return create_user (argc, argv, FANFARE_USER_ROLE_ADMIN);
  if (g_str_equal (command, "create-user"))
    return create_user (argc, argv, FANFARE_USER_ROLE_LISTENER);
  if (g_str_equal (command, "import"))
    return import (argc, argv);
  if (g_str_equal (command, "seed-demo"))
    return seed_demo (argc, argv);
  if (g_str_equal (command, "recommend"))
    return recommend (argc, argv);
  if (g_str_equal (command, "issue-codes"))
    return issue_codes (argc, argv);
  if (g_str_equal (command, "audit"))
    return audit (argc, argv);
  if (g_str_equal (command, "routes"))
    return list_routes ();

  return fanfare_commands_usage_error ("Unknown command");
}
