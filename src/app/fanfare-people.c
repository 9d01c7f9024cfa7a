/* fanfare-people.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A person in a list reads the same everywhere: their name, their username
 * and whether they are a friend (each follows the other). Names are shown
 * as they were written, never as markup. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fanfare-people.h"
#include "fanfare-window.h"

/**
 * fanfare_person_row_new:
 * @user: the person
 * @is_friend: whether the user and @user follow each other
 * @suffix: (nullable) (transfer floating): a button to act on @user
 *
 * Returns: (transfer floating): an activatable row for @user
 */
GtkWidget *
fanfare_person_row_new (FanfareUser *user,
                        gboolean     is_friend,
                        GtkWidget   *suffix)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = fanfare_user_get_display_name (user);
  g_autofree char *handle = g_strdup_printf ("@%s", fanfare_user_get_username (user));

  g_return_val_if_fail (FANFARE_IS_USER (user), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL && *name != '\0' ? name : handle);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), handle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
  if (is_friend)
    {
      GtkWidget *tag = gtk_label_new (_("Friend"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "friend-tag");
      gtk_widget_add_css_class (tag, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "user", g_object_ref (user), g_object_unref);

  return row;
}

/**
 * fanfare_person_row_get_user:
 *
 * Returns: (transfer none) (nullable): the person of a row made by
 *   fanfare_person_row_new()
 */
FanfareUser *
fanfare_person_row_get_user (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "user");
}

/**
 * fanfare_usernames_of:
 * @users: (nullable): a list of #FanfareUser
 *
 * Returns: (transfer full): a set of their usernames
 */
GHashTable *
fanfare_usernames_of (GListModel *users)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; users != NULL && i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (users, i);

      g_hash_table_add (names, g_strdup (fanfare_user_get_username (user)));
    }

  return names;
}

/**
 * fanfare_activity_dup_text:
 *
 * Returns: (transfer full) (nullable): what someone did, in a sentence of
 *   the user's language, or %NULL for a kind this version does not know
 */
char *
fanfare_activity_dup_text (FanfareActivity *activity)
{
  const char *kind = fanfare_activity_get_kind (activity);
  FanfarePlaylist *playlist = fanfare_activity_get_playlist (activity);

  if (playlist == NULL)
    return NULL;
  if (g_str_equal (kind, "playlist"))
    /* Translators: in the feed; the playlist's title */
    return g_strdup_printf (_("Made the playlist “%s”"), fanfare_playlist_get_title (playlist));
  if (g_str_equal (kind, "playlist_follow"))
    /* Translators: in the feed; the playlist's title */
    return g_strdup_printf (_("Follows the playlist “%s”"), fanfare_playlist_get_title (playlist));

  return NULL;
}

/**
 * fanfare_placeholder_new:
 * @text: what an empty list means
 *
 * Returns: (transfer floating): a placeholder for an empty list
 */
GtkWidget *
fanfare_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

/**
 * fanfare_toast:
 * @from: a widget of the window
 * @text: what to tell the user
 *
 * Tells the user @text in a toast of @from's window.
 */
void
fanfare_toast (GtkWidget  *from,
               const char *text)
{
  GtkRoot *root = gtk_widget_get_root (from);

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (text));
}

/* The calling code of numbers written without one, from the territory of
 * the user's locale ("zh_CN.UTF-8" → 86); NULL where it is not known. */
const char *
fanfare_local_country_code (void)
{
  static const struct {
    const char *territory;
    const char *code;
  } codes[] = {
    { "CN", "86" }, { "TW", "886" }, { "HK", "852" }, { "MO", "853" }, { "SG", "65" }, { "JP", "81" },
    { "KR", "82" }, { "US", "1" }, { "CA", "1" }, { "GB", "44" }, { "DE", "49" }, { "FR", "33" },
    { "ES", "34" }, { "IT", "39" }, { "AU", "61" }, { "IN", "91" }, { "BR", "55" }, { "RU", "7" },
  };
  const char *locale = g_get_language_names ()[0];
  const char *underscore = strchr (locale, '_');

  if (underscore == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (strncmp (underscore + 1, codes[i].territory, 2) == 0)
      return codes[i].code;

  return NULL;
}
