/* fanfare-comment-section.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The comments of a track, an album or a playlist, the hottest or the
 * newest first, a page at a time. Each shows its author (the artist's
 * stand out), its text exactly as written (never markup), its likes, and
 * Reply (one level: a reply to a reply joins the thread), Delete for one's
 * own and Report for others'. An author who owns a nameplate of the
 * artist commented on has it beside their name, verified or not. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-client-store.h"
#include "fanfare-comment-section.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-people.h"

struct _FanfareCommentSection
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkToggleButton *hot_button;
  GtkWidget       *compose_box;
  GtkEntry        *entry;
  GtkListBox      *list;
  GtkWidget       *more_button;

  /* Owned references */
  FanfareClient *client;
  GListStore    *comments;
  GCancellable  *cancellable;

  /* State */
  FanfareSocialTarget target;
  char               *target_id;
  char               *next_cursor;
  char               *key;  /* the server's nameplate key */
};

G_DEFINE_FINAL_TYPE (FanfareCommentSection, fanfare_comment_section, GTK_TYPE_WIDGET)

/* What a comment's widgets need to act on it. */
typedef struct {
  FanfareCommentSection *section;   /* borrowed: it holds the widgets */
  FanfareComment        *comment;
  char                  *thread_id; /* the comment replies join */
  gboolean               liked;
  guint                  like_count;
  GtkWidget             *like_button;
  GtkWidget             *replies;   /* the thread's: owned by the thread's state */
  gboolean               owns_replies;
  GtkWidget             *reply_box; /* borrowed */
} CommentState;

static void
comment_state_free (gpointer  data)
{
  CommentState *state = data;

  g_clear_object (&state->comment);
  g_free (state->thread_id);
  if (state->owns_replies)
    {
      g_object_set_data (G_OBJECT (state->replies), "comment-state", NULL);
      g_object_unref (state->replies);
    }
  g_free (state);
}

static GtkWidget *create_comment (FanfareCommentSection *self,
                                  FanfareComment        *comment,
                                  CommentState          *thread);

static gboolean
is_own (FanfareCommentSection *self,
        FanfareComment        *comment)
{
  FanfareUser *me = self->client != NULL ? fanfare_client_get_user (self->client) : NULL;

  return me != NULL && g_strcmp0 (fanfare_user_get_username (me),
                                  fanfare_user_get_username (fanfare_comment_get_author (comment))) == 0;
}

static void
update_like (CommentState *state)
{
  g_autofree char *count = g_strdup_printf ("%u", state->like_count);

  adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (state->like_button))), count);
  if (state->liked)
    gtk_widget_add_css_class (state->like_button, "liked");
  else
    gtk_widget_remove_css_class (state->like_button, "liked");
  gtk_widget_set_tooltip_text (state->like_button, state->liked ? _("Unlike") : _("Like"));
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FanfareCommentSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fanfare_toast (GTK_WIDGET (self), error->message);
}

static void
like_clicked_cb (GtkButton    *button,
                 CommentState *state)
{
  FanfareCommentSection *self = state->section;

  if (self->client == NULL || !fanfare_client_get_signed_in (self->client))
    return;
  state->liked = !state->liked;
  state->like_count = state->liked ? state->like_count + 1 : state->like_count - MIN (state->like_count, 1);
  update_like (state);
  fanfare_client_set_comment_liked_async (self->client, fanfare_comment_get_id (state->comment), state->liked,
                                          self->cancellable, done_cb, g_object_ref (self));
}

static void
delete_clicked_cb (GtkButton    *button,
                   CommentState *state)
{
  FanfareCommentSection *self = state->section;
  GtkWidget *widget = g_object_get_data (G_OBJECT (button), "comment-widget");
  guint position;

  fanfare_client_delete_comment_async (self->client, fanfare_comment_get_id (state->comment), self->cancellable,
                                       done_cb, g_object_ref (self));
  if (g_list_store_find (self->comments, state->comment, &position))
    g_list_store_remove (self->comments, position);
  else
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (widget)), widget);
}

static void
report_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CommentState     *state)
{
  FanfareCommentSection *self = state->section;
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (!g_str_equal (response, "report"))
    return;
  fanfare_client_report_comment_async (self->client, fanfare_comment_get_id (state->comment),
                                       gtk_editable_get_text (reason), self->cancellable, done_cb,
                                       g_object_ref (self));
  fanfare_toast (GTK_WIDGET (self), _("Reported to the moderators"));
}

static void
report_clicked_cb (GtkButton    *button,
                   CommentState *state)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkWidget *dialog;
  GtkWidget *reason;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Report Comment?"),
                                   _("The moderators will read it and may take it down."));
  reason = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (reason), 500);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reason);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "report", _("_Report"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "report", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (report_response_cb),
                         g_object_get_data (G_OBJECT (button), "comment-state"), NULL, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
append_reply (CommentState   *thread,
              FanfareComment *reply)
{
  gtk_box_append (GTK_BOX (thread->replies), create_comment (thread->section, reply, thread));
}

static void
replies_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) replies = user_data;
  CommentState *thread = g_object_get_data (G_OBJECT (replies), "comment-state");
  g_autoptr(GListModel) items = NULL;

  items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, NULL);
  if (items == NULL || thread == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FanfareComment) reply = g_list_model_get_item (items, i);

      append_reply (thread, reply);
    }
}

static void
show_replies_clicked_cb (GtkButton    *button,
                         CommentState *state)
{
  FanfareCommentSection *self = state->section;

  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
  fanfare_client_list_replies_async (self->client, fanfare_comment_get_id (state->comment), NULL, self->cancellable,
                                     replies_cb, g_object_ref (state->replies));
}

static void
reply_clicked_cb (GtkButton    *button,
                  CommentState *state)
{
  GtkWidget *entry = gtk_widget_get_first_child (state->reply_box);

  gtk_widget_set_visible (state->reply_box, TRUE);
  gtk_widget_grab_focus (entry);
}

static void
reply_posted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) replies = user_data;
  CommentState *thread = g_object_get_data (G_OBJECT (replies), "comment-state");
  g_autoptr(FanfareComment) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = fanfare_client_post_comment_finish (FANFARE_CLIENT (object), result, &error);
  if (reply == NULL || thread == NULL)
    {
      if (thread != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_toast (GTK_WIDGET (thread->section), error->message);
      return;
    }
  append_reply (thread, reply);
}

static void
send_reply_cb (GtkWidget    *widget,
               CommentState *thread)
{
  FanfareCommentSection *self = thread->section;
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_first_child (thread->reply_box));
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (*body == '\0' || self->client == NULL)
    return;
  fanfare_client_post_comment_async (self->client, self->target, self->target_id, thread->thread_id, body,
                                     self->cancellable, reply_posted_cb, g_object_ref (thread->replies));
  gtk_editable_set_text (entry, "");
  gtk_widget_set_visible (thread->reply_box, FALSE);
}

static GtkWidget *
action_button (const char   *icon_name,
               const char   *label,
               GCallback     callback,
               CommentState *state)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "comment-state", state);
  g_signal_connect (button, "clicked", callback, state);

  return button;
}

/* A comment, or a reply when @thread is the comment it joins. */
static GtkWidget *
create_comment (FanfareCommentSection *self,
                FanfareComment        *comment,
                CommentState          *thread)
{
  FanfareUser *author = fanfare_comment_get_author (comment);
  const char *name = fanfare_user_get_display_name (author);
  gboolean signed_in = self->client != NULL && fanfare_client_get_signed_in (self->client);
  CommentState *state = g_new0 (CommentState, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *author_label = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (fanfare_comment_get_created_at (comment));
  g_autofree char *when = g_date_time_format (local, "%x %H:%M");
  GtkWidget *when_label = gtk_label_new (when);

  state->section = self;
  state->comment = g_object_ref (comment);
  state->thread_id = g_strdup (thread != NULL ? thread->thread_id : fanfare_comment_get_id (comment));
  state->liked = fanfare_comment_get_liked (comment);
  state->like_count = fanfare_comment_get_like_count (comment);
  g_object_set_data_full (G_OBJECT (box), "comment-state", state, comment_state_free);

  gtk_widget_add_css_class (box, "comment");
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, thread != NULL ? 24 : 12);
  gtk_widget_set_margin_end (box, 12);

  /* Written by people: shown as text, never as markup. */
  gtk_label_set_text (GTK_LABEL (author_label), name != NULL && *name != '\0' ? name : fanfare_user_get_username (author));
  gtk_widget_add_css_class (author_label, "heading");
  gtk_box_append (GTK_BOX (header), author_label);
  /* The author's nameplate of the artist: the album's, when they own it. */
  if (fanfare_comment_get_nameplates (comment)->len > 0)
    gtk_box_append (GTK_BOX (header),
                    fanfare_nameplate_view_new_badge (g_ptr_array_index (fanfare_comment_get_nameplates (comment), 0),
                                                      self->key));
  if (fanfare_comment_get_by_artist (comment))
    {
      GtkWidget *tag = gtk_label_new (_("Artist"));

      gtk_widget_add_css_class (box, "artist-comment");
      gtk_widget_add_css_class (tag, "artist-tag");
      gtk_widget_add_css_class (tag, "caption");
      gtk_box_append (GTK_BOX (header), tag);
    }
  gtk_widget_add_css_class (when_label, "dim-label");
  gtk_widget_add_css_class (when_label, "caption");
  gtk_box_append (GTK_BOX (header), when_label);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_use_markup (GTK_LABEL (body), FALSE);
  gtk_label_set_text (GTK_LABEL (body), fanfare_comment_get_body (comment));
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_box_append (GTK_BOX (box), body);

  state->like_button = action_button ("emblem-favorite-symbolic", "", G_CALLBACK (like_clicked_cb), state);
  update_like (state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->like_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Like"), -1);
  gtk_widget_set_sensitive (state->like_button, signed_in);
  gtk_box_append (GTK_BOX (actions), state->like_button);
  if (signed_in)
    gtk_box_append (GTK_BOX (actions), action_button ("mail-reply-sender-symbolic", _("_Reply"),
                                                      G_CALLBACK (reply_clicked_cb), state));
  if (thread == NULL && fanfare_comment_get_reply_count (comment) > 0)
    {
      guint count = fanfare_comment_get_reply_count (comment);
      g_autofree char *label = g_strdup_printf (ngettext ("%u Reply", "%u Replies", count), count);

      gtk_box_append (GTK_BOX (actions), action_button ("view-more-symbolic", label,
                                                        G_CALLBACK (show_replies_clicked_cb), state));
    }
  if (signed_in && is_own (self, comment))
    {
      GtkWidget *delete = action_button ("user-trash-symbolic", _("_Delete"), G_CALLBACK (delete_clicked_cb), state);

      g_object_set_data (G_OBJECT (delete), "comment-widget", box);
      gtk_box_append (GTK_BOX (actions), delete);
    }
  else if (signed_in)
    gtk_box_append (GTK_BOX (actions), action_button ("dialog-warning-symbolic", _("Re_port"),
                                                      G_CALLBACK (report_clicked_cb), state));
  gtk_box_append (GTK_BOX (box), actions);

  /* A reply's replies join its thread: they go where the thread's are. */
  if (thread == NULL)
    {
      state->replies = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      state->owns_replies = TRUE;
      g_object_set_data (G_OBJECT (state->replies), "comment-state", state);
    }
  else
    state->replies = thread->replies;

  state->reply_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    GtkWidget *entry = gtk_entry_new ();
    GtkWidget *send = gtk_button_new_with_mnemonic (_("_Send"));

    gtk_widget_set_hexpand (entry, TRUE);
    gtk_entry_set_max_length (GTK_ENTRY (entry), 2000);
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Write a reply…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reply"), -1);
    gtk_box_append (GTK_BOX (state->reply_box), entry);
    gtk_box_append (GTK_BOX (state->reply_box), send);
    g_signal_connect (entry, "activate", G_CALLBACK (send_reply_cb), state);
    g_signal_connect (send, "clicked", G_CALLBACK (send_reply_cb), state);
  }
  gtk_widget_set_visible (state->reply_box, FALSE);
  gtk_box_append (GTK_BOX (box), state->reply_box);
  if (thread == NULL)
    gtk_box_append (GTK_BOX (box), state->replies);

  return box;
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), create_comment (user_data, item, NULL));

  return row;
}

static void
comments_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareCommentSection) self = user_data;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, &cursor, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the comments: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FanfareComment) comment = g_list_model_get_item (items, i);

      g_list_store_append (self->comments, comment);
    }
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&cursor);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
}

static void
load_page (FanfareCommentSection *self)
{
  if (self->client == NULL || self->target_id == NULL)
    return;
  fanfare_client_list_comments_async (self->client, self->target, self->target_id,
                                      !gtk_toggle_button_get_active (self->hot_button), self->next_cursor,
                                      self->cancellable, comments_cb, g_object_ref (self));
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(FanfareCommentSection) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key = fanfare_client_get_store_key_finish (FANFARE_CLIENT (object), result, &error);

  if (key == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the key, nameplates show as not verified. */
  g_free (self->key);
  self->key = key;
  load_page (self);
}

static void
reload (FanfareCommentSection *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->next_cursor, g_free);
  g_list_store_remove_all (self->comments);
  gtk_widget_set_visible (self->more_button, FALSE);
  gtk_widget_set_visible (self->compose_box, self->client != NULL && fanfare_client_get_signed_in (self->client));
  /* Nameplates beside names are verified with the server's key, read once. */
  if (self->key == NULL && self->client != NULL && self->target_id != NULL)
    fanfare_client_get_store_key_async (self->client, self->cancellable, key_cb, g_object_ref (self));
  else
    load_page (self);
}

static void
fanfare_comment_section_sort_toggled_cb (FanfareCommentSection *self)
{
  reload (self);
}

static void
fanfare_comment_section_more_cb (FanfareCommentSection *self)
{
  load_page (self);
}

static void
posted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareCommentSection) self = user_data;
  g_autoptr(FanfareComment) comment = NULL;
  g_autoptr(GError) error = NULL;

  comment = fanfare_client_post_comment_finish (FANFARE_CLIENT (object), result, &error);
  if (comment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_list_store_insert (self->comments, 0, comment);
}

static void
fanfare_comment_section_post_cb (FanfareCommentSection *self)
{
  fanfare_comment_section_post (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
fanfare_comment_section_dispose (GObject *object)
{
  FanfareCommentSection *self = FANFARE_COMMENT_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_COMMENT_SECTION);
  g_clear_object (&self->comments);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_comment_section_parent_class)->dispose (object);
}

static void
fanfare_comment_section_finalize (GObject *object)
{
  FanfareCommentSection *self = FANFARE_COMMENT_SECTION (object);

  g_free (self->target_id);
  g_free (self->next_cursor);
  g_free (self->key);

  G_OBJECT_CLASS (fanfare_comment_section_parent_class)->finalize (object);
}

static void
fanfare_comment_section_class_init (FanfareCommentSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_comment_section_dispose;
  object_class->finalize = fanfare_comment_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-comment-section.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareCommentSection, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareCommentSection, hot_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareCommentSection, compose_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareCommentSection, entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareCommentSection, list);
  gtk_widget_class_bind_template_child (widget_class, FanfareCommentSection, more_button);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_comment_section_sort_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_comment_section_more_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_comment_section_post_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_comment_section_init (FanfareCommentSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->comments = g_list_store_new (FANFARE_TYPE_COMMENT);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->comments), create_row, self, NULL);
  gtk_list_box_set_placeholder (self->list, fanfare_placeholder_new (_("No comments yet")));
  gtk_widget_set_visible (self->compose_box, FALSE);
}

/**
 * fanfare_comment_section_set_target:
 * @client: (nullable): the platform's client
 * @target_id: (nullable): the track, album or playlist
 *
 * Shows the comments of @target_id.
 */
void
fanfare_comment_section_set_target (FanfareCommentSection *self,
                                    FanfareClient         *client,
                                    FanfareSocialTarget    target,
                                    const char            *target_id)
{
  g_return_if_fail (FANFARE_IS_COMMENT_SECTION (self));

  g_set_object (&self->client, client);
  self->target = target;
  g_free (self->target_id);
  self->target_id = g_strdup (target_id);
  reload (self);
}

/**
 * fanfare_comment_section_post:
 * @body: the comment, plain text
 *
 * Posts a comment; it shows first once the server has it.
 */
void
fanfare_comment_section_post (FanfareCommentSection *self,
                              const char            *body)
{
  g_autofree char *text = NULL;

  g_return_if_fail (FANFARE_IS_COMMENT_SECTION (self));

  text = g_strstrip (g_strdup (body != NULL ? body : ""));
  if (*text == '\0' || self->client == NULL || self->target_id == NULL)
    return;
  fanfare_client_post_comment_async (self->client, self->target, self->target_id, NULL, text, self->cancellable,
                                     posted_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

/**
 * fanfare_comment_section_set_newest_first:
 *
 * Lists the newest comments first, or the hottest.
 */
void
fanfare_comment_section_set_newest_first (FanfareCommentSection *self,
                                          gboolean               newest_first)
{
  g_return_if_fail (FANFARE_IS_COMMENT_SECTION (self));

  gtk_toggle_button_set_active (self->hot_button, !newest_first);
}

/**
 * fanfare_comment_section_get_comments:
 *
 * Returns: (transfer none): the #FanfareComment objects on show, without
 *   replies
 */
GListModel *
fanfare_comment_section_get_comments (FanfareCommentSection *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT_SECTION (self), NULL);

  return G_LIST_MODEL (self->comments);
}
