/* fanfare-lyrics-view.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lyrics of the track playing. Synced lyrics follow the music: the
 * line sung is highlighted and kept in the middle of the view, the lines
 * already sung are dimmed, the translation stands under each line, and a
 * click on a line seeks there. With word times the words are lit one by
 * one. Unsynced lyrics are plain text that scrolls by hand. */

#include "config.h"

#include "fanfare-lyrics-view.h"

struct _FanfareLyricsView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkListBox        *list;

  /* Owned references */
  FanfarePlayer *player;
  GSignalGroup  *player_signals;
  FanfareLyrics *lyrics;

  /* State */
  int current;
  int current_word;
};

G_DEFINE_FINAL_TYPE (FanfareLyricsView, fanfare_lyrics_view, GTK_TYPE_WIDGET)

static GtkWidget *
make_row (FanfareLyrics * lyrics,
          guint line)
{
  const char *translation = fanfare_lyrics_get_line_translation (lyrics, line);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (fanfare_lyrics_get_line_text (lyrics, line));

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (text, "lyrics-line");
  gtk_box_append (GTK_BOX (box), text);
  if (translation != NULL && *translation != '\0')
    {
      GtkWidget *under = gtk_label_new (translation);

      gtk_label_set_wrap (GTK_LABEL (under), TRUE);
      gtk_label_set_justify (GTK_LABEL (under), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (under, "lyrics-translation");
      gtk_box_append (GTK_BOX (box), under);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), fanfare_lyrics_is_synced (lyrics));
  gtk_widget_set_focusable (row, fanfare_lyrics_is_synced (lyrics));
  return row;
}

static GtkLabel *
row_label (GtkListBoxRow *row)
{
  return GTK_LABEL (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));
}

/* The words sung so far, lit; the rest as the line is. */
static void
light_words (FanfareLyricsView *self,
             GtkListBoxRow     *row,
             guint              line,
             int                word)
{
  const char *text = fanfare_lyrics_get_line_text (self->lyrics, line);
  g_autofree char *sung = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *markup = NULL;
  guint start, end = 0;

  if (word >= 0)
    fanfare_lyrics_get_word_range (self->lyrics, line, (guint) word, &start, &end);
  sung = g_markup_escape_text (text, end);
  rest = g_markup_escape_text (text + end, -1);
  markup = g_strdup_printf ("%s<span alpha=\"55%%\">%s</span>", sung, rest);
  gtk_label_set_markup (row_label (row), markup);
}

static void
scroll_to_row (FanfareLyricsView *self,
               GtkWidget         *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double x, y, target;

  if (!gtk_widget_translate_coordinates (row, GTK_WIDGET (self->list), 0, 0, &x, &y))
    return;

  /* The line sung stays in the middle of the view. */
  target = y + gtk_widget_get_height (row) / 2.0 - gtk_adjustment_get_page_size (adjustment) / 2.0;
  gtk_adjustment_set_value (adjustment, target);
}

static void
set_current (FanfareLyricsView *self,
             int                line,
             int                word)
{
  GtkListBoxRow *row;

  if (line == self->current && word == self->current_word)
    return;

  for (int i = MAX (0, MIN (line, self->current)); i <= MAX (line, self->current); i++)
    {
      row = gtk_list_box_get_row_at_index (self->list, i);
      if (row == NULL)
        continue;
      if (i == line)
        gtk_widget_add_css_class (GTK_WIDGET (row), "current");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "current");
      if (i < line)
        gtk_widget_add_css_class (GTK_WIDGET (row), "sung");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "sung");
      /* A line left behind shows plain again. */
      if (i == self->current && i != line && fanfare_lyrics_get_n_words (self->lyrics, i) > 0)
        gtk_label_set_text (row_label (row), fanfare_lyrics_get_line_text (self->lyrics, i));
    }

  row = line >= 0 ? gtk_list_box_get_row_at_index (self->list, line) : NULL;
  if (row != NULL && fanfare_lyrics_get_n_words (self->lyrics, line) > 0)
    light_words (self, row, line, word);
  if (row != NULL && line != self->current)
    scroll_to_row (self, GTK_WIDGET (row));

  self->current = line;
  self->current_word = word;
}

static void
position_cb (FanfareLyricsView *self)
{
  GTimeSpan position;
  int line;

  if (self->lyrics == NULL || !fanfare_lyrics_is_synced (self->lyrics))
    return;

  position = fanfare_player_get_position (self->player);
  line = fanfare_lyrics_find_line (self->lyrics, position);
  set_current (self, line, line >= 0 ? fanfare_lyrics_find_word (self->lyrics, line, position) : -1);
}

static void
lyrics_cb (FanfareLyricsView *self)
{
  FanfareLyrics *lyrics = self->player != NULL ? fanfare_player_get_lyrics (self->player) : NULL;
  GtkWidget *child;

  g_set_object (&self->lyrics, lyrics);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->current = -1;
  self->current_word = -1;

  gtk_stack_set_visible_child_name (self->stack, lyrics != NULL ? "lyrics" : "empty");
  if (lyrics == NULL)
    return;

  for (guint i = 0; i < fanfare_lyrics_get_n_lines (lyrics); i++)
    gtk_list_box_append (self->list, make_row (lyrics, i));
  if (fanfare_lyrics_is_synced (lyrics))
    gtk_widget_add_css_class (GTK_WIDGET (self->list), "synced");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->list), "synced");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  position_cb (self);
}

static void
fanfare_lyrics_view_row_activated_cb (FanfareLyricsView *self,
                                      GtkListBoxRow     *row)
{
  g_assert (FANFARE_IS_LYRICS_VIEW (self));

  if (self->lyrics == NULL || !fanfare_lyrics_is_synced (self->lyrics))
    return;

  fanfare_player_seek (self->player,
                       fanfare_lyrics_get_line_time (self->lyrics, (guint) gtk_list_box_row_get_index (row)));
}

static void
fanfare_lyrics_view_dispose (GObject *object)
{
  FanfareLyricsView *self = FANFARE_LYRICS_VIEW (object);

  g_clear_object (&self->player_signals);
  g_clear_object (&self->player);
  g_clear_object (&self->lyrics);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_LYRICS_VIEW);

  G_OBJECT_CLASS (fanfare_lyrics_view_parent_class)->dispose (object);
}

static void
fanfare_lyrics_view_class_init (FanfareLyricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_lyrics_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-lyrics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FanfareLyricsView, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_lyrics_view_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lyricsview");
}

static void
fanfare_lyrics_view_init (FanfareLyricsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current = -1;
  self->current_word = -1;
  self->player_signals = g_signal_group_new (FANFARE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::lyrics", G_CALLBACK (lyrics_cb), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::position", G_CALLBACK (position_cb), self);
  g_signal_group_connect_swapped (self->player_signals, "seeked", G_CALLBACK (position_cb), self);
}

/**
 * fanfare_lyrics_view_set_player:
 * @self: a #FanfareLyricsView
 * @player: (nullable): the player whose lyrics to show
 */
void
fanfare_lyrics_view_set_player (FanfareLyricsView *self,
                                FanfarePlayer     *player)
{
  g_return_if_fail (FANFARE_IS_LYRICS_VIEW (self));

  if (!g_set_object (&self->player, player))
    return;

  g_signal_group_set_target (self->player_signals, player);
  lyrics_cb (self);
}

/**
 * fanfare_lyrics_view_get_current_line:
 * @self: a #FanfareLyricsView
 *
 * Returns: the line highlighted, or -1
 */
int
fanfare_lyrics_view_get_current_line (FanfareLyricsView *self)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS_VIEW (self), -1);

  return self->current;
}
