/* fanfare-test-utils.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers every test program may use: waiting on the main loop for
 * something to happen, and scratch folders. */

#include "config.h"

#include <gio/gio.h>

#include "fanfare-test-utils.h"

#define DEFAULT_TIMEOUT_MS 10000

static gboolean
timeout_cb (gpointer  data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * fanfare_test_wait_for:
 * @condition: what to wait for
 * @data: its argument
 * @timeout_ms: how long to wait at most, or 0 for ten seconds
 *
 * Runs the main loop until @condition holds or the time is up.
 *
 * Returns: whether @condition held in time
 */
gboolean
fanfare_test_wait_for (FanfareTestCondition  condition,
                       gpointer              data,
                       guint                 timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id;

  timeout_id = g_timeout_add (timeout_ms ? timeout_ms : DEFAULT_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return condition (data);
}

/**
 * fanfare_test_flag_is_set:
 * @data: a pointer to a #gboolean
 *
 * A condition for fanfare_test_wait_for(): the flag turned %TRUE.
 */
gboolean
fanfare_test_flag_is_set (gpointer  data)
{
  return *(gboolean *) data;
}

/**
 * fanfare_test_wait_ms:
 * @milliseconds: how long
 *
 * Runs the main loop for a while.
 */
void
fanfare_test_wait_ms (guint  milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!fanfare_test_flag_is_set (&done))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct {
  gboolean done;
  char    *out;
} Run;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, NULL, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/**
 * fanfare_test_run:
 * @argv: a command and its arguments
 *
 * Runs a command while the main loop goes on, so that the command may
 * talk to this very process over D-Bus, and fails the test when it does
 * not end within ten seconds.
 *
 * Returns: (transfer full): what the command printed, without the last
 *   newline
 */
char *
fanfare_test_run (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { FALSE, NULL };

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &run);
  if (!fanfare_test_wait_for (fanfare_test_flag_is_set, &run.done, 10000))
    g_error ("%s did not end", argv[0]);

  return g_strchomp (run.out);
}

/**
 * fanfare_test_playerctl:
 * @player: the MPRIS name of the player, after org.mpris.MediaPlayer2.
 * @first: the first argument for playerctl, then more, then %NULL
 *
 * Runs playerctl for @player while the main loop answers its calls.
 *
 * Returns: (transfer full): what it printed, without the final newline
 */
char *
fanfare_test_playerctl (const char *player,
                        const char *first,
                        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("playerctl"));
  g_ptr_array_add (argv, g_strconcat ("--player=", player, NULL));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return fanfare_test_run ((const char * const *) argv->pdata);
}

/**
 * fanfare_test_make_tmpdir:
 *
 * Returns: (transfer full): a new empty folder, for the caller to remove
 */
char *
fanfare_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("fanfare-test-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

/**
 * fanfare_test_use_private_dirs:
 *
 * Points the XDG data, cache and configuration folders into a new scratch
 * folder, so that test programs running at once share no database and no
 * setting. Call it before anything reads those folders.
 *
 * Returns: (transfer full): the scratch folder, for the caller to remove
 */
char *
fanfare_test_use_private_dirs (void)
{
  static const char * const variables[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_CONFIG_HOME", "config" },
  };
  char *scratch = fanfare_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *path = g_build_filename (scratch, variables[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (variables[i][0], path, TRUE);
    }

  return scratch;
}

static void
rm_rf_file (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      rm_rf_file (child);
    }

  g_file_delete (file, NULL, NULL);
}

/**
 * fanfare_test_rm_rf:
 * @path: a file or folder
 *
 * Removes @path and everything under it, following no links.
 */
void
fanfare_test_rm_rf (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rm_rf_file (file);
}
