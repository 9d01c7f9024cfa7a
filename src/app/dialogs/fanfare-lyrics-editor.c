/* fanfare-lyrics-editor.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where an artist writes the lyrics of one of their tracks, with an
 * optional translation, and times them by tapping along: "Start Timing"
 * plays the track from its start, and each tap (the button, or Ctrl+T)
 * puts the time heard at the start of the next line of text. What is saved
 * is LRC that the platform's reader accepts; what it refuses is said in a
 * toast, with the line. Studio opens this dialog for a track. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fanfare-lyrics-editor.h"

struct _FanfareLyricsEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  GtkWidget       *save_button;
  GtkWidget       *tap_button;
  GtkLabel        *line_label;
  GtkTextView     *text_view;
  GtkTextView     *translation_view;

  /* Owned references */
  FanfareClient *client;
  FanfarePlayer *player;
  FanfareTrack  *track;
  GCancellable  *cancellable;

  /* State */
  guint tap_line;  /* the line, among those with text, the next tap times */
};

G_DEFINE_FINAL_TYPE (FanfareLyricsEditor, fanfare_lyrics_editor, ADW_TYPE_WINDOW)

/* Skips the times "[mm:ss.xx]" at the start of a line. */
static const char *
skip_times (const char *line)
{
  while (line[0] == '[' && g_ascii_isdigit (line[1]))
    {
      const char *end = strchr (line, ']');

      if (end == NULL)
        break;
      line = end + 1;
    }

  return line;
}

/**
 * fanfare_lyrics_stamp_line:
 * @text: lyrics, one line per line, timed or not
 * @line: which of the lines with text to time, from 0
 * @time: when it starts
 *
 * Returns: (transfer full) (nullable): @text with @line starting at @time
 *   (any time it had replaced), or %NULL when there is no such line
 */
char *
fanfare_lyrics_stamp_line (const char *text,
                           guint       line,
                           GTimeSpan   time)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gint64 ms = MAX (0, time) / G_TIME_SPAN_MILLISECOND;
  guint seen = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *rest = NULL;

      if (strspn (lines[i], " \t\r") == strlen (lines[i]))
        continue;
      if (seen++ != line)
        continue;

      rest = g_strdup (skip_times (lines[i]));
      g_free (lines[i]);
      lines[i] = g_strdup_printf ("[%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "]%s",
                                  ms / 60000, ms / 1000 % 60, ms % 1000 / 10, rest);
      return g_strjoinv ("\n", lines);
    }

  return NULL;
}

static char *
dup_buffer (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text of the line the next tap times, as a hint. */
static void
update_line_label (FanfareLyricsEditor *self)
{
  g_autofree char *text = dup_buffer (self->text_view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint seen = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (seen++ == self->tap_line)
        {
          g_autofree char *next = g_strdup_printf (_("Next: %s"), skip_times (lines[i]));

          gtk_label_set_label (self->line_label, next);
          return;
        }
    }
  gtk_label_set_label (self->line_label, _("Every line is timed"));
}

static void
start_timing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FanfareLyricsEditor *self = FANFARE_LYRICS_EDITOR (widget);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new ();

  self->tap_line = 0;
  g_ptr_array_add (tracks, self->track);
  fanfare_player_play_tracks (self->player, tracks, 0);
  fanfare_player_seek (self->player, 0);
  update_line_label (self);
}

static void
tap_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FanfareLyricsEditor *self = FANFARE_LYRICS_EDITOR (widget);
  g_autofree char *text = dup_buffer (self->text_view);
  g_autofree char *stamped = NULL;

  if (fanfare_player_get_current_track (self->player) != self->track)
    return;

  stamped = fanfare_lyrics_stamp_line (text, self->tap_line, fanfare_player_get_position (self->player));
  if (stamped == NULL)
    return;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), stamped, -1);
  self->tap_line++;
  update_line_label (self);
}

static void
toast_error (FanfareLyricsEditor *self,
             const char          *message)
{
  g_autofree char *title = g_strdup_printf (_("The lyrics cannot be saved: %s"), message);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareLyricsEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (!fanfare_client_set_lyrics_finish (FANFARE_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_error (self, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareLyricsEditor *self = FANFARE_LYRICS_EDITOR (widget);
  g_autofree char *text = dup_buffer (self->text_view);
  g_autofree char *translation = dup_buffer (self->translation_view);
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autoptr(FanfareLyrics) translated = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_translation = *g_strstrip (translation) != '\0';

  /* The platform's reader, here first: its answer is the same. */
  if ((lyrics = fanfare_lyrics_new_from_lrc (text, -1, &error)) == NULL ||
      (has_translation && ((translated = fanfare_lyrics_new_from_lrc (translation, -1, &error)) == NULL ||
                           !fanfare_lyrics_add_translation (lyrics, translated, &error))))
    {
      toast_error (self, error->message);
      return;
    }
  if (self->client == NULL)
    return;

  gtk_widget_set_sensitive (self->save_button, FALSE);
  fanfare_client_set_lyrics_async (self->client, fanfare_track_get_id (self->track), text,
                                   has_translation ? translation : NULL, NULL, self->cancellable, saved_cb,
                                   g_object_ref (self));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareLyricsEditor) self = user_data;
  g_autoptr(FanfareLyrics) lyrics = fanfare_client_get_lyrics_finish (FANFARE_CLIENT (object), result, NULL);
  g_autofree char *lrc = lyrics != NULL ? fanfare_lyrics_to_lrc (lyrics) : NULL;

  /* Nothing typed meanwhile: what the track has is the start. */
  if (lrc != NULL && gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->text_view)) == 0)
    fanfare_lyrics_editor_set_text (self, lrc);
}

static void
fanfare_lyrics_editor_dispose (GObject *object)
{
  FanfareLyricsEditor *self = FANFARE_LYRICS_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->player);
  g_clear_object (&self->track);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_LYRICS_EDITOR);

  G_OBJECT_CLASS (fanfare_lyrics_editor_parent_class)->dispose (object);
}

static void
fanfare_lyrics_editor_class_init (FanfareLyricsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_lyrics_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-lyrics-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsEditor, tap_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsEditor, line_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsEditor, translation_view);
  gtk_widget_class_install_action (widget_class, "lyrics.start-timing", NULL, start_timing_action);
  gtk_widget_class_install_action (widget_class, "lyrics.tap", NULL, tap_action);
  gtk_widget_class_install_action (widget_class, "lyrics.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "lyrics.tap", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fanfare_lyrics_editor_init (FanfareLyricsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * fanfare_lyrics_editor_new:
 * @parent: (nullable): the window it belongs to
 * @client: (nullable): the artist's client, to read and save the lyrics
 * @player: the player that plays @track while timing
 * @track: a track of the artist's
 *
 * Returns: (transfer full): a new editor; present it
 */
FanfareLyricsEditor *
fanfare_lyrics_editor_new (GtkWindow     *parent,
                           FanfareClient *client,
                           FanfarePlayer *player,
                           FanfareTrack  *track)
{
  FanfareLyricsEditor *self;

  g_return_val_if_fail (FANFARE_IS_PLAYER (player), NULL);
  g_return_val_if_fail (FANFARE_IS_TRACK (track), NULL);

  self = g_object_new (FANFARE_TYPE_LYRICS_EDITOR, "transient-for", parent, NULL);
  g_set_object (&self->client, client);
  g_set_object (&self->player, player);
  g_set_object (&self->track, track);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lyrics.save", client != NULL);
  update_line_label (self);

  if (client != NULL && fanfare_track_get_id (track) != NULL)
    fanfare_client_get_lyrics_async (client, fanfare_track_get_id (track), self->cancellable, loaded_cb,
                                     g_object_ref (self));

  return self;
}

void
fanfare_lyrics_editor_set_text (FanfareLyricsEditor *self,
                                const char          *lrc)
{
  g_return_if_fail (FANFARE_IS_LYRICS_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), lrc, -1);
  self->tap_line = 0;
  update_line_label (self);
}

/**
 * fanfare_lyrics_editor_dup_text:
 * @self: a #FanfareLyricsEditor
 *
 * Returns: (transfer full): the lyrics as written so far
 */
char *
fanfare_lyrics_editor_dup_text (FanfareLyricsEditor *self)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS_EDITOR (self), NULL);

  return dup_buffer (self->text_view);
}
