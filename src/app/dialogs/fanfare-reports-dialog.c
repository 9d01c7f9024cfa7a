/* fanfare-reports-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reported Comments, for moderators: each reported comment as written
 * (plain text), who wrote it, how many reported it and why, with Remove
 * (the comment goes, with its replies) and Dismiss (the reports go, the
 * comment stays). A comment settled leaves the list once the server
 * agrees. The Friends page offers it only to moderators and admins; the
 * server refuses anyone else. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-people.h"
#include "fanfare-reports-dialog.h"

struct _FanfareReportsDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  GtkListBox      *list;
  GtkWidget       *more_button;

  /* Owned references */
  FanfareClient *client;
  GListStore    *reports;
  GCancellable  *cancellable;

  /* State */
  char *next_cursor;
};

G_DEFINE_FINAL_TYPE (FanfareReportsDialog, fanfare_reports_dialog, ADW_TYPE_WINDOW)

static void
show_error (FanfareReportsDialog *self,
            const GError         *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static gboolean
find_report (FanfareReportsDialog *self,
             const char           *comment_id,
             guint                *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->reports)); i++)
    {
      g_autoptr(FanfareCommentReport) report = g_list_model_get_item (G_LIST_MODEL (self->reports), i);

      if (g_str_equal (fanfare_comment_get_id (fanfare_comment_report_get_comment (report)), comment_id))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct {
  FanfareReportsDialog *self;
  char                 *comment_id;
} Settling;

static void
settling_free (Settling *settling)
{
  g_object_unref (settling->self);
  g_free (settling->comment_id);
  g_free (settling);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Settling, settling_free)

static void
settled_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Settling) settling = user_data;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error))
    {
      show_error (settling->self, error);
      return;
    }

  if (find_report (settling->self, settling->comment_id, &position))
    g_list_store_remove (settling->self->reports, position);
}

static void
settle_clicked_cb (GtkButton            *button,
                   FanfareReportsDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  FanfareCommentReport *report = g_object_get_data (G_OBJECT (row), "report");

  gtk_widget_set_sensitive (row, FALSE);
  fanfare_reports_dialog_settle (self, fanfare_comment_get_id (fanfare_comment_report_get_comment (report)),
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "remove")));
}

static GtkWidget *
new_button (FanfareReportsDialog *self,
            const char           *label,
            gboolean              remove)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (remove)
    gtk_widget_add_css_class (button, "destructive-action");
  g_object_set_data (G_OBJECT (button), "remove", GINT_TO_POINTER (remove));
  g_signal_connect_object (button, "clicked", G_CALLBACK (settle_clicked_cb), self, 0);

  return button;
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  FanfareReportsDialog *self = user_data;
  FanfareCommentReport *report = item;
  FanfareComment *comment = fanfare_comment_report_get_comment (report);
  FanfareUser *author = fanfare_comment_get_author (comment);
  const char *name = fanfare_user_get_display_name (author);
  g_autofree char *reasons = g_strjoinv (", ", (GStrv) fanfare_comment_report_get_reasons (report));
  g_autofree char *reported = g_strdup_printf (ngettext ("Reported by %u person: %s", "Reported by %u people: %s",
                                                         fanfare_comment_report_get_count (report)),
                                               fanfare_comment_report_get_count (report), reasons);
  g_autofree char *subtitle = g_strdup_printf (_("By %s · %s"),
                                               name != NULL && *name != '\0' ? name :
                                               fanfare_user_get_username (author), reported);
  GtkWidget *row = adw_action_row_new ();

  /* What people wrote is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_comment_get_body (comment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_button (self, _("_Dismiss"), FALSE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_button (self, _("_Remove"), TRUE));
  g_object_set_data_full (G_OBJECT (row), "report", g_object_ref (report), g_object_unref);

  return row;
}

static void
reports_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareReportsDialog) self = user_data;
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  reports = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, &cursor, &error);
  if (reports == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(FanfareCommentReport) report = g_list_model_get_item (reports, i);

      g_list_store_append (self->reports, report);
    }
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&cursor);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
}

static void
load (FanfareReportsDialog *self)
{
  fanfare_client_list_comment_reports_async (self->client, self->next_cursor, self->cancellable, reports_cb,
                                             g_object_ref (self));
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  load (FANFARE_REPORTS_DIALOG (widget));
}

static void
fanfare_reports_dialog_dispose (GObject *object)
{
  FanfareReportsDialog *self = FANFARE_REPORTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_REPORTS_DIALOG);
  g_clear_object (&self->client);
  g_clear_object (&self->reports);

  G_OBJECT_CLASS (fanfare_reports_dialog_parent_class)->dispose (object);
}

static void
fanfare_reports_dialog_finalize (GObject *object)
{
  FanfareReportsDialog *self = FANFARE_REPORTS_DIALOG (object);

  g_free (self->next_cursor);

  G_OBJECT_CLASS (fanfare_reports_dialog_parent_class)->finalize (object);
}

static void
fanfare_reports_dialog_class_init (FanfareReportsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_reports_dialog_dispose;
  object_class->finalize = fanfare_reports_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-reports-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareReportsDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, FanfareReportsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, FanfareReportsDialog, more_button);
  gtk_widget_class_install_action (widget_class, "reports.more", NULL, more_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fanfare_reports_dialog_init (FanfareReportsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->reports = g_list_store_new (FANFARE_TYPE_COMMENT_REPORT);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->reports), create_row, self, NULL);
  gtk_list_box_set_placeholder (self->list, fanfare_placeholder_new (_("No comments are waiting for a decision")));
}

/**
 * fanfare_reports_dialog_new:
 * @client: the client of a moderator, which reads the reports
 *
 * Returns: (transfer none): the dialog, reading the first page
 */
FanfareReportsDialog *
fanfare_reports_dialog_new (GtkWindow     *parent,
                            FanfareClient *client)
{
  FanfareReportsDialog *self;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);

  self = g_object_new (FANFARE_TYPE_REPORTS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->client = g_object_ref (client);
  load (self);

  return self;
}

/**
 * fanfare_reports_dialog_settle:
 * @remove: removes the comment; otherwise its reports are dismissed
 *
 * Settles the reports of @comment_id, as its row's buttons do.
 */
void
fanfare_reports_dialog_settle (FanfareReportsDialog *self,
                               const char           *comment_id,
                               gboolean              remove)
{
  Settling *settling;

  g_return_if_fail (FANFARE_IS_REPORTS_DIALOG (self));
  g_return_if_fail (comment_id != NULL);

  settling = g_new0 (Settling, 1);
  settling->self = g_object_ref (self);
  settling->comment_id = g_strdup (comment_id);
  fanfare_client_settle_comment_report_async (self->client, comment_id, remove, self->cancellable, settled_cb,
                                              settling);
}

/**
 * fanfare_reports_dialog_get_reports:
 *
 * Returns: (transfer none): the #FanfareCommentReport objects listed
 */
GListModel *
fanfare_reports_dialog_get_reports (FanfareReportsDialog *self)
{
  g_return_val_if_fail (FANFARE_IS_REPORTS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->reports);
}
