/* fanfare-demo-render.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Renders and encodes every track of the demo, one per processor at a
 * time. Each track depends only on its own seed, so the order the threads
 * finish in changes nothing. */

#include "config.h"

#include "fanfare-demo-encoder.h"
#include "fanfare-demo-private.h"
#include "fanfare-error.h"

#define CHAPTER_TITLES_MAX 8

static const char * const chapter_titles[CHAPTER_TITLES_MAX] = {
  "第一章 出发", "第二章 山路", "第三章 雨夜", "第四章 渡口", "第五章 灯火", "第六章 重逢", "第七章 远行",
  "第八章 归来",
};

static float *
compose (DemoTrack *track,
         gsize     *n_frames)
{
  DemoAlbum *album = track->album;
  g_autofree double *starts = g_new0 (double, MAX (track->n_parts, 1));
  float *samples;

  switch (album->kind)
    {
    case FANFARE_TRACK_KIND_AUDIOBOOK:
      samples = fanfare_demo_compose_narration (track->seed, track->seconds, track->n_parts, starts, n_frames);
      break;

    case FANFARE_TRACK_KIND_DJ_MIX:
      samples = fanfare_demo_compose_mix (track->seed, track->n_parts, track->seconds, starts, n_frames);
      break;

    case FANFARE_TRACK_KIND_SONG:
    default:
      return fanfare_demo_compose_song (album->style, track->seed, track->seconds, n_frames);
    }

  track->chapters = g_array_new (FALSE, TRUE, sizeof (FanfareChapterDraft));
  for (guint i = 0; i < track->n_parts; i++)
    {
      FanfareChapterDraft chapter = { (gint64) (starts[i] * 1000), NULL, NULL };

      if (album->kind == FANFARE_TRACK_KIND_AUDIOBOOK)
        chapter.title = g_strdup (chapter_titles[i % CHAPTER_TITLES_MAX]);
      else
        {
          /* A mix's tracklist names the demo's own artists. */
          g_autoptr(GRand) rand = g_rand_new_with_seed (track->seed + i);
          const FanfareDemoArtist *artist = &fanfare_demo_artists[g_rand_int_range (rand, 0, 20)];

          chapter.title = fanfare_demo_track_title (rand, artist->chinese);
          chapter.artist = g_strdup (artist->name);
        }
      g_array_append_val (track->chapters, chapter);
    }

  return samples;
}

static void
render_track (gpointer  data,
              gpointer  user_data)
{
  DemoTrack *track = data;
  GAsyncQueue *done = user_data;
  const FanfareDemoArtist *artist = &fanfare_demo_artists[track->album->artist];
  gsize n_frames = 0;
  float *samples = compose (track, &n_frames);
  FanfareDemoTags tags = {
    .title = track->title,
    .artist = artist->name,
    .album = track->album->title,
    .genre = track->album->style != NULL ? fanfare_style_get_genre (track->album->style) : artist->genre,
    .release_date = track->album->release_date,
    .track_number = track->number,
    .chapters = track->chapters != NULL ? (FanfareChapterDraft *) track->chapters->data : NULL,
    .n_chapters = track->chapters != NULL ? track->chapters->len : 0,
  };

  track->duration_ms = (gint64) n_frames * 1000 / 48000;
  fanfare_demo_encode (samples, n_frames, track->path, &tags, track->seed, &track->gain, &track->peak,
                       &track->fingerprint, &track->error);
  g_async_queue_push (done, track);
}

/**
 * _fanfare_demo_render_tracks:
 * @work_dir: where the encoded files go before the media store takes them
 */
gboolean
_fanfare_demo_render_tracks (DemoContext *context,
                             const char  *work_dir,
                             GError     **error)
{
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  GThreadPool *pool = g_thread_pool_new (render_track, done, g_get_num_processors (), FALSE, NULL);
  guint n_tracks = 0;
  gboolean ok = TRUE;

  for (guint a = 0; a < context->albums->len; a++)
    {
      DemoAlbum *album = g_ptr_array_index (context->albums, a);

      for (guint t = 0; t < album->tracks->len; t++)
        {
          DemoTrack *track = g_ptr_array_index (album->tracks, t);
          g_autofree char *name = g_strdup_printf ("%03u-%02u.opus", a, t);

          track->path = g_build_filename (work_dir, name, NULL);
          g_thread_pool_push (pool, track, NULL);
          n_tracks++;
        }
    }

  for (guint i = 0; i < n_tracks; i++)
    {
      DemoTrack *track = g_async_queue_pop (done);

      if (track->error != NULL && ok)
        {
          g_propagate_error (error, g_steal_pointer (&track->error));
          ok = FALSE;
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  return ok;
}
