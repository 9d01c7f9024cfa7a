/* test-clubs-ui.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Nameplates, gifts and fan clubs the way people meet them, in the real
 * application under Xvfb against a real fanfare-server: a fan's nameplate
 * and clubs on their profile, their nameplate beside their comment, an
 * album a friend gave in the inbox, a club post with a picture and links
 * to an album and a track, and a club's life: an admin removing a post, a
 * member and banning another (who then cannot join), a member leaving,
 * and the artist claiming the official club a fan founded. It runs in each
 * language the project ships first; what it reads on screen it translates
 * with gettext() to compare. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fanfare-album-page.h"
#include "fanfare-application.h"
#include "fanfare-catalog-store.h"
#include "fanfare-club-composer.h"
#include "fanfare-club-page.h"
#include "fanfare-club-post-row.h"
#include "fanfare-clubs-page.h"
#include "fanfare-comment-section.h"
#include "fanfare-cover-image.h"
#include "fanfare-inbox-page.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-profile-page.h"
#include "fanfare-sign-in-dialog.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"
#include "fanfare-track-page.h"
#include "fanfare-window.h"

#define ALBUM "夏天的风"
#define CLUB  "夏天俱乐部"

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static char *artist_id;
static char *album_id;
static char *club_id;
static char *zhou, *mei, *wang, *li;  /* tokens */

static const struct {
  const char     *name;
  const char     *password;
  FanfareUserRole role;
} people[] = {
  { "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST },
  { "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER },
  { "wang", "wang password 33", FANFARE_USER_ROLE_LISTENER },
  { "li", "li password 44", FANFARE_USER_ROLE_LISTENER },
};

static FanfareClient *
client (void)
{
  return fanfare_application_get_client (app);
}

static gboolean
signed_in_as (gpointer  data)
{
  FanfareClient *current = client ();

  return current != NULL && fanfare_client_get_signed_in (current) && fanfare_client_get_user (current) != NULL &&
         g_strcmp0 (fanfare_user_get_username (fanfare_client_get_user (current)), data) == 0;
}

static gboolean
signed_out (gpointer  data)
{
  return client () == NULL || !fanfare_client_get_signed_in (client ());
}

static const char *
password_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_str_equal (people[i].name, name))
      return people[i].password;

  g_assert_not_reached ();
}

/* Signs the app in as @name, from the sign-in dialog. */
static void
sign_in_as (const char *name)
{
  FanfareSignInDialog *dialog;

  if (signed_in_as ((gpointer) name))
    return;
  if (!signed_out (NULL))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
      g_assert_true (fanfare_test_wait_for (signed_out, NULL, 20000));
    }

  dialog = fanfare_test_app_open_sign_in (app);
  fanfare_sign_in_dialog_submit (dialog, server->url, name, password_of (name), FALSE);
  g_assert_true (fanfare_test_wait_for (signed_in_as, (gpointer) name, 20000));
  fanfare_test_note_secret (fanfare_client_get_token (client ()));
}

static FanfareNavigationStack *
navigation (void)
{
  return FANFARE_NAVIGATION_STACK (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NAVIGATION_STACK));
}

/* A request to the server that must succeed. */
static char *
call (const char *method,
      const char *path,
      const char *token,
      const char *body,
      const char *member)
{
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (server, method, path, token, body);

  if (response->status >= 300)
    g_error ("%s %s answered %u", method, path, response->status);

  return member != NULL ? g_strdup (fanfare_test_response_get_string (response, member)) : NULL;
}

static void
buy (const char *token,
     const char *key,
     const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/albums/%s/purchase", album_id);
  g_auto(GStrv) codes = fanfare_test_issue_codes (server->data_dir, "10", 1);
  g_autoptr(FanfareTestResponse) bought = NULL;

  fanfare_test_top_up (server, token, codes[0]);
  bought = fanfare_test_money_request (server->url, path, token, key, body);
  g_assert_cmpuint (bought->status, ==, 201);
}

static FanfareAlbum *
album_object (void)
{
  return g_object_new (FANFARE_TYPE_ALBUM, "id", album_id, "source", FANFARE_SOURCE_PLATFORM, "title", ALBUM, NULL);
}

static gboolean
fandom_loaded (gpointer  data)
{
  return fanfare_profile_fandom_get_loaded (data);
}

/* Mei's profile: her nameplate, verified, and her club, which opens. */
static void
test_profile (void)
{
  g_autofree char *membership = g_strdup_printf ("/api/v1/clubs/%s/membership", club_id);
  g_autofree char *serial = g_strdup_printf (gettext ("No. %s"), "1");
  FanfareProfileFandom *fandom;
  GtkWidget *profile, *label, *row, *club;

  call ("PUT", membership, mei, NULL, NULL);
  sign_in_as ("wang");

  fanfare_navigate_profile (GTK_WIDGET (window), "mei");
  profile = fanfare_test_app_wait_page (window, FANFARE_TYPE_PROFILE_PAGE);
  fandom = fanfare_profile_page_get_fandom (FANFARE_PROFILE_PAGE (profile));
  g_assert_true (fanfare_test_wait_for (fandom_loaded, fandom, 20000));
  g_assert_cmpuint (fanfare_profile_fandom_get_n_nameplates (fandom), ==, 1);
  g_assert_cmpuint (fanfare_profile_fandom_get_n_verified (fandom), ==, 1);
  g_assert_cmpuint (fanfare_profile_fandom_get_n_clubs (fandom), ==, 1);
  fanfare_test_wait_frame (profile);
  fanfare_test_assert_label_shown (profile, gettext ("Nameplates"));
  fanfare_test_assert_label_shown (profile, ALBUM);
  fanfare_test_assert_label_shown (profile, serial);
  fanfare_test_assert_label_shown (profile, gettext ("Verified"));
  fanfare_test_assert_label_shown (profile, CLUB);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-profile");

  /* Li, who bought nothing and joined nothing, has neither. */
  fanfare_navigation_stack_pop_to_root (navigation ());
  fanfare_navigate_profile (GTK_WIDGET (window), "li");
  profile = fanfare_test_app_wait_page (window, FANFARE_TYPE_PROFILE_PAGE);
  fandom = fanfare_profile_page_get_fandom (FANFARE_PROFILE_PAGE (profile));
  g_assert_true (fanfare_test_wait_for (fandom_loaded, fandom, 20000));
  g_assert_cmpuint (fanfare_profile_fandom_get_n_nameplates (fandom), ==, 0);
  fanfare_test_wait_frame (profile);
  fanfare_test_assert_label_shown (profile, gettext ("No nameplates yet"));
  fanfare_test_assert_label_shown (profile, gettext ("In no fan club yet"));

  /* The club on Mei's profile opens its page. */
  fanfare_navigation_stack_pop_to_root (navigation ());
  fanfare_navigate_profile (GTK_WIDGET (window), "mei");
  profile = fanfare_test_app_wait_page (window, FANFARE_TYPE_PROFILE_PAGE);
  fandom = fanfare_profile_page_get_fandom (FANFARE_PROFILE_PAGE (profile));
  g_assert_true (fanfare_test_wait_for (fandom_loaded, fandom, 20000));
  fanfare_test_wait_frame (profile);
  label = fanfare_test_find_label (profile, CLUB);
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  g_signal_emit_by_name (row, "activate");
  club = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUB_PAGE);
  fanfare_test_assert_label_shown (club, CLUB);
  fanfare_navigation_stack_pop_to_root (navigation ());
}

static gboolean
comments_read (gpointer  data)
{
  return g_list_model_get_n_items (fanfare_comment_section_get_comments (data)) == 2 &&
         fanfare_test_find_widget (data, FANFARE_TYPE_NAMEPLATE_VIEW) != NULL;
}

/* Mei's nameplate of the album stands beside her comment on it, not
 * beside Li's. */
static void
test_comment_nameplates (void)
{
  g_autofree char *comments = g_strdup_printf ("/api/v1/albums/%s/comments", album_id);
  g_autoptr(FanfareAlbum) album = album_object ();
  g_autofree char *tooltip = NULL;
  GtkWidget *page, *section, *badge, *header;

  call ("POST", comments, li, "{\"body\": \"还没买，先听听\"}", NULL);
  call ("POST", comments, mei, "{\"body\": \"第一张就买了\"}", NULL);
  sign_in_as ("wang");

  fanfare_navigate_album (GTK_WIDGET (window), album);
  page = fanfare_test_app_wait_page (window, FANFARE_TYPE_ALBUM_PAGE);
  section = fanfare_test_find_widget (page, FANFARE_TYPE_COMMENT_SECTION);
  g_assert_nonnull (section);
  g_assert_true (fanfare_test_wait_for (comments_read, section, 20000));

  /* One badge, in the header of Mei's comment, verified. */
  badge = fanfare_test_find_widget (section, FANFARE_TYPE_NAMEPLATE_VIEW);
  g_assert_true (fanfare_nameplate_view_get_verified (FANFARE_NAMEPLATE_VIEW (badge)));
  g_assert_true (gtk_widget_has_css_class (badge, "badge"));
  tooltip = g_strdup_printf (gettext ("%s, No. %s, %s"), ALBUM, "1", gettext ("verified"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, tooltip);
  header = gtk_widget_get_parent (badge);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (header))), ==, "mei");
  for (GtkWidget *other = gtk_widget_get_next_sibling (gtk_widget_get_ancestor (header, GTK_TYPE_LIST_BOX_ROW));
       other != NULL; other = gtk_widget_get_next_sibling (other))
    g_assert_null (fanfare_test_find_widget (other, FANFARE_TYPE_NAMEPLATE_VIEW));
  for (GtkWidget *other = gtk_widget_get_prev_sibling (gtk_widget_get_ancestor (header, GTK_TYPE_LIST_BOX_ROW));
       other != NULL; other = gtk_widget_get_prev_sibling (other))
    g_assert_null (fanfare_test_find_widget (other, FANFARE_TYPE_NAMEPLATE_VIEW));

  gtk_widget_grab_focus (badge);
  fanfare_test_wait_frame (page);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-comment-nameplate");
  fanfare_navigation_stack_pop_to_root (navigation ());
}

static gboolean
gifts_listed (gpointer  data)
{
  return fanfare_inbox_gifts_get_loaded (data) && fanfare_inbox_gifts_get_n_gifts (data) == 1;
}

static gboolean
album_page_of (gpointer  data)
{
  GtkWidget *page = fanfare_navigation_stack_get_visible_page (navigation ());

  return FANFARE_IS_ALBUM_PAGE (page) && gtk_widget_get_mapped (page) &&
         g_strcmp0 (fanfare_album_get_id (fanfare_album_page_get_album (FANFARE_ALBUM_PAGE (page))), data) == 0;
}

static gboolean
playing_album (gpointer  data)
{
  FanfareTrack *track = fanfare_player_get_current_track (fanfare_application_get_player (app));

  return track != NULL && g_strcmp0 (fanfare_track_get_album_id (track), data) == 0;
}

/* Li gives Wang the album with a note: it waits in Wang's inbox, and
 * opens. */
static void
test_gift_inbox (void)
{
  g_autofree char *from = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *inbox;
  FanfareInboxGifts *gifts;

  buy (li, "gift-1", "{\"gift_to\": \"wang\", \"message\": \"生日快乐\"}");
  sign_in_as ("wang");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox"));
  inbox = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_INBOX_PAGE);
  fanfare_test_wait_mapped (inbox);
  gifts = fanfare_inbox_page_get_gifts (FANFARE_INBOX_PAGE (inbox));
  g_assert_true (fanfare_test_wait_for (gifts_listed, gifts, 20000));
  fanfare_test_wait_frame (inbox);
  fanfare_test_assert_label_shown (inbox, gettext ("Gifts"));
  fanfare_test_assert_label_shown (inbox, ALBUM);
  from = g_strdup_printf (gettext ("%s · a gift from %s"), "zhou", "li");
  subtitle = g_strdup_printf (gettext ("%s · “%s”"), from, "生日快乐");
  fanfare_test_assert_label_shown (inbox, subtitle);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-inbox-gift");

  /* Play plays it; the row opens its page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gifts), "gifts.play", "s", album_id));
  g_assert_true (fanfare_test_wait_for (playing_album, album_id, 20000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gifts), "gifts.open", "s", album_id));
  g_assert_true (fanfare_test_wait_for (album_page_of, album_id, 20000));
  fanfare_navigation_stack_pop_to_root (navigation ());
}

static gboolean
has_n_posts (gpointer  data)
{
  return fanfare_club_page_get_loaded (data) &&
         fanfare_club_page_get_n_posts (data) == GPOINTER_TO_UINT (g_object_get_data (data, "expected-posts"));
}

static void
wait_posts (GtkWidget *club,
            guint      count)
{
  g_object_set_data (G_OBJECT (club), "expected-posts", GUINT_TO_POINTER (count));
  g_assert_true (fanfare_test_wait_for (has_n_posts, club, 20000));
  fanfare_test_wait_frame (club);
}

static gboolean
has_results (gpointer  data)
{
  return g_list_model_get_n_items (fanfare_club_composer_get_results (data)) > 0;
}

static gboolean
has_image (gpointer  data)
{
  return fanfare_club_composer_get_has_image (data);
}

static gboolean
link_read (gpointer  data)
{
  return fanfare_club_post_row_get_linked (data) != NULL;
}

/* Links the composer's post to the first result of @type for @query, as
 * the search popover does. */
static void
link_found (FanfareClubComposer *composer,
            const char          *query,
            GType                type)
{
  GtkWidget *search = fanfare_test_find_widget (GTK_WIDGET (composer), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list = fanfare_test_find_widget (gtk_widget_get_parent (search), GTK_TYPE_LIST_BOX);
  GListModel *results = fanfare_club_composer_get_results (composer);

  gtk_editable_set_text (GTK_EDITABLE (search), query);
  g_assert_true (fanfare_test_wait_for (has_results, composer, 20000));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (results, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        {
          g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
          return;
        }
    }

  g_assert_not_reached ();
}

static FanfareClubPostRow *
post_row (GtkWidget *club)
{
  GtkWidget *row = fanfare_test_find_widget (club, FANFARE_TYPE_CLUB_POST_ROW);

  g_assert_nonnull (row);

  return FANFARE_CLUB_POST_ROW (row);
}

/* Wang posts a picture linked to the album, then a line linked to a
 * track: each link opens what it names. */
static void
test_post_image_link (void)
{
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "海边.png", NULL);
  g_autoptr(GBytes) picture = fanfare_test_make_cover (0x3080d0ff);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *posts = g_strdup_printf ("/api/v1/clubs/%s/posts", club_id);
  g_autoptr(FanfareTestResponse) listed = NULL;
  g_autofree char *link_text = g_strdup_printf (gettext ("%s — %s"), ALBUM, "zhou");
  FanfareClubComposer *composer;
  FanfareClubPostRow *row;
  GtkWidget *club, *link;
  GObject *linked;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (picture, NULL), g_bytes_get_size (picture), &error));
  g_assert_no_error (error);
  sign_in_as ("wang");
  fanfare_navigate_club (GTK_WIDGET (window), club_id, CLUB);
  club = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUB_PAGE);
  wait_posts (club, 0);
  composer = fanfare_club_page_get_composer (FANFARE_CLUB_PAGE (club));

  gtk_editable_set_text (fanfare_club_composer_get_entry (composer), "海边听这张专辑");
  fanfare_club_composer_set_image (composer, file);
  g_assert_true (fanfare_test_wait_for (has_image, composer, 20000));
  link_found (composer, ALBUM, FANFARE_TYPE_ALBUM);
  fanfare_test_wait_frame (club);
  fanfare_test_assert_label_shown (club, "海边.png");
  fanfare_test_assert_label_shown (club, link_text);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-composer");
  g_assert_true (gtk_widget_activate_action (club, "club.post", NULL));
  wait_posts (club, 1);

  /* The server has the picture and the link. */
  listed = fanfare_test_request (server, "GET", posts, NULL, NULL);
  g_assert_true (fanfare_test_response_contains (listed, "\"image_uri\""));
  g_assert_true (fanfare_test_response_contains (listed, album_id));

  /* The row shows both; the link opens the album. */
  row = post_row (club);
  g_assert_true (fanfare_test_wait_for (link_read, row, 20000));
  g_assert_nonnull (fanfare_test_find_widget (GTK_WIDGET (row), FANFARE_TYPE_COVER_IMAGE));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  fanfare_test_wait_frame (club);
  link = fanfare_test_find_label (GTK_WIDGET (row), link_text);
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_is_sensitive (link));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-post-picture-link");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "post.open-link", NULL));
  g_assert_true (fanfare_test_wait_for (album_page_of, album_id, 20000));
  fanfare_navigation_stack_pop (navigation ());
  club = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUB_PAGE);

  /* A track, found the same way, opens its own page. */
  composer = fanfare_club_page_get_composer (FANFARE_CLUB_PAGE (club));
  gtk_editable_set_text (fanfare_club_composer_get_entry (composer), "单曲循环");
  link_found (composer, "晴天", FANFARE_TYPE_TRACK);
  g_assert_true (gtk_widget_activate_action (club, "club.post", NULL));
  wait_posts (club, 2);
  row = post_row (club);
  g_assert_true (fanfare_test_wait_for (link_read, row, 20000));
  linked = fanfare_club_post_row_get_linked (row);
  g_assert_true (FANFARE_IS_TRACK (linked));
  g_assert_cmpstr (fanfare_track_get_title (FANFARE_TRACK (linked)), ==, "晴天");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "post.open-link", NULL));
  fanfare_test_app_wait_page (window, FANFARE_TYPE_TRACK_PAGE);
  fanfare_navigation_stack_pop_to_root (navigation ());
  fanfare_test_rm_rf (dir);
}

static gboolean
has_n_supporters (gpointer  data)
{
  return fanfare_club_page_get_loaded (data) &&
         fanfare_club_page_get_n_supporters (data) == GPOINTER_TO_UINT (g_object_get_data (data, "expected"));
}

static void
wait_supporters (GtkWidget *club,
                 guint      count)
{
  g_object_set_data (G_OBJECT (club), "expected", GUINT_TO_POINTER (count));
  g_assert_true (fanfare_test_wait_for (has_n_supporters, club, 20000));
}

static gboolean
toast_shown (gpointer  data)
{
  return fanfare_test_find_label (GTK_WIDGET (window), data) != NULL;
}

static GtkWidget *
open_club (const char *id,
           const char *name)
{
  GtkWidget *club;

  fanfare_navigation_stack_pop_to_root (navigation ());
  fanfare_navigate_club (GTK_WIDGET (window), id, name);
  club = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUB_PAGE);
  g_assert_true (fanfare_test_wait_for ((FanfareTestCondition) fanfare_club_page_get_loaded, club, 20000));

  return club;
}

/* Wang, who founded the club, removes Mei's post and Mei, and bans Li,
 * who then cannot join again and is told why. */
static void
test_moderation (void)
{
  g_autofree char *posts = g_strdup_printf ("/api/v1/clubs/%s/posts", club_id);
  g_autofree char *membership = g_strdup_printf ("/api/v1/clubs/%s/membership", club_id);
  g_autofree char *spam = NULL;
  GtkWidget *club;

  call ("PUT", membership, li, NULL, NULL);
  spam = call ("POST", posts, mei, "{\"body\": \"低价代购\"}", "post.id");
  sign_in_as ("wang");
  club = open_club (club_id, CLUB);
  fanfare_test_app_wait_club_role (club, "founder");
  wait_posts (club, 3);
  wait_supporters (club, 3);
  fanfare_test_assert_label_shown (club, "低价代购");

  g_assert_true (gtk_widget_activate_action (club, "club.remove-post", "s", spam));
  wait_posts (club, 2);
  g_assert_null (fanfare_test_find_label (club, "低价代购"));

  g_assert_true (gtk_widget_activate_action (club, "club.remove-member", "s", "mei"));
  wait_supporters (club, 2);
  g_assert_true (gtk_widget_activate_action (club, "club.ban-member", "s", "li"));
  wait_supporters (club, 1);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-moderated");

  /* Li finds the club and cannot join it again. */
  sign_in_as ("li");
  club = open_club (club_id, CLUB);
  fanfare_test_app_wait_club_role (club, NULL);
  fanfare_test_assert_label_shown (club, gettext ("Join"));
  g_assert_true (gtk_widget_activate_action (club, "club.join", NULL));
  g_assert_true (fanfare_test_wait_for (toast_shown, (gpointer) gettext ("You were banned from this club and cannot join it again"),
                                        20000));
  fanfare_test_app_wait_club_role (club, NULL);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-banned-join");
}

/* Mei, removed before, joins again and leaves. */
static void
test_leave (void)
{
  g_autoptr(FanfareTestResponse) listed = NULL;
  GtkWidget *club;

  sign_in_as ("mei");
  club = open_club (club_id, CLUB);
  fanfare_test_app_wait_club_role (club, NULL);
  g_assert_true (gtk_widget_activate_action (club, "club.join", NULL));
  fanfare_test_app_wait_club_role (club, "member");
  fanfare_test_assert_label_shown (club, gettext ("Leave"));
  g_assert_true (gtk_widget_activate_action (club, "club.join", NULL));
  fanfare_test_app_wait_club_role (club, NULL);
  fanfare_test_assert_label_shown (club, gettext ("Join"));
  listed = fanfare_test_request (server, "GET", "/api/v1/users/mei/clubs", NULL, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (listed, "items")), ==, 0);
}

/* Mei founds the artist's official club; Zhou, the artist, claims it. */
static void
test_claim (void)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/artists/%s/clubs", artist_id);
  g_autofree char *official = call ("POST", path, mei, "{\"name\": \"周的官方后援会\", \"official\": true}", "club.id");
  g_autofree char *details = NULL;
  GtkWidget *club, *claim;

  sign_in_as ("zhou");
  club = open_club (official, "周的官方后援会");
  fanfare_test_app_wait_club_role (club, NULL);
  claim = fanfare_test_app_find_actionable (club, "club.claim");
  g_assert_nonnull (claim);
  g_assert_true (gtk_widget_get_mapped (claim));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-claim");
  g_assert_true (gtk_widget_activate_action (club, "club.claim", NULL));
  fanfare_test_app_wait_club_role (club, "founder");
  g_assert_false (gtk_widget_get_mapped (claim));
  details = g_strdup_printf (ngettext ("%s · %s · %u member", "%s · %s · %u members", 2), "zhou",
                             gettext ("Official club"), 2);
  fanfare_test_assert_label_shown (club, details);
}

static void
set_up_platform (void)
{
  const char *tracks[] = { "晴天", "雨天", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *clubs = NULL;
  gint64 artist = 0, album;

  fanfare_test_store_set_up (&store);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 user = fanfare_test_store_add_account (&store, people[i].name, people[i].password, people[i].role);

      fanfare_test_note_secret (people[i].password);
      if (people[i].role == FANFARE_USER_ROLE_ARTIST)
        artist = fanfare_catalog_store_get_artist_for_user (store.db, user, &error);
      g_assert_no_error (error);
    }
  album = fanfare_test_store_add_album (&store, artist, ALBUM, "2025-07-01", tracks, TRUE);
  artist_id = g_strdup_printf ("%" G_GINT64_FORMAT, artist);
  album_id = g_strdup_printf ("%" G_GINT64_FORMAT, album);
  data_dir = fanfare_test_store_close (&store);

  server = fanfare_test_server_start (data_dir, NULL);
  zhou = fanfare_test_log_in (server, "zhou", "zhou password 11");
  mei = fanfare_test_log_in (server, "mei", "mei password 22");
  wang = fanfare_test_log_in (server, "wang", "wang password 33");
  li = fanfare_test_log_in (server, "li", "li password 44");

  /* The album is for sale, Mei bought it, and Wang runs a fan-made club. */
  fanfare_test_set_price (server, zhou, album, 500);
  buy (mei, "buy-1", NULL);
  clubs = g_strdup_printf ("/api/v1/artists/%s/clubs", artist_id);
  club_id = call ("POST", clubs, wang, "{\"name\": \"" CLUB "\", \"official\": false}", "club.id");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  int ret;

  scratch = fanfare_test_app_init (&argc, &argv);
  set_up_platform ();
  fanfare_test_app_use_server (server);

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/clubs/profile", test_profile);
  g_test_add_func ("/app/clubs/comment-nameplates", test_comment_nameplates);
  g_test_add_func ("/app/clubs/gift-inbox", test_gift_inbox);
  g_test_add_func ("/app/clubs/post-image-link", test_post_image_link);
  g_test_add_func ("/app/clubs/moderation", test_moderation);
  g_test_add_func ("/app/clubs/leave", test_leave);
  g_test_add_func ("/app/clubs/claim", test_claim);

  ret = g_test_run ();

  fanfare_test_app_quit (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (artist_id);
  g_free (album_id);
  g_free (club_id);
  g_free (zhou);
  g_free (mei);
  g_free (wang);
  g_free (li);

  return ret;
}
