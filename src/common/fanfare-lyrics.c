/* fanfare-lyrics.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics, timed or not, read from LRC text.
 *
 * The reader is strict: it takes what the LRC convention writes and refuses
 * the rest with a GError naming the line, rather than guessing. It accepts
 * line times [mm:ss], [mm:ss.f] to [mm:ss.fff] (one or more before a line),
 * tags [key:value] on lines of their own, [offset:±ms], enhanced word times
 * <mm:ss.ff> inside a line, and a second line at the same time as the
 * translation of the first. Text without any line time is unsynced lyrics,
 * one line per line. A text that mixes timed and untimed lines, has a
 * minute field longer than three digits, seconds past 59, an offset beyond
 * an hour, is not UTF-8, or is larger than FANFARE_LYRICS_MAX_BYTES or
 * FANFARE_LYRICS_MAX_LINES is refused. */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-lyrics.h"

typedef struct
{
  GTimeSpan time;
  guint     start;
  guint     end;
} Word;

typedef struct
{
  GTimeSpan time;
  char     *text;
  char     *translation;
  GArray   *words;
  guint     order;
} Line;

struct _FanfareLyrics
{
  GObject parent_instance;

  /* Owned */
  GArray *lines;

  /* State */
  gboolean synced;
  gboolean enhanced;
  gboolean translated;
};

G_DEFINE_FINAL_TYPE (FanfareLyrics, fanfare_lyrics, G_TYPE_OBJECT)

static void
line_clear (gpointer  data)
{
  Line *line = data;

  g_clear_pointer (&line->text, g_free);
  g_clear_pointer (&line->translation, g_free);
  g_clear_pointer (&line->words, g_array_unref);
}

static gboolean
parse_digits (const char **p,
              guint        min,
              guint        max,
              guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  return n >= min && !g_ascii_isdigit (**p);
}

/* Reads "mm:ss", "mm:ss.f" .. "mm:ss.fff" followed by @close. */
static gboolean
parse_time (const char **p,
            char         close,
            GTimeSpan   *time)
{
  const char *s = *p;
  guint minutes, seconds, fraction = 0;
  guint digits;

  if (!parse_digits (&s, 1, 3, &minutes) || *s++ != ':')
    return FALSE;
  if (!parse_digits (&s, 2, 2, &seconds) || seconds > 59)
    return FALSE;
  if (*s == '.' || *s == ':')
    {
      const char *f = ++s;

      if (!parse_digits (&s, 1, 3, &fraction))
        return FALSE;
      for (digits = (guint) (s - f); digits < 3; digits++)
        fraction *= 10;
    }
  if (*s++ != close)
    return FALSE;

  *time = ((GTimeSpan) minutes * 60 + seconds) * G_TIME_SPAN_SECOND
          + (GTimeSpan) fraction * G_TIME_SPAN_MILLISECOND;
  *p = s;
  return TRUE;
}

static gboolean
fail (GError    **error,
      guint       number,
      const char *what)
{
  g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
               "Line %u of the lyrics: %s", number, what);
  return FALSE;
}

/* A tag line "[key:value]": keys are letters (and '#', for comments). */
static gboolean
parse_tag (const char *s,
           guint       number,
           GTimeSpan  *offset,
           GError    **error)
{
  const char *key = s + 1;
  const char *p = key;
  const char *end = s + strlen (s) - 1;

  while (g_ascii_isalpha (*p) || *p == '#')
    p++;
  if (p == key || *p != ':' || *end != ']')
    return fail (error, number, "not a time or a tag");

  if (p - key == 6 && g_ascii_strncasecmp (key, "offset", 6) == 0)
    {
      g_autofree char *value = g_strndup (p + 1, (gsize) (end - p - 1));
      gint64 ms;

      if (!g_ascii_string_to_signed (g_strstrip (value), 10,
                                     -FANFARE_LYRICS_MAX_OFFSET_MS,
                                     FANFARE_LYRICS_MAX_OFFSET_MS, &ms, NULL))
        return fail (error, number, "the offset is not a number of milliseconds within an hour");
      *offset = ms * G_TIME_SPAN_MILLISECOND;
    }

  return TRUE;
}

/* Splits a line's text at its word times "<mm:ss.ff>" into @line. */
static gboolean
parse_words (const char *text,
             Line       *line,
             guint       number,
             GError    **error)
{
  GString *plain = g_string_new (NULL);
  GTimeSpan last = line->time;
  const char *p = text;

  while (*p != '\0')
    {
      const char *tag = strchr (p, '<');
      const char *q;
      GTimeSpan time;

      if (tag == NULL || !g_ascii_isdigit (tag[1]))
        {
          if (tag != NULL && line->words != NULL)
            return g_string_free (plain, TRUE), fail (error, number, "a word time is malformed");
          g_string_append (plain, p);
          break;
        }

      q = tag + 1;
      if (!parse_time (&q, '>', &time))
        return g_string_free (plain, TRUE), fail (error, number, "a word time is malformed");
      if (time < last)
        return g_string_free (plain, TRUE), fail (error, number, "a word starts before the one before it");

      if (line->words == NULL)
        {
          /* Text before the first word time is sung from the line's time. */
          line->words = g_array_new (FALSE, FALSE, sizeof (Word));
          while (p < tag && g_ascii_isspace (*p))
            p++;
          if (tag > p)
            g_array_append_val (line->words, ((Word) { line->time, 0, 0 }));
        }
      if (tag > p)
        {
          g_string_append_len (plain, p, tag - p);
          g_array_index (line->words, Word, line->words->len - 1).end = (guint) plain->len;
        }
      g_array_append_val (line->words, ((Word) { time, (guint) plain->len, (guint) plain->len }));
      last = time;
      p = q;
    }

  if (line->words != NULL && line->words->len > 0)
    {
      Word *final = &g_array_index (line->words, Word, line->words->len - 1);

      final->end = (guint) plain->len;
    }
  {
    guint lead = 0;
    guint length;

    /* Strip the text, keeping the words' ranges on the same letters. */
    while (lead < plain->len && g_ascii_isspace (plain->str[lead]))
      lead++;
    g_string_erase (plain, 0, lead);
    line->text = g_strchomp (g_string_free (plain, FALSE));
    length = (guint) strlen (line->text);
    for (guint i = 0; line->words != NULL && i < line->words->len; i++)
      {
        Word *word = &g_array_index (line->words, Word, i);

        word->start = MIN (word->start - MIN (word->start, lead), length);
        word->end = MIN (word->end - MIN (word->end, lead), length);
      }
  }

  return TRUE;
}

static gboolean
add_timed_line (FanfareLyrics *self,
                GTimeSpan     *times,
                guint          n_times,
                const char    *text,
                guint          number,
                GError       **error)
{
  for (guint i = 0; i < n_times; i++)
    {
      Line line = { times[i], NULL, NULL, NULL, self->lines->len };

      if (!parse_words (text, &line, number, error))
        {
          line_clear (&line);
          return FALSE;
        }
      /* Without its word times, the text would read as a time. */
      if (line.text[0] == '[' && g_ascii_isdigit (line.text[1]))
        {
          line_clear (&line);
          return fail (error, number, "the text starts like a time");
        }
      if (line.words != NULL && n_times > 1)
        {
          line_clear (&line);
          return fail (error, number, "word times on a line that is sung more than once");
        }
      self->enhanced |= line.words != NULL;
      g_array_append_val (self->lines, line);
    }

  return TRUE;
}

static gboolean
parse_line (FanfareLyrics *self,
            const char    *s,
            guint          number,
            gboolean      *timed,
            GTimeSpan     *offset,
            GError       **error)
{
  GTimeSpan times[16];
  guint n_times = 0;
  const char *p = s;

  if (*s != '[')
    {
      Line line = { 0, g_strdup (s), NULL, NULL, self->lines->len };

      *timed = FALSE;
      g_array_append_val (self->lines, line);
      return TRUE;
    }

  while (*p == '[' && g_ascii_isdigit (p[1]))
    {
      const char *q = p + 1;

      if (!parse_time (&q, ']', &times[n_times]))
        return fail (error, number, "the time is malformed");
      if (++n_times == G_N_ELEMENTS (times))
        return fail (error, number, "too many times on one line");
      p = q;
      /* "[00:12.00] [00:40.00]" is two times: the text starts after them. */
      while (g_ascii_isspace (*p))
        p++;
    }

  if (n_times == 0)
    return parse_tag (s, number, offset, error);

  *timed = TRUE;
  return add_timed_line (self, times, n_times, p, number, error);
}

static int
compare_lines (gconstpointer  a,
               gconstpointer  b)
{
  const Line *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Two lines at the same time: the second is the first one's translation. */
static gboolean
fold_translations (FanfareLyrics *self,
                   GError       **error)
{
  guint kept = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);
      Line *before = kept > 0 ? &g_array_index (self->lines, Line, kept - 1) : NULL;

      if (before != NULL && before->time == line->time)
        {
          if (before->translation != NULL)
            {
              g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "More than two lines of the lyrics start at the same time");
              return FALSE;
            }
          before->translation = g_steal_pointer (&line->text);
          line_clear (line);
          self->translated = TRUE;
          continue;
        }
      if (kept != i)
        {
          g_array_index (self->lines, Line, kept) = *line;
          memset (line, 0, sizeof *line);
        }
      kept++;
    }
  g_array_set_size (self->lines, kept);

  return TRUE;
}

static void
apply_offset (FanfareLyrics *self,
              GTimeSpan      offset)
{
  /* A positive offset shows the lyrics earlier. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      line->time = MAX (0, line->time - offset);
      for (guint j = 0; line->words != NULL && j < line->words->len; j++)
        {
          Word *word = &g_array_index (line->words, Word, j);

          word->time = MAX (0, word->time - offset);
        }
    }
}

static void
fanfare_lyrics_finalize (GObject *object)
{
  FanfareLyrics *self = FANFARE_LYRICS (object);

  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (fanfare_lyrics_parent_class)->finalize (object);
}

static void
fanfare_lyrics_class_init (FanfareLyricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_lyrics_finalize;
}

static void
fanfare_lyrics_init (FanfareLyrics *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
}

static gboolean
check_text (const char *data,
            gsize       length,
            GError    **error)
{
  if (length > FANFARE_LYRICS_MAX_BYTES)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE,
                   "The lyrics are larger than %u bytes", FANFARE_LYRICS_MAX_BYTES);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The lyrics are not UTF-8 text");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_lyrics_new_from_lrc:
 * @data: LRC text, UTF-8
 * @length: the length of @data in bytes, or -1 if it ends with a NUL
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the lyrics, or %NULL with %FANFARE_ERROR_INVALID
 *   (or %FANFARE_ERROR_TOO_LARGE) set when @data is not strict LRC text
 */
FanfareLyrics *
fanfare_lyrics_new_from_lrc (const char *data,
                             gssize      length,
                             GError    **error)
{
  g_autoptr(FanfareLyrics) self = NULL;
  g_autofree char *copy = NULL;
  gboolean any_timed = FALSE, any_plain = FALSE;
  GTimeSpan offset = 0;
  guint number = 0;
  char *p;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strnlen (data, FANFARE_LYRICS_MAX_BYTES + 1);
  if (!check_text (data, (gsize) length, error))
    return NULL;

  self = g_object_new (FANFARE_TYPE_LYRICS, NULL);
  copy = g_strndup (data, (gsize) length);
  p = copy;

  while (p != NULL)
    {
      char *next = strpbrk (p, "\r\n");
      gboolean timed = FALSE;

      if (next != NULL)
        {
          if (next[0] == '\r' && next[1] == '\n')
            *next++ = '\0';
          *next++ = '\0';
        }
      number++;
      /* A byte order mark is no text, wherever an editor left it. */
      g_strstrip (p);
      while (g_str_has_prefix (p, "\xef\xbb\xbf"))
        g_strstrip (p += 3);
      if (*p != '\0')
        {
          if (self->lines->len >= FANFARE_LYRICS_MAX_LINES)
            {
              g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE,
                           "The lyrics have more than %u lines", FANFARE_LYRICS_MAX_LINES);
              return NULL;
            }
          if (!parse_line (self, p, number, &timed, &offset, error))
            return NULL;
          if (timed || *p == '[')
            any_timed |= timed;
          else
            any_plain = TRUE;
          if (any_timed && any_plain)
            return fail (error, number, "the lyrics mix timed lines and lines without a time"), NULL;
        }
      p = next;
    }

  self->synced = any_timed;
  if (self->synced)
    {
      g_array_sort (self->lines, compare_lines);
      if (!fold_translations (self, error))
        return NULL;
      apply_offset (self, offset);
    }

  return g_steal_pointer (&self);
}

/**
 * fanfare_lyrics_new_from_timed_lines:
 * @times: (array length=n_lines): when each line starts
 * @texts: (array length=n_lines): each line's text, UTF-8, without word times
 * @n_lines: how many lines
 * @error: return location for a #GError
 *
 * Makes synced lyrics from lines read elsewhere, such as the synced lyrics
 * frame of an ID3 tag. The same limits as for LRC apply; two lines at the
 * same time are a line and its translation.
 *
 * Returns: (transfer full) (nullable): the lyrics, or %NULL with @error set
 */
FanfareLyrics *
fanfare_lyrics_new_from_timed_lines (const GTimeSpan    *times,
                                     const char * const *texts,
                                     guint               n_lines,
                                     GError            **error)
{
  g_autoptr(FanfareLyrics) self = NULL;

  g_return_val_if_fail (n_lines == 0 || (times != NULL && texts != NULL), NULL);

  if (n_lines > FANFARE_LYRICS_MAX_LINES)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE,
                   "The lyrics have more than %u lines", FANFARE_LYRICS_MAX_LINES);
      return NULL;
    }

  self = g_object_new (FANFARE_TYPE_LYRICS, NULL);
  for (guint i = 0; i < n_lines; i++)
    {
      Line line = { times[i], NULL, NULL, NULL, i };

      if (times[i] < 0 || !g_utf8_validate (texts[i], -1, NULL))
        return fail (error, i + 1, "a line has no valid time or text"), NULL;
      line.text = g_strstrip (g_strdup (texts[i]));
      g_array_append_val (self->lines, line);
    }

  self->synced = TRUE;
  g_array_sort (self->lines, compare_lines);
  if (!fold_translations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_lyrics_add_translation:
 * @self: a #FanfareLyrics
 * @translation: the same lyrics in another language
 * @error: return location for a #GError
 *
 * Puts each line of @translation under the line of @self that starts at the
 * same time (or, for unsynced lyrics, that has the same number).
 *
 * Returns: %TRUE, or %FALSE with %FANFARE_ERROR_INVALID set when the two do
 *   not have the same lines
 */
gboolean
fanfare_lyrics_add_translation (FanfareLyrics *self,
                                FanfareLyrics *translation,
                                GError       **error)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), FALSE);
  g_return_val_if_fail (FANFARE_IS_LYRICS (translation), FALSE);

  if (translation->lines->len != self->lines->len || translation->synced != self->synced)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The translation does not have the same lines as the lyrics");
      return FALSE;
    }
  for (guint i = 0; i < self->lines->len; i++)
    if (g_array_index (self->lines, Line, i).time != g_array_index (translation->lines, Line, i).time)
      {
        g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                     "Line %u of the translation does not start with its lyrics", i + 1);
        return FALSE;
      }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      g_free (line->translation);
      line->translation = g_strdup (g_array_index (translation->lines, Line, i).text);
    }
  self->translated = TRUE;

  return TRUE;
}

gboolean
fanfare_lyrics_is_synced (FanfareLyrics *self)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), FALSE);

  return self->synced;
}

gboolean
fanfare_lyrics_is_enhanced (FanfareLyrics *self)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), FALSE);

  return self->enhanced;
}

gboolean
fanfare_lyrics_has_translation (FanfareLyrics *self)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), FALSE);

  return self->translated;
}

guint
fanfare_lyrics_get_n_lines (FanfareLyrics *self)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), 0);

  return self->lines->len;
}

static Line *
get_line (FanfareLyrics *self,
          guint          line)
{
  return &g_array_index (self->lines, Line, line);
}

GTimeSpan
fanfare_lyrics_get_line_time (FanfareLyrics *self,
                              guint          line)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), 0);
  g_return_val_if_fail (line < self->lines->len, 0);

  return get_line (self, line)->time;
}

const char *
fanfare_lyrics_get_line_text (FanfareLyrics *self,
                              guint          line)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return get_line (self, line)->text;
}

/**
 * fanfare_lyrics_get_line_translation:
 * @self: a #FanfareLyrics
 * @line: a line number, from 0
 *
 * Returns: (nullable): the translation of the line, if there is one
 */
const char *
fanfare_lyrics_get_line_translation (FanfareLyrics *self,
                                     guint          line)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return get_line (self, line)->translation;
}

guint
fanfare_lyrics_get_n_words (FanfareLyrics *self,
                            guint          line)
{
  GArray *words;

  g_return_val_if_fail (FANFARE_IS_LYRICS (self), 0);
  g_return_val_if_fail (line < self->lines->len, 0);

  words = get_line (self, line)->words;
  return words != NULL ? words->len : 0;
}

GTimeSpan
fanfare_lyrics_get_word_time (FanfareLyrics *self,
                              guint          line,
                              guint          word)
{
  g_return_val_if_fail (word < fanfare_lyrics_get_n_words (self, line), 0);

  return g_array_index (get_line (self, line)->words, Word, word).time;
}

/**
 * fanfare_lyrics_get_word_range:
 * @self: a #FanfareLyrics
 * @line: a line number
 * @word: a word number within @line
 * @start: (out): where the word starts in the line's text, in bytes
 * @end: (out): where it ends
 */
void
fanfare_lyrics_get_word_range (FanfareLyrics *self,
                               guint          line,
                               guint          word,
                               guint         *start,
                               guint         *end)
{
  const Word *w;

  g_return_if_fail (word < fanfare_lyrics_get_n_words (self, line));

  w = &g_array_index (get_line (self, line)->words, Word, word);
  *start = w->start;
  *end = w->end;
}

/* The last of @n times at or before @position, or -1. */
static int
find_time (const void *items,
           gsize       stride,
           guint       n,
           GTimeSpan   position)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      GTimeSpan time = *(const GTimeSpan *) ((const char *) items + mid * stride);

      if (time <= position)
        low = mid + 1;
      else
        high = mid;
    }

  return (int) low - 1;
}

/**
 * fanfare_lyrics_find_line:
 * @self: a #FanfareLyrics
 * @position: a position in the track
 *
 * Returns: the line sung at @position, or -1 before the first line or when
 *   the lyrics are not synced
 */
int
fanfare_lyrics_find_line (FanfareLyrics *self,
                          GTimeSpan      position)
{
  g_return_val_if_fail (FANFARE_IS_LYRICS (self), -1);

  if (!self->synced)
    return -1;

  return find_time (self->lines->data, sizeof (Line), self->lines->len, position);
}

int
fanfare_lyrics_find_word (FanfareLyrics *self,
                          guint          line,
                          GTimeSpan      position)
{
  GArray *words;

  g_return_val_if_fail (FANFARE_IS_LYRICS (self), -1);
  g_return_val_if_fail (line < self->lines->len, -1);

  words = get_line (self, line)->words;
  if (words == NULL)
    return -1;

  return find_time (words->data, sizeof (Word), words->len, position);
}

/**
 * fanfare_lyrics_to_text:
 * @self: a #FanfareLyrics
 *
 * Returns: (transfer full): the lyrics as plain text, one line per line
 */
char *
fanfare_lyrics_to_text (FanfareLyrics *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (FANFARE_IS_LYRICS (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, get_line (self, i)->text);
    }

  return g_string_free (text, FALSE);
}

static void
append_time (GString   *lrc,
             char       open,
             char       close,
             GTimeSpan  time)
{
  gint64 ms = time / G_TIME_SPAN_MILLISECOND;

  if (ms % 10 == 0)
    g_string_append_printf (lrc, "%c%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%c",
                            open, ms / 60000, ms / 1000 % 60, ms % 1000 / 10, close);
  else
    g_string_append_printf (lrc, "%c%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ".%03" G_GINT64_FORMAT "%c",
                            open, ms / 60000, ms / 1000 % 60, ms % 1000, close);
}

static void
append_line (GString    *lrc,
             const Line *line,
             gboolean    synced)
{
  if (synced)
    append_time (lrc, '[', ']', line->time);
  if (line->words == NULL)
    {
      g_string_append (lrc, line->text);
      return;
    }
  for (guint i = 0; i < line->words->len; i++)
    {
      const Word *word = &g_array_index (line->words, Word, i);

      append_time (lrc, '<', '>', word->time);
      g_string_append_len (lrc, line->text + word->start, word->end - word->start);
    }
}

/**
 * fanfare_lyrics_to_lrc:
 * @self: a #FanfareLyrics
 *
 * Returns: (transfer full): @self as LRC text that reads back the same; a
 *   translation follows its line at the same time
 */
char *
fanfare_lyrics_to_lrc (FanfareLyrics *self)
{
  GString *lrc = g_string_new (NULL);

  g_return_val_if_fail (FANFARE_IS_LYRICS (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = get_line (self, i);

      append_line (lrc, line, self->synced);
      g_string_append_c (lrc, '\n');
      if (line->translation != NULL && self->synced)
        {
          append_time (lrc, '[', ']', line->time);
          g_string_append_printf (lrc, "%s\n", line->translation);
        }
    }

  return g_string_free (lrc, FALSE);
}
