/* fanfare-player-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the player does for long items and lyrics: the chapters of the
 * current track (an audiobook's chapters, a DJ mix's tracklist, a local
 * file's cue sheet or chapter atoms) and which one plays, "next" and
 * "previous" moving between them before moving between tracks, the lyrics
 * of the current track, and the sleep timer, which fades the sound out over
 * its last seconds and pauses, after some minutes or at the end of the
 * chapter.
 *
 * A local track's chapters and lyrics are read here, in a thread, when it
 * becomes current; the app hands the platform's over with
 * fanfare_player_set_extras(), which wins over what a file says. */

#include "config.h"

#include "fanfare-chapter.h"
#include "fanfare-local-extras.h"
#include "fanfare-player-private.h"

/* How long the sleep timer fades out, at most. */
#define SLEEP_FADE_US      (6 * G_USEC_PER_SEC)
#define SLEEP_TICK_MS      100
/* "Previous" within this much of a chapter's start goes to the one before. */
#define CHAPTER_RESTART_US (3 * G_USEC_PER_SEC)

static GTimeSpan
chapter_start (FanfarePlayer *self,
               guint          chapter)
{
  g_autoptr(FanfareChapter) item = g_list_model_get_item (G_LIST_MODEL (self->chapters), chapter);

  return fanfare_chapter_get_start (item);
}

static int
find_chapter (FanfarePlayer *self,
              GTimeSpan      position)
{
  guint low = 0, high = g_list_model_get_n_items (G_LIST_MODEL (self->chapters));

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (chapter_start (self, mid) <= position)
        low = mid + 1;
      else
        high = mid;
    }

  return (int) low - 1;
}

/* Where the current chapter ends, or -1 when not known. */
static GTimeSpan
chapter_end (FanfarePlayer *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chapters));

  if (self->chapter >= 0 && (guint) self->chapter + 1 < n)
    return chapter_start (self, self->chapter + 1);

  return self->duration > 0 ? self->duration : -1;
}

static void
update_chapter (FanfarePlayer *self)
{
  int chapter = find_chapter (self, self->position);

  if (chapter == self->chapter)
    return;

  self->chapter = chapter;
  _fanfare_player_notify (self, PROP_CHAPTER);
  _fanfare_player_notify (self, PROP_CAN_GO_NEXT);
  _fanfare_player_notify (self, PROP_CAN_GO_PREVIOUS);
}

static void
set_lyrics (FanfarePlayer *self,
            FanfareLyrics *lyrics)
{
  if (g_set_object (&self->lyrics, lyrics))
    _fanfare_player_notify (self, PROP_LYRICS);
}

static void
set_chapters (FanfarePlayer *self,
              GPtrArray     *chapters)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chapters));

  g_list_store_splice (self->chapters, 0, n,
                       chapters != NULL ? chapters->pdata : NULL,
                       chapters != NULL ? chapters->len : 0);
  self->chapter = -2;
  update_chapter (self);
}

/* Sleep timer */

static void
set_fade (FanfarePlayer *self,
          double         fade)
{
  if (self->fade == fade)
    return;

  self->fade = fade;
  _fanfare_player_pipeline_update_volume (self);
}

static void
stop_sleep_timer (FanfarePlayer *self)
{
  gboolean was_active = self->sleep_source != 0;

  g_clear_handle_id (&self->sleep_source, g_source_remove);
  self->sleep_deadline = 0;
  self->sleep_at_chapter_end = FALSE;
  set_fade (self, 1.0);
  if (was_active)
    _fanfare_player_notify (self, PROP_SLEEP_TIMER_ACTIVE);
}

/* What is left until the sleep timer pauses, in real time, or -1. */
static GTimeSpan
sleep_remaining (FanfarePlayer *self,
                 GTimeSpan      position)
{
  if (self->sleep_at_chapter_end)
    {
      /* The end is taken once: the next chapter has another. */
      if (self->sleep_deadline <= 0)
        self->sleep_deadline = chapter_end (self);
      if (self->sleep_deadline < 0 || position < 0)
        return -1;
      return (GTimeSpan) (MAX (0, self->sleep_deadline - position) / self->rate);
    }

  return self->sleep_deadline - g_get_monotonic_time ();
}

static gboolean
sleep_tick_cb (gpointer  data)
{
  FanfarePlayer *self = data;
  GTimeSpan remaining;

  /* Paused, the timer waits: the time it counts is time listened. */
  if (self->state != FANFARE_PLAYER_STATE_PLAYING)
    {
      if (!self->sleep_at_chapter_end)
        self->sleep_deadline += SLEEP_TICK_MS * 1000;
      return G_SOURCE_CONTINUE;
    }

  /* Just after a seek the pipeline may still answer where it was. */
  remaining = sleep_remaining (self, MAX (_fanfare_player_pipeline_query_position (self), self->position));
  if (remaining < 0 && self->sleep_at_chapter_end)
    return G_SOURCE_CONTINUE;
  if (remaining <= SLEEP_TICK_MS * 1000 / 2)
    {
      self->sleep_source = 0;
      g_debug ("The sleep timer pauses playback");
      fanfare_player_pause (self);
      stop_sleep_timer (self);
      _fanfare_player_notify (self, PROP_SLEEP_TIMER_ACTIVE);
      return G_SOURCE_REMOVE;
    }

  set_fade (self, MIN (1.0, (double) remaining / self->sleep_fade));
  return G_SOURCE_CONTINUE;
}

static void
start_sleep_timer (FanfarePlayer *self,
                   GTimeSpan      fade)
{
  gboolean was_active = self->sleep_source != 0;
  GTimeSpan remaining;

  g_clear_handle_id (&self->sleep_source, g_source_remove);
  self->sleep_fade = MAX (fade, 1);
  self->sleep_source = g_timeout_add (SLEEP_TICK_MS, sleep_tick_cb, self);
  /* A timer set within its fade starts soft, not at the next tick. */
  remaining = sleep_remaining (self, self->position);
  if (remaining >= 0)
    set_fade (self, MIN (1.0, (double) remaining / self->sleep_fade));
  if (!was_active)
    _fanfare_player_notify (self, PROP_SLEEP_TIMER_ACTIVE);
}

/* Resume points: where the listener stopped in each long item, kept in
 * playback.db and given to the app to sync. A long item that ends (or is
 * within its last 15 seconds, or twentieth) starts from the beginning next
 * time. */

#define RESUME_SAVE_INTERVAL_US (5 * G_USEC_PER_SEC)
#define RESUME_FINISHED_US      (15 * G_USEC_PER_SEC)

static char *
resume_key (FanfareTrack *track)
{
  if (track == NULL || fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_SONG)
    return NULL;
  if (fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM && fanfare_track_get_id (track) != NULL)
    return g_strconcat ("platform:", fanfare_track_get_id (track), NULL);

  return g_strdup (fanfare_track_get_uri (track));
}

static void
put_resume (FanfarePlayer *self,
            const char    *key,
            GTimeSpan      position,
            GTimeSpan      duration,
            gint64         updated)
{
  FanfareResumePoint *point = g_new0 (FanfareResumePoint, 1);

  point->position = position;
  point->duration = duration;
  point->updated = updated;
  if (self->store != NULL)
    fanfare_player_store_save_resume (self->store, key, point);
  g_hash_table_replace (self->resume, g_strdup (key), point);
}

static void
save_resume (FanfarePlayer *self,
             FanfareTrack  *track,
             GTimeSpan      position)
{
  g_autofree char *key = resume_key (track);

  /* Kept even before the last run's places are back: each place is its own
   * row, and the older of two for one item gives way when they meet. */
  if (key == NULL || position <= 0)
    return;

  self->last_resume_save = g_get_monotonic_time ();
  put_resume (self, key, position, MAX (self->duration, fanfare_track_get_duration (track)),
              g_get_real_time () / G_USEC_PER_SEC);
}

static void
position_resume_cb (FanfarePlayer *self)
{
  if (self->position <= 0)
    return;

  self->resume_position = self->position;
  if (g_get_monotonic_time () - self->last_resume_save > RESUME_SAVE_INTERVAL_US)
    save_resume (self, self->extras_track, self->position);
}

static void
state_resume_cb (FanfarePlayer *self)
{
  if (self->state != FANFARE_PLAYER_STATE_PLAYING)
    save_resume (self, self->extras_track, self->resume_position);
}

GTimeSpan
_fanfare_player_longform_resume_start (FanfarePlayer *self,
                                       FanfareTrack  *track,
                                       GTimeSpan      start)
{
  GTimeSpan position = start > 0 ? -1 : fanfare_player_get_resume_position (self, track);

  return position > 0 ? position : start;
}

void
_fanfare_player_longform_restore (FanfarePlayer *self,
                                  GHashTable    *resume)
{
  GHashTableIter iter;
  gpointer key, value;

  if (resume == NULL)
    return;

  g_hash_table_iter_init (&iter, resume);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FanfareResumePoint *point = value;
      FanfareResumePoint *known = g_hash_table_lookup (self->resume, key);

      if (known == NULL || known->updated < point->updated)
        g_hash_table_replace (self->resume, g_strdup (key), g_memdup2 (point, sizeof *point));
    }
}

/* The current track */

static void
extras_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FanfarePlayer *self = user_data;
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autoptr(GPtrArray) chapters = NULL;

  if (!fanfare_local_extras_load_finish (result, &lyrics, &chapters, NULL))
    return;

  /* What the platform said came first and stays. */
  if (self->lyrics == NULL)
    set_lyrics (self, lyrics);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->chapters)) == 0)
    set_chapters (self, chapters);
}

static void
current_track_cb (FanfarePlayer *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self);
  const char *uri = track != NULL ? fanfare_track_get_uri (track) : NULL;
  g_autofree char *path = NULL;

  if (track == self->extras_track)
    return;
  /* The item left keeps where it was, as of the last position heard. */
  save_resume (self, self->extras_track, self->resume_position);
  self->extras_track = track;
  self->resume_position = 0;

  g_cancellable_cancel (self->extras_cancellable);
  g_clear_object (&self->extras_cancellable);
  set_lyrics (self, NULL);
  set_chapters (self, NULL);
  if (self->sleep_at_chapter_end)
    stop_sleep_timer (self);

  if (uri != NULL && fanfare_track_get_source (track) == FANFARE_SOURCE_LOCAL)
    path = g_filename_from_uri (uri, NULL, NULL);
  if (path != NULL)
    {
      self->extras_cancellable = g_cancellable_new ();
      fanfare_local_extras_load_async (path, self->extras_cancellable, extras_loaded_cb, self);
    }
}

void
_fanfare_player_longform_init (FanfarePlayer *self)
{
  self->chapters = g_list_store_new (FANFARE_TYPE_CHAPTER);
  self->chapter = -1;
  self->fade = 1.0;
  g_signal_connect (self, "notify::current-track", G_CALLBACK (current_track_cb), NULL);
  g_signal_connect (self, "notify::position", G_CALLBACK (update_chapter), NULL);
  g_signal_connect (self, "notify::duration", G_CALLBACK (update_chapter), NULL);
  g_signal_connect (self, "notify::position", G_CALLBACK (position_resume_cb), NULL);
  g_signal_connect (self, "notify::state", G_CALLBACK (state_resume_cb), NULL);
  self->resume = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_fanfare_player_longform_dispose (FanfarePlayer *self)
{
  g_cancellable_cancel (self->extras_cancellable);
  g_clear_object (&self->extras_cancellable);
  g_clear_handle_id (&self->sleep_source, g_source_remove);
  g_clear_object (&self->lyrics);
  g_clear_object (&self->chapters);
  g_clear_pointer (&self->resume, g_hash_table_unref);
  self->extras_track = NULL;
}

void
_fanfare_player_longform_install_properties (GParamSpec **properties)
{
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  /**
   * FanfarePlayer:chapters:
   *
   * The chapters of the current track (an audiobook's chapters, a DJ mix's
   * tracklist), a #GListModel of #FanfareChapter, empty for most songs.
   */
  properties[PROP_CHAPTERS] =
    g_param_spec_object ("chapters", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  /**
   * FanfarePlayer:chapter:
   *
   * The chapter playing, or -1.
   */
  properties[PROP_CHAPTER] =
    g_param_spec_int ("chapter", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_LYRICS] =
    g_param_spec_object ("lyrics", NULL, NULL, FANFARE_TYPE_LYRICS, ro);
  properties[PROP_SLEEP_TIMER_ACTIVE] =
    g_param_spec_boolean ("sleep-timer-active", NULL, NULL, FALSE, ro);
}

gboolean
_fanfare_player_longform_get_property (FanfarePlayer *self,
                                       guint          prop_id,
                                       GValue        *value)
{
  switch (prop_id)
    {
    case PROP_CHAPTERS:
      g_value_set_object (value, self->chapters);
      return TRUE;

    case PROP_CHAPTER:
      g_value_set_int (value, self->chapter);
      return TRUE;

    case PROP_LYRICS:
      g_value_set_object (value, self->lyrics);
      return TRUE;

    case PROP_SLEEP_TIMER_ACTIVE:
      g_value_set_boolean (value, self->sleep_source != 0);
      return TRUE;

    default:
      return FALSE;
    }
}

gboolean
_fanfare_player_longform_can_go_next (FanfarePlayer *self)
{
  return self->chapter >= 0 && (guint) self->chapter + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->chapters));
}

/* Moves to the next chapter; FALSE when there is none in this track. */
gboolean
_fanfare_player_longform_next (FanfarePlayer *self)
{
  if (!_fanfare_player_longform_can_go_next (self))
    return FALSE;

  fanfare_player_play_chapter (self, self->chapter + 1);
  return TRUE;
}

gboolean
_fanfare_player_longform_previous (FanfarePlayer *self)
{
  if (self->chapter < 0)
    return FALSE;
  if (self->position - chapter_start (self, self->chapter) > CHAPTER_RESTART_US || self->chapter == 0)
    {
      /* The first chapter's start is the track's: "previous" from there
       * goes to the track before, as for any track. */
      if (self->chapter == 0 && self->position <= CHAPTER_RESTART_US)
        return FALSE;
      fanfare_player_play_chapter (self, self->chapter);
      return TRUE;
    }

  fanfare_player_play_chapter (self, self->chapter - 1);
  return TRUE;
}

/**
 * fanfare_player_get_chapters:
 * @self: a #FanfarePlayer
 *
 * Returns: (transfer none): the chapters of the current track, a
 *   #GListModel of #FanfareChapter
 */
GListModel *
fanfare_player_get_chapters (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), NULL);

  return G_LIST_MODEL (self->chapters);
}

int
fanfare_player_get_chapter (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), -1);

  return self->chapter;
}

/**
 * fanfare_player_get_current_chapter:
 * @self: a #FanfarePlayer
 *
 * Returns: (transfer none) (nullable): the chapter playing
 */
FanfareChapter *
fanfare_player_get_current_chapter (FanfarePlayer *self)
{
  g_autoptr(FanfareChapter) chapter = NULL;

  g_return_val_if_fail (FANFARE_IS_PLAYER (self), NULL);

  if (self->chapter < 0)
    return NULL;

  /* The store holds a reference for as long as the chapter is current. */
  chapter = g_list_model_get_item (G_LIST_MODEL (self->chapters), self->chapter);
  return chapter;
}

/**
 * fanfare_player_get_lyrics:
 * @self: a #FanfarePlayer
 *
 * Returns: (transfer none) (nullable): the lyrics of the current track
 */
FanfareLyrics *
fanfare_player_get_lyrics (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), NULL);

  return self->lyrics;
}

/**
 * fanfare_player_set_extras:
 * @self: a #FanfarePlayer
 * @track: the track they are for
 * @lyrics: (nullable): its lyrics
 * @chapters: (nullable) (element-type FanfareChapter): its chapters, in order
 *
 * Gives the player what the platform knows of @track. Ignored when @track
 * is no longer the current track; either may be %NULL to keep what the
 * player has.
 */
void
fanfare_player_set_extras (FanfarePlayer *self,
                           FanfareTrack  *track,
                           FanfareLyrics *lyrics,
                           GPtrArray     *chapters)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  if (track != fanfare_player_get_current_track (self))
    return;

  if (lyrics != NULL)
    set_lyrics (self, lyrics);
  if (chapters != NULL && chapters->len > 0)
    set_chapters (self, chapters);
}

/**
 * fanfare_player_play_chapter:
 * @self: a #FanfarePlayer
 * @chapter: a chapter of the current track
 *
 * Seeks to the start of @chapter.
 */
void
fanfare_player_play_chapter (FanfarePlayer *self,
                             guint          chapter)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (chapter < g_list_model_get_n_items (G_LIST_MODEL (self->chapters)));

  fanfare_player_seek (self, chapter_start (self, chapter));
}

/**
 * fanfare_player_set_sleep_timer:
 * @self: a #FanfarePlayer
 * @duration: how long to play on, or 0 to cancel the timer
 *
 * Pauses after @duration of playing, fading out over its last seconds.
 */
void
fanfare_player_set_sleep_timer (FanfarePlayer *self,
                                GTimeSpan      duration)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (duration >= 0);

  if (duration == 0)
    {
      stop_sleep_timer (self);
      return;
    }

  self->sleep_at_chapter_end = FALSE;
  self->sleep_deadline = g_get_monotonic_time () + duration;
  start_sleep_timer (self, MIN (SLEEP_FADE_US, duration / 2));
}

/**
 * fanfare_player_sleep_at_chapter_end:
 * @self: a #FanfarePlayer
 *
 * Pauses at the end of the chapter playing (or of the track, without
 * chapters), fading out over its last seconds.
 */
void
fanfare_player_sleep_at_chapter_end (FanfarePlayer *self)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  self->sleep_at_chapter_end = TRUE;
  self->sleep_deadline = 0;
  start_sleep_timer (self, SLEEP_FADE_US);
}

gboolean
fanfare_player_get_sleep_timer_active (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);

  return self->sleep_source != 0;
}

/**
 * fanfare_player_get_time_left:
 * @self: a #FanfarePlayer
 *
 * Returns: how long the current track plays on at the current speed, or -1
 *   when its length is not known
 */
GTimeSpan
fanfare_player_get_time_left (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), -1);

  if (self->duration <= 0)
    return -1;

  return (GTimeSpan) (MAX (0, self->duration - self->position) / self->rate);
}

/**
 * fanfare_player_get_resume_position:
 * @self: a #FanfarePlayer
 * @track: a long item
 *
 * Returns: where the listener stopped in @track, or -1 when nowhere (not
 *   started, finished, or not a long item)
 */
GTimeSpan
fanfare_player_get_resume_position (FanfarePlayer *self,
                                    FanfareTrack  *track)
{
  g_autofree char *key = NULL;
  FanfareResumePoint *point;

  g_return_val_if_fail (FANFARE_IS_PLAYER (self), -1);
  g_return_val_if_fail (FANFARE_IS_TRACK (track), -1);

  key = resume_key (track);
  point = key != NULL ? g_hash_table_lookup (self->resume, key) : NULL;
  if (point == NULL || point->position <= 0)
    return -1;
  if (point->duration > 0 && point->position >= point->duration - MIN (RESUME_FINISHED_US, point->duration / 20))
    return -1;

  return point->position;
}

/**
 * fanfare_player_get_resume_updated:
 * @self: a #FanfarePlayer
 * @track: a long item
 *
 * Returns: when the listener stopped where
 *   fanfare_player_get_resume_position() says, in seconds since 1970, or 0
 *   when nowhere
 */
gint64
fanfare_player_get_resume_updated (FanfarePlayer *self,
                                   FanfareTrack  *track)
{
  g_autofree char *key = NULL;
  FanfareResumePoint *point;

  g_return_val_if_fail (FANFARE_IS_PLAYER (self), 0);
  g_return_val_if_fail (FANFARE_IS_TRACK (track), 0);

  if (fanfare_player_get_resume_position (self, track) < 0)
    return 0;
  key = resume_key (track);
  point = g_hash_table_lookup (self->resume, key);

  return point->updated;
}

/**
 * fanfare_player_merge_resume_position:
 * @self: a #FanfarePlayer
 * @track: a long item
 * @position: where a listener stopped in it
 * @updated: when, in seconds since 1970
 *
 * Takes a position heard from elsewhere (another device, through the
 * platform) when it is newer than the one the player knows.
 */
void
fanfare_player_merge_resume_position (FanfarePlayer *self,
                                      FanfareTrack  *track,
                                      GTimeSpan      position,
                                      gint64         updated)
{
  g_autofree char *key = NULL;
  FanfareResumePoint *known;

  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  key = resume_key (track);
  if (key == NULL)
    return;
  known = g_hash_table_lookup (self->resume, key);
  if (known != NULL && known->updated >= updated)
    return;

  put_resume (self, key, MAX (0, position), fanfare_track_get_duration (track), updated);
}
