/* test-studio-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Studio page the way a musician meets it, in the real application
 * under Xvfb against a real fanfare-server that grants artist requests at
 * once: a listener signs in, asks to become an artist, makes an album,
 * adds a file made here with GStreamer (as a drop on the page does),
 * sees it upload and become a track with its waveform, sets its disc,
 * publishes the album, and once a fan has played it sees the charts of
 * plays and unique listeners per day and the top tracks; once a fan has
 * bought it, the sale and the money earned, in words and per day. An
 * upload cut short when the app quits goes on when it starts again,
 * under its own album. */

#include "config.h"

#include <adwaita.h>
#include <gst/gst.h>
#include <string.h>

#include "fanfare-application.h"
#include "fanfare-artist-page.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-studio-chapters.h"
#include "fanfare-studio-chart.h"
#include "fanfare-studio-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"
#include "fanfare-window.h"

#define PASSWORD "studio secret 31"

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static char *scratch;

static FanfareStudioPage *
page (void)
{
  return FANFARE_STUDIO_PAGE (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_STUDIO_PAGE));
}

static gboolean
signed_in (gpointer  data)
{
  FanfareClient *client = fanfare_application_get_client (app);

  return client != NULL && fanfare_client_get_signed_in (client);
}

static gboolean
stack_shows (gpointer  data)
{
  GtkStack *stack = GTK_STACK (fanfare_test_find_widget (GTK_WIDGET (page ()), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static gboolean
label_shown (gpointer  data)
{
  return fanfare_test_find_label (GTK_WIDGET (page ()), data) != NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (root)), placeholder) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, placeholder);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *text)
{
  if (ADW_IS_ENTRY_ROW (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
entry_row_shown (gpointer  data)
{
  return find_entry_row (GTK_WIDGET (page ()), data) != NULL;
}

/* What the server answers the app's account at @path. */
static JsonObject *
server_get (const char *path)
{
  FanfareClient *client = fanfare_application_get_client (app);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *json;

  fanfare_client_studio_call_async (client, "GET", path, NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  json = fanfare_client_studio_call_finish (client, result, &error);
  g_assert_no_error (error);

  return json;
}

static JsonObject *
server_album (void)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/albums/", fanfare_studio_page_get_album_id (page ()), NULL);

  return server_get (path);
}

/* The first track of the album shown, as the server has it. */
static JsonObject *
server_track (void)
{
  g_autoptr(JsonObject) album = server_album ();

  return json_object_ref (json_array_get_object_element (json_object_get_array_member (album, "tracks"), 0));
}

static gboolean
first_release_is (gpointer  data)
{
  g_autoptr(FanfareAlbum) album = g_list_model_get_n_items (data) > 0 ? g_list_model_get_item (data, 0) : NULL;

  return album != NULL && g_strcmp0 (fanfare_album_get_title (album), "Sine Waves") == 0;
}

static gboolean
album_has_cover (gpointer  data)
{
  g_autoptr(JsonObject) album = server_album ();
  JsonObject *fields = json_object_get_object_member (album, "album");

  return json_object_get_string_member_with_default (fields, "cover_uri", NULL) != NULL;
}

static gboolean
profile_is (gpointer  data)
{
  g_autoptr(JsonObject) me = server_get ("/api/v1/me/artist");
  JsonObject *artist = json_object_get_object_member (me, "artist");
  JsonArray *links = json_object_get_array_member (me, "links");

  return g_strcmp0 (json_object_get_string_member_with_default (artist, "bio", NULL), data) == 0 &&
         json_array_get_length (links) == 2 &&
         g_str_equal (json_array_get_string_element (links, 1), "https://makers.example/shop") &&
         json_object_get_string_member_with_default (artist, "image_uri", NULL) != NULL;
}

static gboolean
window_label_shown (gpointer  data)
{
  return fanfare_test_find_label (GTK_WIDGET (window), data) != NULL;
}

static GFile *
write_png (const char *name)
{
  g_autofree char *path = g_build_filename (scratch, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 300);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3080c0ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gboolean
track_is (gpointer  data)
{
  const char * const *expected = data;
  g_autoptr(JsonObject) track = server_track ();

  return g_strcmp0 (json_object_get_string_member (track, expected[0]), expected[1]) == 0;
}

static gboolean
link_shown (gpointer  data)
{
  GtkWidget *artist_page = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_ARTIST_PAGE);
  GtkWidget *button = artist_page != NULL ? find_button (artist_page, data) : NULL;

  return button != NULL && GTK_IS_LINK_BUTTON (button);
}

/* Until the artist's page has slid into place, as a person would wait. */
static gboolean
pages_at_rest (gpointer  data)
{
  GtkWidget *navigation = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NAVIGATION_STACK);
  GtkStack *stack = GTK_STACK (fanfare_test_find_widget (navigation, GTK_TYPE_STACK));

  return !gtk_stack_get_transition_running (stack);
}

/* The artist page's avatar shows the photo: the blue picture
 * write_png() makes, not initials. */
static gboolean
avatar_shows_photo (gpointer  data)
{
  GtkWidget *artist_page = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_ARTIST_PAGE);
  GtkWidget *avatar = artist_page != NULL ? fanfare_test_find_widget (artist_page, ADW_TYPE_AVATAR) : NULL;
  GdkPaintable *image = avatar != NULL ? adw_avatar_get_custom_image (ADW_AVATAR (avatar)) : NULL;
  guchar pixel[4];

  if (!GDK_IS_TEXTURE (image))
    return FALSE;

  /* The middle pixel, as 8-bit B, G, R, A. */
  {
    GdkTexture *texture = GDK_TEXTURE (image);
    int width = gdk_texture_get_width (texture);
    int height = gdk_texture_get_height (texture);
    g_autofree guchar * pixels = g_malloc (width * height * 4);

    gdk_texture_download (texture, pixels, width * 4);
    memcpy (pixel, pixels + (height / 2 * width + width / 2) * 4, 4);
  }

  /* Scaled, the colour may be one step off. */
  return ABS (pixel[2] - 0x30) <= 2 && ABS (pixel[1] - 0x80) <= 2 && ABS (pixel[0] - 0xc0) <= 2;
}

static gboolean
button_shown (gpointer  data)
{
  return find_button (GTK_WIDGET (page ()), data) != NULL;
}

static gboolean
track_disc_is (gpointer  data)
{
  g_autoptr(JsonObject) track = server_track ();

  return json_object_get_int_member (track, "disc_number") == GPOINTER_TO_INT (data);
}

static gboolean
chart_has_values (gpointer  data)
{
  FanfareStudioChart *chart = data;

  return fanfare_studio_chart_get_n_values (chart) == 400 && fanfare_studio_chart_get_max (chart) > 0;
}

static gboolean
chart_reaches (gpointer  data)
{
  GtkWidget *chart = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), FANFARE_TYPE_STUDIO_CHART,
                                                          "listeners");

  return chart != NULL && fanfare_studio_chart_get_max (FANFARE_STUDIO_CHART (chart)) == GPOINTER_TO_INT (data);
}

static void click (const char *label);

static gboolean
chapters_loaded (gpointer  data)
{
  return fanfare_studio_chapters_is_loaded (data);
}

static gboolean
editor_closed (gpointer  data)
{
  return fanfare_test_find_toplevel (FANFARE_TYPE_STUDIO_CHAPTERS) == NULL;
}

/* The chapters the server has for the album's first track, as the public
 * track page gives them: "START ARTIST|TITLE", one a line. */
static char *
server_chapters (void)
{
  g_autoptr(JsonObject) track = server_track ();
  g_autofree char *path = g_strconcat ("/api/v1/tracks/", json_object_get_string_member (track, "id"), NULL);
  g_autoptr(JsonObject) json = server_get (path);
  JsonArray *chapters = json_object_get_array_member (json, "chapters");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (chapters); i++)
    {
      JsonObject *chapter = json_array_get_object_element (chapters, i);

      g_string_append_printf (text, "%d %s|%s\n", (int) json_object_get_int_member (chapter, "start_ms"),
                              json_object_get_string_member_with_default (chapter, "artist", ""),
                              json_object_get_string_member (chapter, "title"));
    }

  return g_string_free (text, FALSE);
}

static gboolean
chapters_are (gpointer  data)
{
  g_autofree char *chapters = server_chapters ();

  return g_str_equal (chapters, data);
}

/* Opens the editor from the track's row, once it shows the server's. */
static FanfareStudioChapters *
open_editor (const char *label)
{
  FanfareStudioChapters *editor;

  click (label);
  editor = FANFARE_STUDIO_CHAPTERS (fanfare_test_find_toplevel (FANFARE_TYPE_STUDIO_CHAPTERS));
  g_assert_nonnull (editor);
  g_assert_true (fanfare_test_wait_for (chapters_loaded, editor, 20000));

  return editor;
}

static void
click (const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (page ()), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_sign_in (void)
{
  fanfare_test_app_sign_in_with_dialog (app, server->url, "maker", PASSWORD);
}

static void
test_publish (void)
{
  g_autofree char *path = g_build_filename (scratch, "tone.wav", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList files = { file, NULL };
  FanfareStudioChart *chart;

  fanfare_test_write_tone_wav (path, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "studio"));
  fanfare_test_wait_mapped (GTK_WIDGET (page ()));

  /* A listener asks; this server grants it at once. */
  g_assert_true (fanfare_test_wait_for (stack_shows, (gpointer) "listener", 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (page ()), "Become an Artist");
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (page ()), "Artist name")), "The Makers");
  click ("Ask to Become an Artist");
  g_assert_true (fanfare_test_wait_for (stack_shows, (gpointer) "artist", 20000));

  /* An album, and a file added to it, which uploads and becomes a track. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (page ()), "Title of a new album")), "Sine Waves");
  click ("New Album");
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Not published · 0 tracks", 20000));

  /* A text file is refused as a cover, in words; a picture is taken. */
  {
    g_autofree char *notes_path = g_build_filename (scratch, "liner notes.txt", NULL);
    g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
    g_autoptr(GFile) cover = write_png ("cover.png");

    g_assert_true (g_file_set_contents (notes_path, "Recorded in one take.\n", -1, NULL));
    fanfare_studio_page_set_image (page (), FANFARE_STUDIO_IMAGE_COVER, notes);
    g_assert_true (fanfare_test_wait_for (window_label_shown,
                                          (gpointer) "“liner notes.txt” is not an image; choose a PNG or JPEG picture",
                                          20000));
    g_assert_false (album_has_cover (NULL));
    fanfare_studio_page_set_image (page (), FANFARE_STUDIO_IMAGE_COVER, cover);
    g_assert_true (fanfare_test_wait_for (window_label_shown, (gpointer) "Cover saved", 20000));
    g_assert_true (album_has_cover (NULL));
  }

  /* The profile: a photo, a bio and two links. */
  {
    g_autoptr(GFile) photo = write_png ("photo.png");
    GtkWidget *bio = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), ADW_TYPE_ENTRY_ROW, "bio");
    GtkWidget *links = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), ADW_TYPE_ENTRY_ROW, "links");

    fanfare_studio_page_set_image (page (), FANFARE_STUDIO_IMAGE_PHOTO, photo);
    g_assert_true (fanfare_test_wait_for (window_label_shown, (gpointer) "Photo saved", 20000));
    g_assert_nonnull (bio);
    g_assert_nonnull (links);
    gtk_editable_set_text (GTK_EDITABLE (bio), "Sines since 2019.");
    gtk_editable_set_text (GTK_EDITABLE (links), "https://makers.example  https://makers.example/shop");
    click ("Save Profile");
    g_assert_true (fanfare_test_wait_for (profile_is, (gpointer) "Sines since 2019.", 20000));
  }

  fanfare_studio_page_add_files (page (), &files);
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Ready", 60000));
  g_assert_true (fanfare_test_wait_for (entry_row_shown, (gpointer) "tone", 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (page ()), "Not published · 1 track");
  fanfare_test_assert_buttons_labelled (GTK_WIDGET (page ()));

  /* The track renamed and marked as an audiobook. */
  {
    const char *titled[] = { "title", "Morning Tone" };
    const char *kind[] = { "kind", "audiobook" };
    GtkWidget *row = find_entry_row (GTK_WIDGET (page ()), "tone");

    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), "Morning Tone");
    g_signal_emit_by_name (row, "apply");
    g_assert_true (fanfare_test_wait_for (track_is, titled, 20000));
    g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Not published · 1 track", 20000));
    row = find_entry_row (GTK_WIDGET (page ()), "Morning Tone");
    g_assert_nonnull (row);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (fanfare_test_find_widget (row, GTK_TYPE_DROP_DOWN)), 1);
    g_assert_true (fanfare_test_wait_for (track_is, kind, 20000));
  }

  /* The audiobook's chapters, written one a line; a line without a time is
   * named, and nothing is sent until it is right. */
  {
    const char *mixed[] = { "kind", "dj_mix" };
    FanfareStudioChapters *editor;

    g_assert_true (fanfare_test_wait_for (button_shown, (gpointer) "Chapters…", 20000));
    editor = open_editor ("Chapters…");
    fanfare_studio_chapters_set_text (editor, "0:00 Opening\nThe Storm\n");
    fanfare_studio_chapters_save (editor);
    g_assert_nonnull (fanfare_test_find_label (GTK_WIDGET (editor),
                                               "Line 2 is not a time then a title, such as “1:02:03 The Storm”"));
    fanfare_studio_chapters_set_text (editor, "0:00 Opening\n0:02 The Storm\n");
    fanfare_studio_chapters_save (editor);
    g_assert_true (fanfare_test_wait_for (editor_closed, NULL, 20000));
    g_assert_true (fanfare_test_wait_for (chapters_are, (gpointer) "0 |Opening\n2000 |The Storm\n", 20000));

    /* As a DJ mix, the same track has a tracklist with artists. */
    gtk_drop_down_set_selected (GTK_DROP_DOWN (fanfare_test_find_widget (find_entry_row (GTK_WIDGET (page ()),
                                                                                         "Morning Tone"),
                                                                         GTK_TYPE_DROP_DOWN)), 2);
    g_assert_true (fanfare_test_wait_for (track_is, mixed, 20000));
    g_assert_true (fanfare_test_wait_for (button_shown, (gpointer) "Tracklist…", 20000));
    editor = open_editor ("Tracklist…");
    g_assert_cmpstr (fanfare_studio_chapters_get_text (editor), ==, "0:00 Opening\n0:02 The Storm\n");
    fanfare_studio_chapters_set_text (editor, "0:00 Ana - First Light\n0:01.5 Bo Lind - Tides\n");
    fanfare_studio_chapters_save (editor);
    g_assert_true (fanfare_test_wait_for (editor_closed, NULL, 20000));
    g_assert_true (fanfare_test_wait_for (chapters_are, (gpointer) "0 Ana|First Light\n1500 Bo Lind|Tides\n", 20000));
    editor = open_editor ("Tracklist…");
    g_assert_cmpstr (fanfare_studio_chapters_get_text (editor), ==, "0:00 Ana - First Light\n0:01.500 Bo Lind - Tides\n");
    gtk_window_close (GTK_WINDOW (editor));
    g_assert_true (fanfare_test_wait_for (editor_closed, NULL, 20000));
  }

  /* Scheduled in an hour, then published at once after all. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
    g_autofree char *when = g_date_time_format (later, "%Y-%m-%d %H:%M");
    GtkWidget *row = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), ADW_TYPE_ENTRY_ROW, "schedule");

    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), when);
    click ("Schedule");
    g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Scheduled · 1 track", 20000));
  }

  click ("Publish Now");
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Published · 1 track", 20000));

  /* Each track row draws its waveform from the server's 400 peaks. */
  {
    GtkWidget *waveform = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), FANFARE_TYPE_STUDIO_CHART,
                                                               "waveform");

    g_assert_nonnull (waveform);
    g_assert_true (fanfare_test_wait_for (chart_has_values, waveform, 20000));
    g_assert_true (gtk_widget_get_mapped (waveform));
  }

  /* The track moved to the second disc. */
  {
    GtkWidget *disc = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), GTK_TYPE_SPIN_BUTTON, "disc");

    g_assert_nonnull (disc);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (disc), 2);
    g_assert_true (fanfare_test_wait_for (track_disc_is, GINT_TO_POINTER (2), 20000));
  }

  /* A fan plays it: the charts, the followers and the top tracks show it. */
  {
    g_autoptr(JsonObject) track = server_track ();
    g_autofree char *fan = fanfare_test_register (server, "fan", PASSWORD);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *played_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    g_autofree char *plays = g_strdup_printf ("{\"plays\": [{\"id\": \"p1\", \"track_id\": \"%s\","
                                              " \"played_at\": \"%s\", \"ms_played\": 3000}]}",
                                              json_object_get_string_member (track, "id"), played_at);
    g_autoptr(FanfareTestResponse) played = fanfare_test_request (server, "POST", "/api/v1/plays", fan, plays);

    g_assert_cmpint (fanfare_test_response_get_int (played, "recorded"), ==, 1);
    fanfare_studio_page_reload (page ());
    g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "1 play", 20000));
    g_assert_true (fanfare_test_wait_for (chart_reaches, GINT_TO_POINTER (1), 20000));
    fanfare_test_assert_label_shown (GTK_WIDGET (page ()), "0 followers");
    fanfare_test_assert_label_shown (GTK_WIDGET (page ()), "Top tracks");
  }

  /* Listeners find it first among Discover's new releases. */
  {
    GtkWidget *discover = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_DISCOVER_PAGE);
    GListModel *releases = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (discover));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
    g_assert_true (fanfare_test_wait_for (first_release_is, releases, 20000));
    fanfare_test_wait_mapped (discover);
    fanfare_test_wait_at_rest (GTK_WIDGET (window));
    fanfare_test_wait_frame (GTK_WIDGET (window));
    fanfare_test_assert_label_shown (discover, "New Releases");
    fanfare_test_assert_label_shown (discover, "Sine Waves");
    fanfare_test_save_screenshot (GTK_WIDGET (window), "studio-new-release");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "studio"));
    fanfare_test_wait_mapped (GTK_WIDGET (page ()));
  }

  /* The chart of plays per day covers the last 30 days. */
  chart = FANFARE_STUDIO_CHART (fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), FANFARE_TYPE_STUDIO_CHART,
                                                                     "plays"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  g_assert_cmpuint (fanfare_studio_chart_get_n_values (chart), ==, 30);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "studio");

  /* Listeners see the photo, the bio and the links on the artist's page. */
  {
    g_autoptr(JsonObject) me = server_get ("/api/v1/me/artist");
    JsonObject *fields = json_object_get_object_member (me, "artist");
    g_autoptr(FanfareArtist) artist = g_object_new (FANFARE_TYPE_ARTIST,
                                                    "id", json_object_get_string_member (fields, "id"),
                                                    "source", FANFARE_SOURCE_PLATFORM,
                                                    "name", json_object_get_string_member (fields, "name"),
                                                    NULL);
    GtkWidget *link;

    fanfare_navigate_artist (GTK_WIDGET (page ()), artist);
    g_assert_true (fanfare_test_wait_for (link_shown, (gpointer) "makers.example", 20000));
    link = find_button (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_ARTIST_PAGE), "makers.example");
    g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, "https://makers.example");
    fanfare_test_assert_label_shown (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_ARTIST_PAGE),
                                     "Sines since 2019.");
    /* With the photo uploaded in the Studio in place of the initials. */
    g_assert_true (fanfare_test_wait_for (avatar_shows_photo, NULL, 20000));
    g_assert_true (fanfare_test_wait_for (pages_at_rest, NULL, 20000));
    fanfare_test_wait_frame (GTK_WIDGET (window));
    fanfare_test_save_screenshot (GTK_WIDGET (window), "studio-artist");
  }
}

static gboolean
chart_with_class_reaches (gpointer  data)
{
  const char * const *expected = data;
  GtkWidget *chart = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), FANFARE_TYPE_STUDIO_CHART,
                                                          expected[0]);

  return chart != NULL && fanfare_studio_chart_get_max (FANFARE_STUDIO_CHART (chart)) == g_ascii_strtod (expected[1],
                                                                                                         NULL);
}

/* Scrolls the page until @widget is at the top, as a person would. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y);
  fanfare_test_wait_frame (widget);
}

/* A fan buys the album at ¥18.00: the artist sees the sale and what it
 * earned them, the price less the platform's 10%, in words and in the
 * charts of sales and revenue per day. */
static void
test_revenue (void)
{
  const char *album_id = fanfare_studio_page_get_album_id (page ());
  FanfareClient *client = fanfare_application_get_client (app);
  g_autofree char *buyer = fanfare_test_register (server, "buyer", PASSWORD);
  g_autofree char *path = g_strconcat ("/api/v1/albums/", album_id, "/purchase", NULL);
  g_auto(GStrv) codes = fanfare_test_issue_codes (server->data_dir, "50", 1);
  g_autoptr(FanfareTestResponse) bought = NULL;
  const char *sales[] = { "sales", "1" };
  const char *revenue[] = { "revenue", "1620" };
  GtkWidget *chart;

  g_assert_nonnull (album_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "studio"));
  fanfare_test_wait_mapped (GTK_WIDGET (page ()));
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "No albums sold yet", 20000));

  fanfare_test_set_price (server, fanfare_client_get_token (client), g_ascii_strtoll (album_id, NULL, 10), 1800);
  fanfare_test_top_up (server, buyer, codes[0]);
  bought = fanfare_test_money_request (server->url, path, buyer, "studio-sale", NULL);
  g_assert_cmpuint (bought->status, ==, 201);

  fanfare_studio_page_reload (page ());
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "¥16.20 earned from 1 album sold", 20000));
  g_assert_true (fanfare_test_wait_for (chart_with_class_reaches, sales, 20000));
  g_assert_true (fanfare_test_wait_for (chart_with_class_reaches, revenue, 20000));
  chart = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), FANFARE_TYPE_STUDIO_CHART, "revenue");
  g_assert_cmpuint (fanfare_studio_chart_get_n_values (FANFARE_STUDIO_CHART (chart)), ==, 30);
  g_assert_true (gtk_widget_get_mapped (chart));
  fanfare_test_assert_label_shown (GTK_WIDGET (page ()), "1 play");

  scroll_to (fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), FANFARE_TYPE_STUDIO_CHART, "sales"));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "studio-revenue");
}

/* The row of the upload of @filename, shown or not. */
static GtkWidget *
find_upload_row (GtkWidget  *root,
                 const char *filename)
{
  if (ADW_IS_ACTION_ROW (root) && fanfare_test_find_widget (root, GTK_TYPE_PROGRESS_BAR) != NULL &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), filename) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_upload_row (child, filename);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static double
upload_fraction (const char *filename)
{
  GtkWidget *row = find_upload_row (GTK_WIDGET (page ()), filename);

  if (row == NULL)
    return -1;

  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (fanfare_test_find_widget (row, GTK_TYPE_PROGRESS_BAR)));
}

/* Part of the file is on the server, not all of it. */
static gboolean
upload_partly_sent (gpointer  data)
{
  double fraction = upload_fraction (data);

  return fraction > 0 && fraction < 1;
}

static gboolean
upload_listed (gpointer  data)
{
  return find_upload_row (GTK_WIDGET (page ()), data) != NULL;
}

static void
lowest_progress_cb (GtkProgressBar *bar,
                    GParamSpec     *pspec,
                    double         *lowest)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction > 0 && (*lowest < 0 || fraction < *lowest))
    *lowest = fraction;
}

static void
select_album (const char *title)
{
  GtkListBox *albums = GTK_LIST_BOX (fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), GTK_TYPE_LIST_BOX,
                                                                          "albums"));

  g_assert_nonnull (albums);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (albums)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title))
      {
        gtk_list_box_select_row (albums, GTK_LIST_BOX_ROW (row));
        return;
      }

  g_error ("No album “%s” in the Studio", title);
}

static gboolean
albums_listed (gpointer  data)
{
  GtkWidget *albums = fanfare_test_find_widget_with_class (GTK_WIDGET (page ()), GTK_TYPE_LIST_BOX, "albums");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (albums); row; row = gtk_widget_get_next_sibling (row))
    n++;

  return n == GPOINTER_TO_UINT (data);
}

static void
start_app (void)
{
  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);
}

/* Quits as the menu does and ends as the program does: the window closes,
 * its uploads stop, and nothing is left of the application for the next
 * start to find. */
static void
quit (void)
{
  fanfare_test_app_end (g_steal_pointer (&app));
  window = NULL;
}

/* A studio master, 96 kHz stereo, large enough to go in several chunks. */
static GFile *
write_master (const char *name)
{
  g_autofree char *path = g_build_filename (scratch, name, NULL);

  fanfare_test_write_with_pipeline ("audiotestsrc num-buffers=120 samplesperbuffer=9600 freq=330"
                                    " ! audio/x-raw,format=F32LE,rate=96000,channels=2 ! wavenc"
                                    " ! filesink name=sink", path);

  return g_file_new_for_path (path);
}

/* A file added to a new album; the app quits while it uploads. Started
 * again, the upload goes on from where the server stopped, listed under
 * its own album and not under the one opened first, and the file becomes
 * a track of that album. */
static void
test_resume_upload (void)
{
  g_autoptr(GFile) master = write_master ("master.wav");
  GSList files = { master, NULL };
  GtkWidget *row;
  double stopped_at, lowest = -1;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "studio"));
  fanfare_test_wait_mapped (GTK_WIDGET (page ()));
  g_assert_true (fanfare_test_wait_for (stack_shows, (gpointer) "artist", 20000));
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (page ()), "Title of a new album")), "Master Takes");
  click ("New Album");
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Not published · 0 tracks", 20000));

  fanfare_studio_page_add_files (page (), &files);
  g_assert_true (fanfare_test_wait_for (upload_partly_sent, (gpointer) "master.wav", 60000));
  stopped_at = upload_fraction ("master.wav");
  quit ();

  /* Started again, a new application signs in with the account kept in
   * the keyring, on the page it was on. */
  start_app ();
  g_assert_true (fanfare_test_wait_for (signed_in, NULL, 20000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "studio"));
  fanfare_test_wait_mapped (GTK_WIDGET (page ()));
  g_assert_true (fanfare_test_wait_for (upload_listed, (gpointer) "master.wav", 20000));
  row = find_upload_row (GTK_WIDGET (page ()), "master.wav");
  g_signal_connect (fanfare_test_find_widget (row, GTK_TYPE_PROGRESS_BAR), "notify::fraction",
                    G_CALLBACK (lowest_progress_cb), &lowest);

  /* Under the other album, it is not listed. */
  g_assert_true (fanfare_test_wait_for (albums_listed, GUINT_TO_POINTER (2), 20000));
  select_album ("Sine Waves");
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Published · 1 track", 20000));
  g_assert_false (gtk_widget_get_mapped (row));

  /* Under its own, it goes on from where it stopped and becomes a track. */
  select_album ("Master Takes");
  g_assert_true (fanfare_test_wait_for (label_shown, (gpointer) "Not published · 1 track", 60000));
  g_assert_true (gtk_widget_get_mapped (row));
  fanfare_test_assert_label_shown (row, "Ready");
  g_assert_cmpfloat (upload_fraction ("master.wav"), ==, 1.0);
  g_assert_cmpfloat (lowest, >=, stopped_at);
  g_assert_true (fanfare_test_wait_for (entry_row_shown, (gpointer) "master", 20000));
  scroll_to (row);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "studio-resumed");
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--open-artist-signup", NULL };
  g_autofree char *data_dir = NULL;
  g_autofree char *token = NULL;
  int ret;

  scratch = fanfare_test_use_private_dirs ();
  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);

  data_dir = fanfare_test_make_data_dir ();
  server = fanfare_test_server_start (data_dir, args);
  token = fanfare_test_register (server, "maker", PASSWORD);
  fanfare_test_app_use_server (server);

  start_app ();

  g_test_add_func ("/app/studio/sign-in", test_sign_in);
  g_test_add_func ("/app/studio/publish", test_publish);
  g_test_add_func ("/app/studio/revenue", test_revenue);
  g_test_add_func ("/app/studio/resume-upload", test_resume_upload);
  ret = g_test_run ();

  quit ();
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);

  return ret;
}
