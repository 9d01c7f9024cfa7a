/* fanfare-lyrics.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an LRC text may be: a song's lyrics fit easily in both. */
#define FANFARE_LYRICS_MAX_BYTES (512 * 1024)
#define FANFARE_LYRICS_MAX_LINES 5000
/* The largest [offset:] tag accepted, in milliseconds either way. */
#define FANFARE_LYRICS_MAX_OFFSET_MS (60 * 60 * 1000)

#define FANFARE_TYPE_LYRICS (fanfare_lyrics_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLyrics, fanfare_lyrics, FANFARE, LYRICS, GObject);

FanfareLyrics *fanfare_lyrics_new_from_lrc (const char *data,
                                            gssize      length,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareLyrics *fanfare_lyrics_new_from_timed_lines (const GTimeSpan    *times,
                                                    const char * const *texts,
                                                    guint               n_lines,
                                                    GError            **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareLyrics *fanfare_lyrics_new_from_uslt (const guint8 *data,
                                             gsize         length,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareLyrics *fanfare_lyrics_new_from_sylt (const guint8 *data,
                                             gsize         length,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    fanfare_lyrics_add_translation (FanfareLyrics *self,
                                            FanfareLyrics *translation,
                                            GError       **error);
gboolean    fanfare_lyrics_is_synced (FanfareLyrics *self);
gboolean    fanfare_lyrics_is_enhanced (FanfareLyrics *self);
gboolean    fanfare_lyrics_has_translation (FanfareLyrics *self);
guint       fanfare_lyrics_get_n_lines (FanfareLyrics *self);
GTimeSpan   fanfare_lyrics_get_line_time (FanfareLyrics *self,
                                          guint          line);
const char *fanfare_lyrics_get_line_text (FanfareLyrics *self,
                                          guint          line);
const char *fanfare_lyrics_get_line_translation (FanfareLyrics *self,
                                                 guint          line);
guint       fanfare_lyrics_get_n_words (FanfareLyrics *self,
                                        guint          line);
GTimeSpan   fanfare_lyrics_get_word_time (FanfareLyrics *self,
                                          guint          line,
                                          guint          word);
void        fanfare_lyrics_get_word_range (FanfareLyrics *self,
                                           guint          line,
                                           guint          word,
                                           guint         *start,
                                           guint         *end);
int         fanfare_lyrics_find_line (FanfareLyrics *self,
                                      GTimeSpan      position);
int         fanfare_lyrics_find_word (FanfareLyrics *self,
                                      guint          line,
                                      GTimeSpan      position);
char       *fanfare_lyrics_to_text (FanfareLyrics *self) G_GNUC_WARN_UNUSED_RESULT;
char       *fanfare_lyrics_to_lrc (FanfareLyrics *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
