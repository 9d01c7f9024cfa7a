/* fanfare-studio-chapters.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editor of an audiobook's chapters or a DJ mix's tracklist: one line
 * each, its start then its title ("1:02:03 The Storm"), in a mix "Artist -
 * Title". It shows what the server has, and sends the lines back whole,
 * or names the first line it cannot read. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fanfare-studio-chapters.h"

struct _FanfareStudioChapters
{
  AdwWindow parent_instance;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;
  GtkTextView   *text_view;
  GtkLabel      *error_label;
  char          *track_id;
  char          *text;

  /* State */
  gboolean dj_mix;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (FanfareStudioChapters, fanfare_studio_chapters, ADW_TYPE_WINDOW)

/* "H:MM:SS", "M:SS" or "SS", the seconds perhaps with a fraction. */
static gboolean
parse_time (const char *text,
            gint64     *ms)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  const char *last;
  gint64 whole = 0;
  char *end = NULL;
  double seconds;

  if (n == 0 || n > 3)
    return FALSE;

  for (guint i = 0; i + 1 < n; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, i == 0 ? G_MAXINT : 59, &value, NULL))
        return FALSE;
      whole = whole * 60 + (gint64) value;
    }

  last = parts[n - 1];
  if (!g_ascii_isdigit (last[0]))
    return FALSE;
  seconds = g_ascii_strtod (last, &end);
  if (*end != '\0' || (n > 1 && seconds >= 60))
    return FALSE;

  *ms = whole * 60000 + (gint64) (seconds * 1000 + 0.5);

  return TRUE;
}

static char *
format_time (gint64  ms)
{
  gint64 seconds = ms / 1000;
  int rest = ms % 1000;
  g_autofree char *fraction = rest != 0 ? g_strdup_printf (".%03d", rest) : g_strdup ("");

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d%s", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60),
                            fraction);

  return g_strdup_printf ("%d:%02d%s", (int) (seconds / 60), (int) (seconds % 60), fraction);
}

/**
 * fanfare_studio_chapters_parse:
 * @bad_line: (out): the first line that is not "TIME TITLE", from 1
 *
 * Returns: (transfer full) (nullable): the `chapters` array the server
 *   takes, or %NULL
 */
JsonNode *
fanfare_studio_chapters_parse (const char *text,
                               gboolean    dj_mix,
                               guint      *bad_line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  *bad_line = 0;
  json_builder_begin_array (builder);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      const char *space = strchr (line, ' ');
      g_autofree char *time = NULL;
      g_autofree char *name = NULL;
      const char *separator;
      gint64 start_ms;

      if (line[0] == '\0')
        continue;

      time = space != NULL ? g_strndup (line, space - line) : NULL;
      name = space != NULL ? g_strstrip (g_strdup (space)) : NULL;
      if (time == NULL || name[0] == '\0' || !parse_time (time, &start_ms))
        {
          *bad_line = i + 1;
          return NULL;
        }

      json_builder_begin_object (builder);
      separator = dj_mix ? strstr (name, " - ") : NULL;
      if (separator != NULL)
        {
          g_autofree char *artist = g_strndup (name, separator - name);

          json_builder_set_member_name (builder, "artist");
          json_builder_add_string_value (builder, artist);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, separator + 3);
        }
      else
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, name);
        }
      json_builder_set_member_name (builder, "start_ms");
      json_builder_add_int_value (builder, start_ms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
show_chapters (FanfareStudioChapters *self,
               JsonObject            *json)
{
  JsonArray *chapters = json_object_has_member (json, "chapters") ? json_object_get_array_member (json, "chapters")
                                                                   : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; chapters != NULL && i < json_array_get_length (chapters); i++)
    {
      JsonObject *chapter = json_array_get_object_element (chapters, i);
      const char *artist = json_object_get_string_member_with_default (chapter, "artist", NULL);
      g_autofree char *start = format_time (json_object_get_int_member_with_default (chapter, "start_ms", 0));

      g_string_append_printf (text, "%s %s%s%s\n", start, artist != NULL && *artist ? artist : "",
                              artist != NULL && *artist ? " - " : "",
                              json_object_get_string_member_with_default (chapter, "title", ""));
    }
  fanfare_studio_chapters_set_text (self, text->str);
}

/* The server's answer: to the first call, the chapters it has, which the
 * editor shows; to a save, that it has them, and the editor closes. */
static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareStudioChapters) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = fanfare_client_studio_call_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (json == NULL)
    gtk_label_set_text (self->error_label, error->message);
  else if (self->loaded)
    gtk_window_close (GTK_WINDOW (self));
  else
    show_chapters (self, json);
  self->loaded = TRUE;
}

/**
 * fanfare_studio_chapters_save:
 *
 * Sends the lines to the server, and closes once it has them.
 */
void
fanfare_studio_chapters_save (FanfareStudioChapters *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  JsonNode *chapters;
  guint bad_line;

  g_return_if_fail (FANFARE_IS_STUDIO_CHAPTERS (self));

  chapters = fanfare_studio_chapters_parse (fanfare_studio_chapters_get_text (self), self->dj_mix, &bad_line);
  if (chapters == NULL)
    {
      /* Translators: a line of the chapters that does not start with a time */
      g_autofree char *message = g_strdup_printf (_("Line %u is not a time then a title, such as “1:02:03 The Storm”"),
                                                  bad_line);

      gtk_label_set_text (self->error_label, message);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chapters");
  json_builder_add_value (builder, chapters);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strconcat ("/api/v1/studio/tracks/", self->track_id, "/chapters", NULL);
  gtk_label_set_text (self->error_label, "");
  fanfare_client_studio_call_async (self->client, "PUT", path, body, self->cancellable, answered_cb,
                                    g_object_ref (self));
}

void
fanfare_studio_chapters_set_text (FanfareStudioChapters *self,
                                  const char            *text)
{
  g_return_if_fail (FANFARE_IS_STUDIO_CHAPTERS (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/**
 * fanfare_studio_chapters_get_text:
 *
 * Returns: the lines as they stand, valid until the next call
 */
const char *
fanfare_studio_chapters_get_text (FanfareStudioChapters *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (FANFARE_IS_STUDIO_CHAPTERS (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->text);
  self->text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return self->text;
}

gboolean
fanfare_studio_chapters_is_loaded (FanfareStudioChapters *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_CHAPTERS (self), FALSE);

  return self->loaded;
}

static void
fanfare_studio_chapters_dispose (GObject *object)
{
  FanfareStudioChapters *self = FANFARE_STUDIO_CHAPTERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_studio_chapters_parent_class)->dispose (object);
}

static void
fanfare_studio_chapters_finalize (GObject *object)
{
  FanfareStudioChapters *self = FANFARE_STUDIO_CHAPTERS (object);

  g_clear_object (&self->cancellable);
  g_free (self->track_id);
  g_free (self->text);

  G_OBJECT_CLASS (fanfare_studio_chapters_parent_class)->finalize (object);
}

static void
fanfare_studio_chapters_class_init (FanfareStudioChaptersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_studio_chapters_dispose;
  object_class->finalize = fanfare_studio_chapters_finalize;
}

static void
fanfare_studio_chapters_init (FanfareStudioChapters *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * fanfare_studio_chapters_new:
 * @dj_mix: whether the lines name a tracklist's artists
 *
 * Returns: (transfer floating): the editor of the track's chapters, which
 *   loads them from the server
 */
GtkWidget *
fanfare_studio_chapters_new (FanfareClient *client,
                             const char    *track_id,
                             const char    *track_title,
                             gboolean       dj_mix)
{
  FanfareStudioChapters *self = g_object_new (FANFARE_TYPE_STUDIO_CHAPTERS,
                                              "default-width", 520,
                                              "default-height", 480,
                                              "modal", TRUE,
                                              NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (dj_mix ? _("Tracklist") : _("Chapters"), track_title);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *hint = gtk_label_new (dj_mix ? _("One track a line: its start, then “Artist - Title”, such as “12:30 Nadia - Tides”.")
                                          : _("One chapter a line: its start, then its title, such as “1:02:03 The Storm”."));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *path = g_strconcat ("/api/v1/tracks/", track_id, NULL);

  self->client = g_object_ref (client);
  self->track_id = g_strdup (track_id);
  self->dj_mix = dj_mix;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (fanfare_studio_chapters_save), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (content), hint);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_monospace (self->text_view, TRUE);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dj_mix ? _("Tracklist") : _("Chapters"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (content), scrolled);

  self->error_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  fanfare_client_studio_call_async (client, "GET", path, NULL, self->cancellable, answered_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}
