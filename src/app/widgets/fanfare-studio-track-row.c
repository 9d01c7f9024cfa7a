/* fanfare-studio-track-row.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A track of an album in the Studio: its title, editable; its waveform,
 * drawn from the peaks the server computed as it ingested it; its disc;
 * its kind (song, audiobook, DJ mix), and for an audiobook or a DJ mix a
 * button to its chapters or tracklist; a button to move it up. Each edit
 * goes to the server at once; "edited" says the server took it, and
 * "move-up" asks the album to put the track one place up. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-studio-call.h"
#include "fanfare-studio-chapters.h"
#include "fanfare-studio-chart.h"
#include "fanfare-studio-track-row.h"

struct _FanfareStudioTrackRow
{
  AdwEntryRow parent_instance;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;

  /* State */
  char    *track_id;
  char    *title;
  gboolean dj_mix;
};

G_DEFINE_FINAL_TYPE (FanfareStudioTrackRow, fanfare_studio_track_row, ADW_TYPE_ENTRY_ROW)

enum {
  EDITED,
  MOVE_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kinds[] = { "song", "audiobook", "dj_mix" };

static void
edited_answer (gpointer      data,
               JsonObject   *json,
               const GError *error)
{
  g_autoptr(FanfareStudioTrackRow) self = data;

  if (json == NULL)
    fanfare_studio_toast (GTK_WIDGET (self), error->message);
  else
    g_signal_emit (self, signals[EDITED], 0);
}

/* Sets one member of the track: @value, a string, or @number when it is NULL. */
static void
edit (FanfareStudioTrackRow *self,
      const char            *name,
      const char            *value,
      gint64                 number)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/tracks/", self->track_id, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_int_value (builder, number);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* An edit outlives its row: the album may be shown again, with new rows,
   * before the server answers, and the answer must still say the album
   * changed, or the new rows would show the track as it was. */
  fanfare_studio_call (self->client, "PATCH", path, body, NULL, edited_answer, g_object_ref (self));
}

static void
title_applied_cb (FanfareStudioTrackRow *self)
{
  edit (self, "title", gtk_editable_get_text (GTK_EDITABLE (self)), 0);
}

static void
kind_cb (GtkDropDown           *dropdown,
         GParamSpec            *pspec,
         FanfareStudioTrackRow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < G_N_ELEMENTS (kinds))
    edit (self, "kind", kinds[selected], 0);
}

static void
disc_cb (GtkSpinButton         *spin,
         FanfareStudioTrackRow *self)
{
  edit (self, "disc_number", NULL, gtk_spin_button_get_value_as_int (spin));
}

static void
move_up_cb (FanfareStudioTrackRow *self)
{
  g_signal_emit (self, signals[MOVE_UP], 0);
}

/* Opens the editor of an audiobook's chapters or a DJ mix's tracklist. */
static void
chapters_cb (FanfareStudioTrackRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor = fanfare_studio_chapters_new (self->client, self->track_id, self->title, self->dj_mix);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
waveform_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FanfareStudioChart) chart = user_data;
  g_autoptr(JsonObject) json = fanfare_client_studio_call_finish (FANFARE_CLIENT (object), result, NULL);
  JsonArray *peaks = json != NULL ? json_object_get_array_member (json, "peaks") : NULL;
  g_autofree double *values = NULL;
  guint n;

  if (peaks == NULL)
    return;

  n = json_array_get_length (peaks);
  values = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    values[i] = json_array_get_int_element (peaks, i);
  fanfare_studio_chart_set_values (chart, values, n);
}

static GtkWidget *
waveform (FanfareStudioTrackRow *self)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/tracks/", self->track_id, "/waveform", NULL);
  GtkWidget *chart = fanfare_studio_chart_new ();

  fanfare_studio_chart_set_mirrored (FANFARE_STUDIO_CHART (chart), TRUE);
  gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (chart, "waveform");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Waveform"), -1);
  fanfare_client_studio_call_async (self->client, "GET", path, NULL, self->cancellable, waveform_done_cb,
                                    g_object_ref (chart));

  return chart;
}

static GtkWidget *
disc_button (FanfareStudioTrackRow *self,
             JsonObject            *track)
{
  GtkWidget *disc = gtk_spin_button_new_with_range (1, 99, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (disc),
                             MAX (json_object_get_int_member_with_default (track, "disc_number", 1), 1));
  gtk_editable_set_width_chars (GTK_EDITABLE (disc), 2);
  gtk_widget_set_valign (disc, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (disc, _("Disc number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (disc), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Disc number"), -1);
  gtk_widget_add_css_class (disc, "disc");
  g_signal_connect_object (disc, "value-changed", G_CALLBACK (disc_cb), self, 0);

  return disc;
}

static GtkWidget *
kind_dropdown (FanfareStudioTrackRow *self,
               const char            *kind)
{
  const char * const kind_names[] = { _("Song"), _("Audiobook"), _("DJ Mix"), NULL };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (kind_names);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Kind of track"));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (kind_cb), self, 0);

  return dropdown;
}

static void
fanfare_studio_track_row_dispose (GObject *object)
{
  FanfareStudioTrackRow *self = FANFARE_STUDIO_TRACK_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_studio_track_row_parent_class)->dispose (object);
}

static void
fanfare_studio_track_row_finalize (GObject *object)
{
  FanfareStudioTrackRow *self = FANFARE_STUDIO_TRACK_ROW (object);

  g_clear_object (&self->cancellable);
  g_free (self->track_id);
  g_free (self->title);

  G_OBJECT_CLASS (fanfare_studio_track_row_parent_class)->finalize (object);
}

static void
fanfare_studio_track_row_class_init (FanfareStudioTrackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_studio_track_row_dispose;
  object_class->finalize = fanfare_studio_track_row_finalize;

  /* The server took an edit of the track. */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The artist asks for the track one place up in its album. */
  signals[MOVE_UP] =
    g_signal_new ("move-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fanfare_studio_track_row_init (FanfareStudioTrackRow *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * fanfare_studio_track_row_new:
 * @track: the track as the studio's API gives it
 * @first: whether it is the album's first, which cannot move up
 *
 * Returns: (transfer floating): a row editing @track
 */
GtkWidget *
fanfare_studio_track_row_new (FanfareClient *client,
                              JsonObject    *track,
                              gboolean       first)
{
  FanfareStudioTrackRow *self;
  const char *kind;
  GtkWidget *up;
  g_autofree char *number = NULL;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (track != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_STUDIO_TRACK_ROW, NULL);
  self->client = g_object_ref (client);
  self->track_id = g_strdup (fanfare_studio_text_of (track, "id"));
  self->title = g_strdup (fanfare_studio_text_of (track, "title"));
  kind = fanfare_studio_text_of (track, "kind");
  self->dj_mix = g_str_equal (kind, "dj_mix");

  number = g_strdup_printf ("%d", (int) json_object_get_int_member (track, "track_number"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), number);
  gtk_editable_set_text (GTK_EDITABLE (self), self->title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
  g_signal_connect (self, "apply", G_CALLBACK (title_applied_cb), NULL);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), waveform (self));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), disc_button (self, track));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), kind_dropdown (self, kind));

  if (!g_str_equal (kind, "song"))
    {
      GtkWidget *chapters = gtk_button_new_with_label (self->dj_mix ? _("Tracklist…") : _("Chapters…"));

      gtk_widget_set_valign (chapters, GTK_ALIGN_CENTER);
      g_signal_connect_object (chapters, "clicked", G_CALLBACK (chapters_cb), self, G_CONNECT_SWAPPED);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), chapters);
    }

  up = gtk_button_new_from_icon_name ("go-up-symbolic");
  gtk_widget_set_valign (up, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (up, _("Move Up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move Up"), -1);
  gtk_widget_set_sensitive (up, !first);
  gtk_widget_add_css_class (up, "flat");
  g_signal_connect_object (up, "clicked", G_CALLBACK (move_up_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), up);

  return GTK_WIDGET (self);
}

const char *
fanfare_studio_track_row_get_track_id (FanfareStudioTrackRow *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_TRACK_ROW (self), NULL);

  return self->track_id;
}
