/* fanfare-identify-history.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the Identify page keeps and gives: the songs identified, newest
 * first, in a JSON file under the user's data directory (each track as the
 * API writes it, with where it came from and when it was identified), and
 * the tracklist of a mix as a cue sheet. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "fanfare-identify-history.h"
#include "fanfare-json.h"

/* When a track of the history was identified: a GDateTime on the track. */
#define IDENTIFIED_KEY "fanfare-identified"

static void
set_identified (FanfareTrack *track,
                GDateTime    *when)
{
  g_object_set_data_full (G_OBJECT (track), IDENTIFIED_KEY, when != NULL ? g_date_time_ref (when) : NULL,
                          (GDestroyNotify) g_date_time_unref);
}

/**
 * fanfare_identify_history_get_identified:
 * @track: a track of a history
 *
 * Returns: (transfer none) (nullable): when @track was identified, if the
 *   history knows
 */
GDateTime *
fanfare_identify_history_get_identified (FanfareTrack *track)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (track), NULL);

  return g_object_get_data (G_OBJECT (track), IDENTIFIED_KEY);
}

/**
 * fanfare_identify_history_format_when:
 * @when: when a song was identified
 * @now: the time now
 *
 * Returns: (transfer full): how long ago @when is, as the history shows
 *   it: in minutes or hours within a day, then the date
 */
char *
fanfare_identify_history_format_when (GDateTime *when,
                                      GDateTime *now)
{
  GTimeSpan ago = g_date_time_difference (now, when);
  g_autoptr(GDateTime) local = NULL;

  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (ago < G_TIME_SPAN_HOUR)
    return g_strdup_printf (ngettext ("%u minute ago", "%u minutes ago", (gulong) (ago / G_TIME_SPAN_MINUTE)),
                            (guint) (ago / G_TIME_SPAN_MINUTE));
  if (ago < G_TIME_SPAN_DAY)
    return g_strdup_printf (ngettext ("%u hour ago", "%u hours ago", (gulong) (ago / G_TIME_SPAN_HOUR)),
                            (guint) (ago / G_TIME_SPAN_HOUR));

  /* Older: the date, as the user's locale writes it. */
  local = g_date_time_to_local (when);

  return g_date_time_format (local, "%x");
}

/**
 * fanfare_identify_history_dup_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/fanfare/identified.json`
 */
char *
fanfare_identify_history_dup_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fanfare", "identified.json", NULL);
}

/**
 * fanfare_identify_history_load:
 * @path: the history's file; one that is missing or unreadable is an empty
 *   history
 *
 * Returns: (transfer full): the tracks, newest first
 */
GListStore *
fanfare_identify_history_load (const char *path)
{
  GListStore *history = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  JsonArray *items;

  if (!g_file_get_contents (path, &contents, &length, &error))
    return history;
  root = fanfare_json_parse (contents, length, FANFARE_JSON_MAX_DEPTH, &error);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_debug ("Ignoring the identification history at %s", path);
      return history;
    }

  items = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (items) && i < FANFARE_IDENTIFY_HISTORY_MAX; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(FanfareTrack) track = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (!json_object_has_member (object, "track") ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "track")))
        continue;
      track = fanfare_track_new_from_json (json_object_get_object_member (object, "track"), NULL);
      if (track == NULL)
        continue;
      g_object_set (track, "source", (int) json_object_get_int_member_with_default (object, "source", 0), NULL);
      if (json_object_has_member (object, "identified"))
        {
          g_autoptr(GDateTime) when =
            g_date_time_new_from_unix_utc (json_object_get_int_member_with_default (object, "identified", 0));

          set_identified (track, when);
        }
      g_list_store_append (history, track);
    }

  return history;
}

/**
 * fanfare_identify_history_add:
 *
 * Puts @track first in @history (once), identified now, and writes it to
 * @path.
 */
gboolean
fanfare_identify_history_add (GListStore   *history,
                              FanfareTrack *track,
                              const char   *path,
                              GError      **error)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n;

  g_return_val_if_fail (G_IS_LIST_STORE (history), FALSE);
  g_return_val_if_fail (FANFARE_IS_TRACK (track), FALSE);

  set_identified (track, now);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
    {
      g_autoptr(FanfareTrack) item = g_list_model_get_item (G_LIST_MODEL (history), i);

      if (g_strcmp0 (fanfare_track_get_id (item), fanfare_track_get_id (track)) == 0 &&
          fanfare_track_get_source (item) == fanfare_track_get_source (track))
        {
          g_list_store_remove (history, i);
          break;
        }
    }
  g_list_store_insert (history, 0, track);
  while ((n = g_list_model_get_n_items (G_LIST_MODEL (history))) > FANFARE_IDENTIFY_HISTORY_MAX)
    g_list_store_remove (history, n - 1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (history)); i++)
    {
      g_autoptr(FanfareTrack) item = g_list_model_get_item (G_LIST_MODEL (history), i);
      JsonObject *object = json_object_new ();
      GDateTime *when = fanfare_identify_history_get_identified (item);

      json_object_set_member (object, "track", fanfare_track_to_json (item));
      json_object_set_int_member (object, "source", fanfare_track_get_source (item));
      if (when != NULL)
        json_object_set_int_member (object, "identified", g_date_time_to_unix (when));
      json_array_add_object_element (items, object);
    }
  json_node_set_array (root, items);
  text = fanfare_json_to_string (root);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "Cannot create %s", dir);
      return FALSE;
    }

  return g_file_set_contents (path, text, -1, error);
}

static void
append_quoted (GString    *cue,
               const char *key,
               const char *value)
{
  g_autoptr(GString) clean = g_string_new (value != NULL ? value : "");

  /* A cue sheet has no way to escape quotes inside a value. */
  g_string_replace (clean, "\"", "'", 0);
  g_string_append_printf (cue, "%s \"%s\"\n", key, clean->str);
}

/**
 * fanfare_cue_sheet_new:
 * @title: the mix's title
 * @tracks: (element-type FanfareTrack): the tracks, in order
 * @starts: (element-type double): where each starts in the mix, in seconds
 *
 * Returns: (transfer full): the tracklist as a cue sheet
 */
char *
fanfare_cue_sheet_new (const char *title,
                       GListModel *tracks,
                       GArray     *starts)
{
  GString *cue = g_string_new (NULL);
  guint n = MIN (g_list_model_get_n_items (tracks), starts->len);

  append_quoted (cue, "TITLE", title);
  append_quoted (cue, "FILE", "mix.wav");
  cue->str[cue->len - 1] = ' ';
  g_string_append (cue, "WAVE\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, i);
      /* Cue times are minutes, seconds and frames of 1/75 s. */
      guint frames = (guint) (MAX (0.0, g_array_index (starts, double, i)) * 75.0 + 0.5);

      g_string_append_printf (cue, "  TRACK %02u AUDIO\n    ", i + 1);
      append_quoted (cue, "TITLE", fanfare_track_get_title (track));
      g_string_append (cue, "    ");
      append_quoted (cue, "PERFORMER", fanfare_track_get_artist (track));
      g_string_append_printf (cue, "    INDEX 01 %02u:%02u:%02u\n", frames / 75 / 60, frames / 75 % 60, frames % 75);
    }

  return g_string_free (cue, FALSE);
}
