/* fanfare-club-post-row.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A post of a fan club: who wrote it and what, pinned or not, its picture
 * and the track or album it links to, which opens on a click; opened, its
 * picture whole and its comments, read when first opened, and for members
 * a line to add one.
 * The club's admins get a menu to pin or remove it; the actions are the
 * club page's (club.pin-post, club.remove-post). */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-club-post-row.h"
#include "fanfare-cover-image.h"
#include "fanfare-navigate.h"

struct _FanfareClubPostRow
{
  AdwExpanderRow parent_instance;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;
  GPtrArray     *comment_rows;  /* GtkWidget, borrowed from the expander */

  GObject       *linked;  /* the FanfareTrack or FanfareAlbum, once read */

  /* Borrowed references */
  GtkWidget *entry_row;
  GtkLabel  *count_label;
  GtkWidget *link_button;

  /* State */
  char    *post_id;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (FanfareClubPostRow, fanfare_club_post_row, ADW_TYPE_EXPANDER_ROW)

static void
set_count (FanfareClubPostRow *self,
           guint               count)
{
  g_autofree char *label = g_strdup_printf (ngettext ("%u comment", "%u comments", count), count);

  gtk_label_set_label (self->count_label, label);
}

static void
show_comments (FanfareClubPostRow *self,
               GPtrArray          *comments)
{
  set_count (self, comments->len);
  for (guint i = 0; i < self->comment_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->comment_rows, i));
  g_ptr_array_set_size (self->comment_rows, 0);

  for (guint i = 0; i < comments->len; i++)
    {
      FanfareClientClubComment *comment = g_ptr_array_index (comments, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comment->body);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), comment->author);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->comment_rows, row);
    }
}

static void
comments_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareClubPostRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = fanfare_client_list_club_comments_finish (FANFARE_CLIENT (object), result, &error);

  if (comments == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a post's comments: %s", error->message);
      return;
    }

  self->loaded = TRUE;
  show_comments (self, comments);
}

static void
load_comments (FanfareClubPostRow *self)
{
  fanfare_client_list_club_comments_async (self->client, self->post_id, self->cancellable, comments_cb,
                                           g_object_ref (self));
}

static void
expanded_cb (FanfareClubPostRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)) && !self->loaded)
    load_comments (self);
}

static void
comment_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FanfareClubPostRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClubComment) comment = NULL;

  comment = fanfare_client_add_club_comment_finish (FANFARE_CLIENT (object), result, &error);
  if (comment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not comment: %s", error->message);
      return;
    }

  load_comments (self);
}

/**
 * fanfare_club_post_row_add_comment:
 *
 * Sends a comment under the post, then reads the comments again.
 */
void
fanfare_club_post_row_add_comment (FanfareClubPostRow *self,
                                   const char         *text)
{
  g_return_if_fail (FANFARE_IS_CLUB_POST_ROW (self));

  if (text == NULL || *text == '\0')
    return;

  fanfare_client_add_club_comment_async (self->client, self->post_id, text, self->cancellable, comment_added_cb,
                                         g_object_ref (self));
}

static void
apply_cb (FanfareClubPostRow *self,
          AdwEntryRow        *entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  fanfare_club_post_row_add_comment (self, g_strstrip (text));
}

static GtkWidget *
create_menu_button (const FanfareClientClubPost *post)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) pin = g_menu_item_new (post->pinned ? _("Unpin") : _("Pin to Top"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("Remove Post"), NULL);

  g_menu_item_set_action_and_target (pin, post->pinned ? "club.unpin-post" : "club.pin-post", "s", post->id);
  g_menu_item_set_action_and_target (remove, "club.remove-post", "s", post->id);
  g_menu_append_item (menu, pin);
  g_menu_append_item (menu, remove);

  return fanfare_club_moderation_button_new (G_MENU_MODEL (menu));
}

/**
 * fanfare_club_moderation_button_new:
 *
 * Returns: (transfer floating): the button an admin opens @menu with
 */
GtkWidget *
fanfare_club_moderation_button_new (GMenuModel *menu)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Moderate"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Moderate"), -1);

  return button;
}

/* The linked track or album is read to show its title; it opens on a
 * click. */
static void
show_link (FanfareClubPostRow *self,
           GObject            *item)
{
  const char *title = FANFARE_IS_TRACK (item) ? fanfare_track_get_title (FANFARE_TRACK (item))
                                              : fanfare_album_get_title (FANFARE_ALBUM (item));
  const char *artist = FANFARE_IS_TRACK (item) ? fanfare_track_get_artist (FANFARE_TRACK (item))
                                               : fanfare_album_get_artist (FANFARE_ALBUM (item));
  /* Translators: a track or an album a club post links to, and its artist */
  g_autofree char *label = g_strdup_printf (_("%s — %s"), title, artist != NULL ? artist : "");

  g_set_object (&self->linked, item);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->link_button))), label);
  gtk_widget_set_tooltip_text (self->link_button, FANFARE_IS_TRACK (item) ? _("Open the Track") : _("Open the Album"));
  gtk_widget_set_sensitive (self->link_button, TRUE);
}

static void
linked_track_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareClubPostRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareTrack) track = fanfare_client_get_track_finish (FANFARE_CLIENT (object), result, &error);

  if (track != NULL)
    show_link (self, G_OBJECT (track));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not read a post's track: %s", error->message);
}

static void
linked_album_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareClubPostRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAlbum) album = fanfare_client_get_album_finish (FANFARE_CLIENT (object), result, NULL, &error);

  if (album != NULL)
    show_link (self, G_OBJECT (album));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not read a post's album: %s", error->message);
}

static void
add_link (FanfareClubPostRow          *self,
          const FanfareClientClubPost *post)
{
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    post->track_id != NULL ? "audio-x-generic-symbolic" : "media-optical-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content),
                                post->track_id != NULL ? _("Linked track") : _("Linked album"));
  self->link_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->link_button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->link_button), "post.open-link");
  gtk_widget_set_valign (self->link_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->link_button, "flat");
  gtk_widget_add_css_class (self->link_button, "post-link");
  gtk_widget_set_sensitive (self->link_button, FALSE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->link_button);

  if (post->track_id != NULL)
    fanfare_client_get_track_async (self->client, post->track_id, self->cancellable, linked_track_cb,
                                    g_object_ref (self));
  else
    fanfare_client_get_album_async (self->client, post->album_id, self->cancellable, linked_album_cb,
                                    g_object_ref (self));
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FanfareClubPostRow *self = FANFARE_CLUB_POST_ROW (widget);

  if (FANFARE_IS_TRACK (self->linked))
    fanfare_navigate_track (widget, FANFARE_TRACK (self->linked));
  else if (FANFARE_IS_ALBUM (self->linked))
    fanfare_navigate_album (widget, FANFARE_ALBUM (self->linked));
}

/* A thumbnail beside the text, and the picture itself when opened. */
static void
add_picture (FanfareClubPostRow          *self,
             const FanfareClientClubPost *post)
{
  GtkWidget *thumbnail = g_object_new (FANFARE_TYPE_COVER_IMAGE, "size", 48, NULL);
  GtkWidget *picture = g_object_new (FANFARE_TYPE_COVER_IMAGE, "size", 320, "halign", GTK_ALIGN_START,
                                     "margin-top", 6, "margin-bottom", 6, "margin-start", 12, NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  fanfare_cover_image_set_uri (FANFARE_COVER_IMAGE (thumbnail), post->image_uri);
  gtk_widget_set_valign (thumbnail, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (thumbnail, _("Picture"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (thumbnail), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Picture"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), thumbnail);

  fanfare_cover_image_set_uri (FANFARE_COVER_IMAGE (picture), post->image_uri);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), picture);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

static void
fanfare_club_post_row_dispose (GObject *object)
{
  FanfareClubPostRow *self = FANFARE_CLUB_POST_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->linked);
  g_clear_pointer (&self->comment_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_club_post_row_parent_class)->dispose (object);
}

static void
fanfare_club_post_row_finalize (GObject *object)
{
  FanfareClubPostRow *self = FANFARE_CLUB_POST_ROW (object);

  g_free (self->post_id);

  G_OBJECT_CLASS (fanfare_club_post_row_parent_class)->finalize (object);
}

static void
fanfare_club_post_row_class_init (FanfareClubPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_club_post_row_dispose;
  object_class->finalize = fanfare_club_post_row_finalize;

  gtk_widget_class_install_action (widget_class, "post.open-link", NULL, open_link_action);
}

static void
fanfare_club_post_row_init (FanfareClubPostRow *self)
{
  self->cancellable = g_cancellable_new ();
  self->comment_rows = g_ptr_array_new ();
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
}

/**
 * fanfare_club_post_row_new:
 * @member: whether the user may comment
 * @moderator: whether the user may pin and remove the post
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
fanfare_club_post_row_new (FanfareClient               *client,
                           const FanfareClientClubPost *post,
                           gboolean                     member,
                           gboolean                     moderator)
{
  FanfareClubPostRow *self;
  GtkWidget *label;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (post != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_CLUB_POST_ROW, "use-markup", FALSE, "title", post->body,
                       "subtitle", post->author, NULL);
  self->client = g_object_ref (client);
  self->post_id = g_strdup (post->id);

  if (post->pinned)
    {
      label = gtk_label_new (_("Pinned"));
      gtk_widget_add_css_class (label, "accent");
      gtk_widget_add_css_class (label, "caption-heading");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), label);
    }

  if (post->image_uri != NULL)
    add_picture (self, post);
  if (post->track_id != NULL || post->album_id != NULL)
    add_link (self, post);

  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "dim-label");
  self->count_label = GTK_LABEL (label);
  set_count (self, post->comment_count);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), label);
  if (moderator)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (self), create_menu_button (post));

  if (member)
    {
      self->entry_row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), _("Add a comment"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->entry_row), TRUE);
      g_signal_connect_object (self->entry_row, "apply", G_CALLBACK (apply_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->entry_row);
    }

  return GTK_WIDGET (self);
}

const char *
fanfare_club_post_row_get_post_id (FanfareClubPostRow *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_POST_ROW (self), NULL);

  return self->post_id;
}

/* The comments shown, once read. */
guint
fanfare_club_post_row_get_n_comments (FanfareClubPostRow *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_POST_ROW (self), 0);

  return self->comment_rows->len;
}

/**
 * fanfare_club_post_row_get_linked:
 *
 * Returns: (transfer none) (nullable): the #FanfareTrack or #FanfareAlbum
 *   the post links to, once read
 */
GObject *
fanfare_club_post_row_get_linked (FanfareClubPostRow *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_POST_ROW (self), NULL);

  return self->linked;
}
