/* fanfare-identify-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Identify page: a Listen button, the source (microphone or the
 * system's sound), the level and progress while listening, the song found
 * with what can be done with it, the history of songs identified, and in
 * continuous mode the tracklist of a mix, which exports as a cue sheet.
 * A song the platform knows can be added to a playlist and, when its
 * album is for sale, bought from the card. The listening itself is
 * FanfareIdentifier's. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-buy-button.h"
#include "fanfare-cover-image.h"
#include "fanfare-identify-history.h"
#include "fanfare-identify-page.h"
#include "fanfare-navigate.h"
#include "fanfare-track-menu.h"

struct _FanfareIdentifyPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *scrolled_window;
  GtkToggleButton   *microphone_button;
  GtkToggleButton   *system_button;
  AdwButtonContent  *listen_content;
  GtkLevelBar       *level_bar;
  GtkProgressBar    *progress_bar;
  GtkLabel          *status_label;
  GtkWidget         *result_box;
  FanfareCoverImage *cover;
  GtkLabel          *title_label;
  GtkLabel          *artist_label;
  GtkWidget         *add_button;
  FanfareBuyButton  *buy_button;
  GtkSwitch         *continuous_switch;
  GtkWidget         *tracklist_group;
  GtkListBox        *tracklist_box;
  GtkWidget         *history_group;
  GtkListBox        *history_box;

  /* Owned references */
  FanfareIdentifier *identifier;
  FanfareTrack      *result;
  GListStore        *history;
  GListStore        *tracklist;
  GArray            *tracklist_starts;
  char              *history_path;
  guint              index_generation;
  guint              when_timeout;
};

G_DEFINE_FINAL_TYPE (FanfareIdentifyPage, fanfare_identify_page, GTK_TYPE_WIDGET)

static char *
format_time (double seconds)
{
  guint s = (guint) MAX (0.0, seconds);

  return g_strdup_printf ("%u:%02u", s / 60, s % 60);
}

static GtkWidget *
create_track_row (gpointer  item,
                  gpointer  user_data)
{
  FanfareIdentifyPage *self = user_data;
  FanfareTrack *track = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_track_get_title (track));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fanfare_track_get_artist (track));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* A tracklist row says where the track starts in the mix. */
  if (user_data != NULL && g_list_store_find (self->tracklist, track, NULL))
    {
      guint position = 0;
      g_autofree char *start = NULL;

      g_list_store_find (self->tracklist, track, &position);
      start = format_time (g_array_index (self->tracklist_starts, double, position));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_label_new (start));
    }

  return row;
}

/* When @row's song was identified, as it reads now. */
static void
update_when (GtkWidget *row,
             GDateTime *now)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "when-label");
  GDateTime *when = g_object_get_data (G_OBJECT (row), "when");
  g_autofree char *text = when != NULL ? fanfare_identify_history_format_when (when, now) : NULL;

  gtk_label_set_label (label, text != NULL ? text : "");
}

/* A history row says when the song was identified. */
static GtkWidget *
create_history_row (gpointer  item,
                    gpointer  user_data)
{
  GtkWidget *row = create_track_row (item, NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GDateTime *when = fanfare_identify_history_get_identified (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "when-label", label);
  if (when != NULL)
    g_object_set_data_full (G_OBJECT (row), "when", g_date_time_ref (when), (GDestroyNotify) g_date_time_unref);
  update_when (row, now);

  return row;
}

/* "5 minutes ago" becomes "6 minutes ago" while the page shows. */
static gboolean
update_history_when (gpointer  user_data)
{
  FanfareIdentifyPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->history_box, i)) != NULL; i++)
    update_when (GTK_WIDGET (row), now);

  return G_SOURCE_CONTINUE;
}

static void
mapped_cb (FanfareIdentifyPage *self)
{
  update_history_when (self);
  if (self->when_timeout == 0)
    self->when_timeout = g_timeout_add_seconds (60, update_history_when, self);
}

static void
unmapped_cb (FanfareIdentifyPage *self)
{
  g_clear_handle_id (&self->when_timeout, g_source_remove);
}

static void
update_listening (FanfareIdentifyPage *self)
{
  gboolean listening = fanfare_identifier_get_listening (self->identifier);

  adw_button_content_set_label (self->listen_content, listening ? _("_Stop") : _("_Listen"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->microphone_button), !listening);
  gtk_widget_set_sensitive (GTK_WIDGET (self->system_button), !listening);
  gtk_widget_set_sensitive (GTK_WIDGET (self->continuous_switch), !listening);
  if (listening)
    gtk_label_set_label (self->status_label, _("Listening…"));
}

/* Adding to a playlist and buying need the platform: a song found in the
 * local library's index has neither, nor has anyone signed out. */
static void
update_platform_actions (FanfareIdentifyPage *self)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = NULL;
  gboolean platform;

  if (FANFARE_IS_APPLICATION (app))
    client = fanfare_application_get_client (FANFARE_APPLICATION (app));
  platform = self->result != NULL && client != NULL && fanfare_client_get_signed_in (client) &&
             fanfare_track_get_source (self->result) == FANFARE_SOURCE_PLATFORM;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identify-page.add-to-playlist", platform);
  gtk_widget_set_visible (self->add_button, platform);
  if (platform && fanfare_track_get_album_id (self->result) != NULL)
    fanfare_buy_button_set_album (self->buy_button, client, fanfare_track_get_album_id (self->result),
                                  fanfare_track_get_album (self->result));
  else
    gtk_widget_set_visible (GTK_WIDGET (self->buy_button), FALSE);
}

static void
show_result (FanfareIdentifyPage *self,
             FanfareTrack        *track)
{
  g_set_object (&self->result, track);
  gtk_widget_set_visible (self->result_box, track != NULL);
  if (track == NULL)
    return;

  gtk_label_set_label (self->title_label, fanfare_track_get_title (track));
  gtk_label_set_label (self->artist_label, fanfare_track_get_artist (track));
  fanfare_cover_image_set_uri (self->cover, fanfare_track_get_cover_uri (track));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identify-page.open-album",
                                 fanfare_track_get_album_id (track) != NULL);
  update_platform_actions (self);
}

static void
identified_cb (FanfareIdentifyPage *self,
               FanfareTrack        *track,
               double               offset,
               double               confidence,
               double               at)
{
  g_autoptr(GError) error = NULL;

  show_result (self, track);
  gtk_label_set_label (self->status_label, fanfare_identifier_get_continuous (self->identifier)
                       ? _("Listening…") : _("Found it"));

  if (!fanfare_identify_history_add (self->history, track, self->history_path, &error))
    g_warning ("Cannot keep the identification history: %s", error->message);

  if (fanfare_identifier_get_continuous (self->identifier))
    {
      g_array_append_val (self->tracklist_starts, at);
      g_list_store_append (self->tracklist, track);
      gtk_widget_set_visible (self->tracklist_group, TRUE);
    }
}

static void
finished_cb (FanfareIdentifyPage *self,
             gboolean             found)
{
  if (!found)
    gtk_label_set_label (self->status_label, _("No song found. Try again closer to the music."));
  else if (fanfare_identifier_get_continuous (self->identifier))
    gtk_label_set_label (self->status_label, _("The music ended"));
}

static void
failed_cb (FanfareIdentifyPage *self,
           const GError        *error)
{
  gtk_label_set_label (self->status_label, error->message);
}

static void
fanfare_identify_page_source_toggled_cb (FanfareIdentifyPage *self)
{
  fanfare_identifier_set_source (self->identifier, gtk_toggle_button_get_active (self->microphone_button)
                                 ? FANFARE_IDENTIFY_SOURCE_MICROPHONE
                                 : FANFARE_IDENTIFY_SOURCE_SYSTEM);
}

static void
fanfare_identify_page_history_activated_cb (FanfareIdentifyPage *self,
                                            GtkListBoxRow       *row)
{
  g_autoptr(FanfareTrack) track = g_list_model_get_item (G_LIST_MODEL (self->history),
                                                         gtk_list_box_row_get_index (row));

  show_result (self, track);
}

/* The library's fingerprints as they are now, for songs the platform
 * cannot name. */
static void
use_local_index (FanfareIdentifyPage *self)
{
  GApplication *app = g_application_get_default ();
  FanfareLocalFingerprints *fingerprints;

  if (!FANFARE_IS_APPLICATION (app))
    return;
  fingerprints = fanfare_application_get_local_fingerprints (FANFARE_APPLICATION (app));
  if (fingerprints == NULL ||
      (self->index_generation == fanfare_local_fingerprints_get_generation (fingerprints) + 1))
    return;

  fanfare_identifier_set_local_index (self->identifier, fanfare_local_fingerprints_load_index (fingerprints),
                                      fanfare_local_fingerprints_lookup, fingerprints);
  self->index_generation = fanfare_local_fingerprints_get_generation (fingerprints) + 1;
}

static void
listen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (fanfare_identifier_get_listening (self->identifier))
    {
      fanfare_identifier_stop (self->identifier);
      gtk_label_set_label (self->status_label, "");
      return;
    }

  use_local_index (self);
  fanfare_identifier_set_continuous (self->identifier, gtk_switch_get_active (self->continuous_switch));
  if (fanfare_identifier_get_continuous (self->identifier))
    {
      g_list_store_remove_all (self->tracklist);
      g_array_set_size (self->tracklist_starts, 0);
      gtk_widget_set_visible (self->tracklist_group, FALSE);
    }
  if (!fanfare_identifier_start (self->identifier, &error))
    gtk_label_set_label (self->status_label, error->message);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (widget);
  GApplication *app = g_application_get_default ();

  if (self->result != NULL && FANFARE_IS_APPLICATION (app))
    fanfare_application_play_track (FANFARE_APPLICATION (app), self->result, FANFARE_PLAY_NOW);
}

static void
add_to_playlist_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (widget);

  if (self->result != NULL)
    fanfare_add_to_playlist (widget, self->result);
}

static void
open_album_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (widget);

  if (self->result != NULL)
    fanfare_navigate_album_of_track (widget, self->result);
}

static void
export_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    FanfareIdentifyPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *cue = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      cue = fanfare_cue_sheet_new (_("Identified Mix"), G_LIST_MODEL (self->tracklist), self->tracklist_starts);
      if (!g_file_replace_contents (file, cue, strlen (cue), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_debug ("Cannot save the tracklist: %s", error->message);
          gtk_label_set_label (self->status_label, _("The tracklist could not be saved"));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_cue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Tracklist"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("tracklist.cue"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
history_changed_cb (FanfareIdentifyPage *self)
{
  gtk_widget_set_visible (self->history_group, g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0);
}

static void
fanfare_identify_page_dispose (GObject *object)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (object);

  if (self->identifier != NULL)
    fanfare_identifier_stop (self->identifier);
  g_clear_handle_id (&self->when_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_IDENTIFY_PAGE);
  g_clear_object (&self->identifier);
  g_clear_object (&self->result);
  g_clear_object (&self->history);
  g_clear_object (&self->tracklist);

  G_OBJECT_CLASS (fanfare_identify_page_parent_class)->dispose (object);
}

static void
fanfare_identify_page_finalize (GObject *object)
{
  FanfareIdentifyPage *self = FANFARE_IDENTIFY_PAGE (object);

  g_clear_pointer (&self->tracklist_starts, g_array_unref);
  g_free (self->history_path);

  G_OBJECT_CLASS (fanfare_identify_page_parent_class)->finalize (object);
}

static void
fanfare_identify_page_class_init (FanfareIdentifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_identify_page_dispose;
  object_class->finalize = fanfare_identify_page_finalize;

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
  g_type_ensure (FANFARE_TYPE_BUY_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-identify-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, microphone_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, system_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, listen_content);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, level_bar);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, artist_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, buy_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, continuous_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, tracklist_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, tracklist_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareIdentifyPage, history_box);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_identify_page_source_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_identify_page_history_activated_cb);

  gtk_widget_class_install_action (widget_class, "identify-page.listen", NULL, listen_action);
  gtk_widget_class_install_action (widget_class, "identify-page.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "identify-page.open-album", NULL, open_album_action);
  gtk_widget_class_install_action (widget_class, "identify-page.add-to-playlist", NULL, add_to_playlist_action);
  gtk_widget_class_install_action (widget_class, "identify-page.export-cue", NULL, export_cue_action);
}

static void
fanfare_identify_page_init (FanfareIdentifyPage *self)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (FANFARE_IS_APPLICATION (app))
    client = fanfare_application_get_client (FANFARE_APPLICATION (app));
  self->identifier = fanfare_identifier_new (client);
  self->history_path = fanfare_identify_history_dup_path ();
  self->history = fanfare_identify_history_load (self->history_path);
  self->tracklist = g_list_store_new (FANFARE_TYPE_TRACK);
  self->tracklist_starts = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_list_box_bind_model (self->history_box, G_LIST_MODEL (self->history), create_history_row, NULL, NULL);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped_cb), NULL);
  gtk_list_box_bind_model (self->tracklist_box, G_LIST_MODEL (self->tracklist), create_track_row, self, NULL);
  g_signal_connect_object (self->history, "items-changed", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  history_changed_cb (self);

  g_object_bind_property (self->identifier, "listening", self->level_bar, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->identifier, "listening", self->progress_bar, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->identifier, "level", self->level_bar, "value", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->identifier, "progress", self->progress_bar, "fraction", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->identifier, "notify::listening", G_CALLBACK (update_listening), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->identifier, "identified", G_CALLBACK (identified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->identifier, "finished", G_CALLBACK (finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->identifier, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
  update_listening (self);
  gtk_label_set_label (self->status_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identify-page.open-album", FALSE);
}

/**
 * fanfare_identify_page_get_identifier:
 *
 * Returns: (transfer none): the engine that listens
 */
FanfareIdentifier *
fanfare_identify_page_get_identifier (FanfareIdentifyPage *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFY_PAGE (self), NULL);

  return self->identifier;
}

/**
 * fanfare_identify_page_get_result:
 *
 * Returns: (transfer none) (nullable): the track the result card shows
 */
FanfareTrack *
fanfare_identify_page_get_result (FanfareIdentifyPage *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFY_PAGE (self), NULL);

  return self->result;
}

/**
 * fanfare_identify_page_get_history:
 *
 * Returns: (transfer none) (element-type FanfareTrack): songs identified,
 *   newest first
 */
GListModel *
fanfare_identify_page_get_history (FanfareIdentifyPage *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFY_PAGE (self), NULL);

  return G_LIST_MODEL (self->history);
}

/**
 * fanfare_identify_page_get_tracklist:
 *
 * Returns: (transfer none) (element-type FanfareTrack): the tracks of the
 *   last continuous listen, in order
 */
GListModel *
fanfare_identify_page_get_tracklist (FanfareIdentifyPage *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFY_PAGE (self), NULL);

  return G_LIST_MODEL (self->tracklist);
}
