/* fanfare-test-library.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "fanfare-library-writer.h"
#include "fanfare-library.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

typedef enum {
  FANFARE_TEST_MP3,
  FANFARE_TEST_FLAC,
  FANFARE_TEST_OGG,
  FANFARE_TEST_OPUS,
  FANFARE_TEST_M4A,
  FANFARE_TEST_N_FORMATS,
  /* Formats whose encoders write fewer tags than the library reads, or
   * none: not among the N that every format test goes through. */
  FANFARE_TEST_WAV = FANFARE_TEST_N_FORMATS,
  FANFARE_TEST_AIFF,
  FANFARE_TEST_WAVPACK,
  FANFARE_TEST_MKA,
  FANFARE_TEST_WEBM,
} FanfareTestFormat;

/* A folder tree of the test's own: the XDG folders point into it, and the
 * Music folder is root/Music. */
typedef struct {
  char *root;
  char *music;
  char *db_path;
  char *cover_dir;
} FanfareTestHome;

const char     *fanfare_test_format_extension (FanfareTestFormat  format);
void            fanfare_test_write_audio (const char        *path,
                                          FanfareTestFormat  format,
                                          GstTagList        *tags);
void            fanfare_test_write_audio_with_toc (const char        *path,
                                                   FanfareTestFormat  format,
                                                   GstTagList        *tags,
                                                   GstToc            *toc);
GstToc         *fanfare_test_toc_new (const char * const *titles);
void            fanfare_test_write_absurd_mp3 (const char *path);
GstTagList     *fanfare_test_tags_new (const char *title,
                                       const char *artist,
                                       const char *album,
                                       guint       track_number);
GBytes         *fanfare_test_image_new (int         width,
                                        int         height,
                                        guint32     rgb,
                                        const char *type);
void            fanfare_test_home_init (FanfareTestHome *home);
void            fanfare_test_home_clear (FanfareTestHome *home);
char           *fanfare_test_music_path (FanfareTestHome *home,
                                         const char      *relative);
FanfareLibrary *fanfare_test_library_open (FanfareTestHome *home,
                                           GSettings       *settings);
void            fanfare_test_library_scan (FanfareLibrary *library);
void            fanfare_test_assert_finalized (gpointer  object);
void            fanfare_test_wait_idle (FanfareLibrary *library);
void            fanfare_test_async_result_cb (GObject      *object,
                                              GAsyncResult *result,
                                              gpointer      user_data);
gboolean        fanfare_test_result_ready (gpointer  data);
void            fanfare_test_wait_loaded (FanfareLibraryModel *model);
void            fanfare_test_wait_n_items (FanfareLibraryModel *model,
                                           guint                n_items);
gboolean        fanfare_test_wait_until (gboolean ( *condition ) (gpointer  data),
                                         gpointer    data,
                                         guint       timeout_ms);
void            fanfare_test_drop_dac_override (void);
FanfareLibraryProblemKind fanfare_test_problem_for (FanfareLibrary *library,
                                                    const char     *path);
gboolean        fanfare_test_has_title (GListModel *model,
                                        const char *title);
void            fanfare_test_write_song (FanfareTestHome   *home,
                                         const char        *relative,
                                         FanfareTestFormat  format,
                                         const char        *title,
                                         const char        *artist,
                                         const char        *album,
                                         guint              track_number);
void            fanfare_test_put_track (FanfareLibraryWriter *writer,
                                        const char           *path,
                                        const char           *title,
                                        const char           *artist,
                                        const char           *album,
                                        const char           *genre,
                                        guint                 track_number,
                                        guint                 year,
                                        gint64                duration_ms);
GPtrArray      *fanfare_test_titles (GListModel *model);
FanfareTrack   *fanfare_test_track_titled (GListModel *model,
                                           const char *title);
guint           fanfare_test_extras_of (FanfareTestHome *home,
                                        FanfareTrack    *track);
void            fanfare_test_remove_tree (const char *path);

G_END_DECLS
