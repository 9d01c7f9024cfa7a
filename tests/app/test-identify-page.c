/* test-identify-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Identify page the way a person meets it, in the real application
 * under Xvfb against a real fanfare-server that imported made-up songs: a
 * signed-in listener presses Listen while one of them plays (a WAV file
 * through the real pipeline, in place of the microphone), and the result
 * card names it, offers to add it to a playlist and to buy its album, which
 * is on sale; the history keeps it. */

#include "config.h"

#include <gst/gst.h>
#include <string.h>

#include "fanfare-application.h"
#include "fanfare-buy-button.h"
#include "fanfare-fp-extract.h"
#include "fanfare-identify-history.h"
#include "fanfare-identify-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"
#include "fanfare-test-shop.h"
#include "fanfare-window.h"

#define SONG_SECONDS 30.0
#define PASSWORD     "identify secret 12"
#define PRICE        1800

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static char *scratch;

static gboolean
has_result (gpointer  data)
{
  return fanfare_identify_page_get_result (data) != NULL;
}

static gboolean
is_visible (gpointer  data)
{
  return gtk_widget_get_visible (data);
}

static void
test_sign_in (void)
{
  fanfare_test_app_sign_in_with_dialog (app, server->url, "lin", PASSWORD);
}

static void
test_listen (void)
{
  FanfareIdentifyPage *page = FANFARE_IDENTIFY_PAGE (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                               FANFARE_TYPE_IDENTIFY_PAGE));
  g_autofree char *clip = g_build_filename (scratch, "clip.wav", NULL);
  g_autofree char *source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", clip);
  g_autofree char *history_path = fanfare_identify_history_dup_path ();
  g_autoptr(GListStore) kept = NULL;
  g_autoptr(FanfareTrack) first = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *price = NULL;
  g_autofree char *buy_label = NULL;
  GtkWidget *buy, *dialog;
  gsize n_samples;
  g_autofree float *song = fanfare_test_music_new (301, SONG_SECONDS, &n_samples);

  /* The data folder holds one album, the first: it goes on sale. */
  fanfare_test_create_admin (server->data_dir, "curator", "curator password 1");
  admin = fanfare_test_log_in (server, "curator", "curator password 1");
  fanfare_test_set_price (server, admin, 1, PRICE);

  fanfare_test_write_wav (clip, song + 9 * FANFARE_FP_SAMPLE_RATE, 10 * FANFARE_FP_SAMPLE_RATE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "identify"));
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Microphone");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "System Sound");
  fanfare_test_assert_buttons_labelled (GTK_WIDGET (page));

  fanfare_identifier_set_source_description (fanfare_identify_page_get_identifier (page), source);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "identify-page.listen", NULL));
  g_assert_true (fanfare_test_wait_for (has_result, page, 30000));
  fanfare_test_wait_ms (600);
  fanfare_test_wait_frame (GTK_WIDGET (window));

  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Paper Kites");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Found it");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Open Album");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Add to Playlist…");
  g_assert_cmpstr (fanfare_track_get_album_id (fanfare_identify_page_get_result (page)), ==, "1");

  /* The album's price is on the card. */
  buy = fanfare_test_find_widget (GTK_WIDGET (page), FANFARE_TYPE_BUY_BUTTON);
  g_assert_nonnull (buy);
  g_assert_true (fanfare_test_wait_for (is_visible, buy, 20000));
  price = fanfare_buy_button_format_price (PRICE, "CNY");
  buy_label = g_strdup_printf ("Buy · %s", price);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (buy, buy_label);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "identify-result");

  /* Add to Playlist asks which of the listener's playlists. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "identify-page.add-to-playlist", NULL));
  dialog = GTK_WIDGET (fanfare_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (dialog);
  fanfare_test_assert_label_shown (dialog, "Add to Playlist");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The history shows it, and when, and keeps it for the next run. */
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_identify_page_get_history (page)), ==, 1);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Just now");
  kept = fanfare_identify_history_load (history_path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kept)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (kept), 0);
  g_assert_cmpstr (fanfare_track_get_title (first), ==, "Paper Kites");
  g_assert_cmpint (fanfare_track_get_source (first), ==, FANFARE_SOURCE_PLATFORM);
}

static gboolean
has_two_tracks (gpointer  data)
{
  return g_list_model_get_n_items (data) >= 2;
}

/* Keep Listening follows a mix from one song to the next and lists both. */
static void
test_mix (void)
{
  FanfareIdentifyPage *page = FANFARE_IDENTIFY_PAGE (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                               FANFARE_TYPE_IDENTIFY_PAGE));
  FanfareIdentifier *identifier = fanfare_identify_page_get_identifier (page);
  GListModel *tracklist = fanfare_identify_page_get_tracklist (page);
  g_autofree char *clip = g_build_filename (scratch, "mix.wav", NULL);
  g_autofree char *source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", clip);
  gsize n_samples, n = 14 * FANFARE_FP_SAMPLE_RATE;
  g_autofree float *first = fanfare_test_music_new (301, SONG_SECONDS, &n_samples);
  g_autofree float *second = fanfare_test_music_new (300, SONG_SECONDS, &n_samples);
  g_autofree float *mix = g_new (float, 2 * n);
  g_autoptr(FanfareTrack) opening = NULL;
  g_autoptr(FanfareTrack) next = NULL;

  memcpy (mix, first + 2 * FANFARE_FP_SAMPLE_RATE, n * sizeof (float));
  memcpy (mix + n, second + 6 * FANFARE_FP_SAMPLE_RATE, n * sizeof (float));
  fanfare_test_write_wav (clip, mix, 2 * n);

  gtk_switch_set_active (GTK_SWITCH (fanfare_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SWITCH)), TRUE);
  fanfare_identifier_set_source_description (identifier, source);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "identify-page.listen", NULL));
  g_assert_true (fanfare_identifier_get_continuous (identifier));
  g_assert_true (fanfare_test_wait_for (has_two_tracks, tracklist, 30000));
  fanfare_test_wait_ms (600);
  fanfare_test_wait_frame (GTK_WIDGET (window));

  opening = g_list_model_get_item (tracklist, 0);
  next = g_list_model_get_item (tracklist, 1);
  g_assert_cmpstr (fanfare_track_get_title (opening), ==, "Paper Kites");
  g_assert_cmpstr (fanfare_track_get_title (next), ==, "Harbour Lights");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Tracklist");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Harbour Lights");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "identify-mix");
  fanfare_identifier_stop (identifier);
}

int
main (int   argc,
      char *argv[])
{
  const char *titles[] = { "Harbour Lights", "Paper Kites", NULL };
  g_autofree char *data_dir = NULL;
  int ret;

  scratch = fanfare_test_app_init (&argc, &argv);

  data_dir = fanfare_test_make_data_dir ();
  fanfare_test_import_songs (data_dir, "Two Songs", titles, 300, SONG_SECONDS);
  server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_app_use_server (server);

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/identify/sign-in", test_sign_in);
  g_test_add_func ("/app/identify/listen", test_listen);
  g_test_add_func ("/app/identify/mix", test_mix);

  ret = g_test_run ();

  fanfare_test_app_quit (app);

  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);

  return ret;
}
