/* test-play-queue.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-play-queue.h"

static GPtrArray *
make_tracks (guint  n)
{
  GPtrArray *tracks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);

      g_ptr_array_add (tracks, g_object_new (FANFARE_TYPE_TRACK, "id", id, "title", id, NULL));
    }

  return tracks;
}

/* The ids of the queue in play order, as "t0 t1 …". */
static char *
order (FanfarePlayQueue *queue)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (queue));

  for (guint i = 0; i < n; i++)
    {
      FanfareTrack *track = fanfare_play_queue_get_track (queue, i);

      g_string_append_printf (str, "%s%s", i ? " " : "", fanfare_track_get_id (track));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static const char *
current_id (FanfarePlayQueue *queue)
{
  FanfareTrack *track = fanfare_play_queue_get_current_track (queue);

  return track ? fanfare_track_get_id (track) : NULL;
}

typedef struct {
  guint position, removed, added;
  guint calls;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->calls++;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
replaced_cb (FanfarePlayQueue *queue,
             guint            *count)
{
  (*count)++;
}

static void
test_edit (void)
{
  g_autoptr(FanfarePlayQueue) queue = fanfare_play_queue_new ();
  g_autoptr(GPtrArray) tracks = make_tracks (4);
  g_autoptr(GPtrArray) more = make_tracks (2);
  ItemsChanged changed = { 0 };
  guint current_notifies = 0;
  guint replaced = 0;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;

  g_signal_connect (queue, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_signal_connect (queue, "notify::current-track", G_CALLBACK (count_cb), &current_notifies);
  g_signal_connect (queue, "replaced", G_CALLBACK (replaced_cb), &replaced);

  fanfare_play_queue_set_tracks (queue, tracks, 1);
  g_assert_cmpuint (changed.added, ==, 4);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 1);
  g_assert_cmpstr (current_id (queue), ==, "t1");
  g_assert_cmpuint (current_notifies, ==, 1);
  g_assert_cmpuint (replaced, ==, 1);

  /* Play next goes right after the current track. */
  g_object_set (more->pdata[0], "id", "n0", NULL);
  g_object_set (more->pdata[1], "id", "n1", NULL);
  fanfare_play_queue_insert_next (queue, more);
  g_assert_cmpstr ((s1 = order (queue)), ==, "t0 t1 n0 n1 t2 t3");
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.added, ==, 2);
  g_assert_cmpstr (current_id (queue), ==, "t1");

  /* Add to queue goes at the end. */
  fanfare_play_queue_append (queue, more);
  g_assert_cmpstr ((s2 = order (queue)), ==, "t0 t1 n0 n1 t2 t3 n0 n1");

  /* Moving the current track keeps it current. */
  fanfare_play_queue_move (queue, 1, 5);
  g_assert_cmpstr ((s3 = order (queue)), ==, "t0 n0 n1 t2 t3 t1 n0 n1");
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 5);
  g_assert_cmpstr (current_id (queue), ==, "t1");
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 5);

  /* Removing before the current one shifts it; removing it moves on. */
  fanfare_play_queue_remove (queue, 0);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 4);
  g_assert_cmpstr (current_id (queue), ==, "t1");
  fanfare_play_queue_remove (queue, 4);
  g_assert_cmpstr ((s4 = order (queue)), ==, "n0 n1 t2 t3 n0 n1");
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 4);
  g_assert_cmpstr (current_id (queue), ==, "n0");

  /* Removing the last track while it is current leaves nothing current. */
  fanfare_play_queue_set_current (queue, 5);
  fanfare_play_queue_remove (queue, 5);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, -1);
  g_assert_null (fanfare_play_queue_get_current_track (queue));

  /* Adding, moving and removing edited the queue; none replaced it. */
  g_assert_cmpuint (replaced, ==, 1);

  /* The same track queued twice is two entries with their own ids. */
  g_assert_cmpuint (fanfare_play_queue_get_entry_id (queue, 0), !=,
                    fanfare_play_queue_get_entry_id (queue, 4));
  g_assert_cmpint (fanfare_play_queue_find_entry (queue, fanfare_play_queue_get_entry_id (queue, 4)), ==, 4);
  g_assert_cmpint (fanfare_play_queue_find_entry (queue, 999999), ==, -1);

  fanfare_play_queue_clear (queue);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);
  g_assert_cmpuint (replaced, ==, 2);
  g_assert_null (fanfare_play_queue_get_current_track (queue));

  g_assert_finalize_object (g_steal_pointer (&queue));
}

static void
test_next_previous_repeat (void)
{
  g_autoptr(FanfarePlayQueue) queue = fanfare_play_queue_new ();
  g_autoptr(GPtrArray) tracks = make_tracks (3);

  g_assert_cmpint (fanfare_play_queue_get_next (queue, TRUE), ==, -1);

  fanfare_play_queue_set_tracks (queue, tracks, 2);
  g_assert_cmpint (fanfare_play_queue_get_next (queue, TRUE), ==, -1);
  g_assert_cmpint (fanfare_play_queue_get_previous (queue), ==, 1);

  fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_ALL);
  g_assert_cmpint (fanfare_play_queue_get_next (queue, TRUE), ==, 0);
  fanfare_play_queue_set_current (queue, 0);
  g_assert_cmpint (fanfare_play_queue_get_previous (queue), ==, 2);

  /* Repeat one holds when a track ends, not when the user skips. */
  fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_ONE);
  g_assert_cmpint (fanfare_play_queue_get_next (queue, TRUE), ==, 0);
  g_assert_cmpint (fanfare_play_queue_get_next (queue, FALSE), ==, 1);

  fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_OFF);
  g_assert_cmpint (fanfare_play_queue_get_previous (queue), ==, -1);
}

static void
test_shuffle (void)
{
  g_autoptr(FanfarePlayQueue) queue = fanfare_play_queue_new ();
  g_autoptr(GPtrArray) tracks = make_tracks (50);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  gboolean seen[50] = { FALSE };
  guint moved = 0;

  fanfare_play_queue_set_tracks (queue, tracks, 17);
  before = order (queue);

  fanfare_play_queue_set_shuffle (queue, TRUE);
  after = order (queue);

  /* The current track stays current and comes first… */
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 0);
  g_assert_cmpstr (current_id (queue), ==, "t17");

  /* …and the queue is a permutation of the same tracks, really shuffled. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      FanfareTrack *track = fanfare_play_queue_get_track (queue, i);
      guint index = g_ascii_strtoull (fanfare_track_get_id (track) + 1, NULL, 10);

      g_assert_false (seen[index]);
      seen[index] = TRUE;
      if (i > 0 && index != i)
        moved++;
    }
  /* 49 tracks in a random order: the chance that fewer than 10 move is
   * vanishingly small. */
  g_assert_cmpuint (moved, >, 10);
  g_assert_cmpstr (before, !=, after);

  /* A track queued while shuffled is kept in the original order after the
   * current one, so turning shuffle off puts it there. */
  {
    g_autoptr(GPtrArray) extra = make_tracks (1);

    g_object_set (extra->pdata[0], "id", "x", NULL);
    fanfare_play_queue_insert_next (queue, extra);
  }

  fanfare_play_queue_set_shuffle (queue, FALSE);
  restored = order (queue);
  g_assert_true (g_str_has_prefix (restored, "t0 t1 t2"));
  g_assert_nonnull (strstr (restored, "t16 t17 x t18"));
  g_assert_cmpstr (current_id (queue), ==, "t17");
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 17);
}

static void
test_save_and_restore (void)
{
  g_autoptr(FanfarePlayQueue) queue = fanfare_play_queue_new ();
  g_autoptr(FanfarePlayQueue) copy = fanfare_play_queue_new ();
  g_autoptr(GPtrArray) tracks = make_tracks (10);
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(GArray) play_order = NULL;
  g_autofree char *shuffled = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *unshuffled = NULL;

  fanfare_play_queue_set_tracks (queue, tracks, 4);
  fanfare_play_queue_set_shuffle (queue, TRUE);
  fanfare_play_queue_set_current (queue, 3);
  fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_ALL);
  shuffled = order (queue);

  original = fanfare_play_queue_dup_original_order (queue);
  play_order = fanfare_play_queue_dup_play_order (queue);
  fanfare_play_queue_restore (copy, original, play_order, 3, TRUE, FANFARE_REPEAT_MODE_ALL);

  copied = order (copy);
  g_assert_cmpstr (copied, ==, shuffled);
  g_assert_cmpint (fanfare_play_queue_get_current (copy), ==, 3);
  g_assert_true (fanfare_play_queue_get_shuffle (copy));
  g_assert_cmpint (fanfare_play_queue_get_repeat_mode (copy), ==, FANFARE_REPEAT_MODE_ALL);

  /* The restored queue still knows the order the tracks were added in. */
  fanfare_play_queue_set_shuffle (copy, FALSE);
  unshuffled = order (copy);
  g_assert_cmpstr (unshuffled, ==, "t0 t1 t2 t3 t4 t5 t6 t7 t8 t9");

  /* A damaged play order is ignored rather than trusted. */
  g_array_index (play_order, guint, 0) = 99;
  fanfare_play_queue_restore (copy, original, play_order, 3, TRUE, FANFARE_REPEAT_MODE_OFF);
  g_clear_pointer (&unshuffled, g_free);
  unshuffled = order (copy);
  g_assert_cmpstr (unshuffled, ==, "t0 t1 t2 t3 t4 t5 t6 t7 t8 t9");
  g_assert_false (fanfare_play_queue_get_shuffle (copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/player/queue/edit", test_edit);
  g_test_add_func ("/player/queue/next-previous-repeat", test_next_previous_repeat);
  g_test_add_func ("/player/queue/shuffle", test_shuffle);
  g_test_add_func ("/player/queue/save-and-restore", test_save_and_restore);

  return g_test_run ();
}
