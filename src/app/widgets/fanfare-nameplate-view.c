/* fanfare-nameplate-view.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A nameplate as people see it wherever it shows, in a list of purchases,
 * on a club's leaderboard or on a profile: the album's artwork, its
 * title, "No. 1,234" and whether the platform's signature checks out. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-cover-image.h"
#include "fanfare-nameplate-view.h"

struct _FanfareNameplateView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *box;
  FanfareCoverImage *cover;
  GtkLabel          *album_label;
  GtkLabel          *serial_label;
  GtkLabel          *verified_label;

  /* State */
  gboolean verified;
  char    *summary;  /* the album, its serial and whether it verified */
};

G_DEFINE_FINAL_TYPE (FanfareNameplateView, fanfare_nameplate_view, GTK_TYPE_WIDGET)

static void
fanfare_nameplate_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_NAMEPLATE_VIEW);

  G_OBJECT_CLASS (fanfare_nameplate_view_parent_class)->dispose (object);
}

static void
fanfare_nameplate_view_finalize (GObject *object)
{
  g_free (FANFARE_NAMEPLATE_VIEW (object)->summary);

  G_OBJECT_CLASS (fanfare_nameplate_view_parent_class)->finalize (object);
}

static void
fanfare_nameplate_view_class_init (FanfareNameplateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_nameplate_view_dispose;
  object_class->finalize = fanfare_nameplate_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-nameplate-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareNameplateView, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareNameplateView, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfareNameplateView, album_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareNameplateView, serial_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareNameplateView, verified_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nameplate");
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
}

static void
fanfare_nameplate_view_init (FanfareNameplateView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_nameplate_view_new:
 * @nameplate: the nameplate to show
 * @key: (nullable): the server's public key; without it the nameplate
 *   shows as not verified
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *
fanfare_nameplate_view_new (const FanfareNameplate *nameplate,
                            const char             *key)
{
  FanfareNameplateView *self;
  g_autofree char *serial = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (nameplate != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_NAMEPLATE_VIEW, NULL);
  self->verified = key != NULL && fanfare_nameplate_verify (nameplate, key);
  serial = fanfare_nameplate_format_serial (nameplate->serial);
  /* Translators: a nameplate's serial number, as in "No. 1,234" */
  label = g_strdup_printf (_("No. %s"), serial);

  fanfare_cover_image_set_uri (self->cover, nameplate->artwork_uri);
  gtk_label_set_label (self->album_label, nameplate->album);
  gtk_label_set_label (self->serial_label, label);
  /* The mark is a word, not only a colour, so that it reads for everyone. */
  gtk_label_set_label (self->verified_label, self->verified ? _("Verified") : _("Not verified"));
  gtk_widget_add_css_class (GTK_WIDGET (self->verified_label), self->verified ? "success" : "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->verified_label),
                               self->verified ? _("The platform signed this nameplate")
                                              : _("This nameplate's signature does not check out"));
  /* Translators: a nameplate's album, its serial number, and whether its signature checks out */
  self->summary = g_strdup_printf (_("%s, No. %s, %s"), nameplate->album, serial,
                                   self->verified ? _("verified") : _("not verified"));

  return GTK_WIDGET (self);
}

/**
 * fanfare_nameplate_view_new_badge:
 *
 * Like fanfare_nameplate_view_new(), as a small badge to stand beside its
 * owner's name: the artwork and the serial number, and a mark for whether
 * it verified; the album and the words are in its tooltip and its
 * accessible label.
 *
 * Returns: (transfer floating): the badge
 */
GtkWidget *
fanfare_nameplate_view_new_badge (const FanfareNameplate *nameplate,
                                  const char             *key)
{
  FanfareNameplateView *self;
  GtkWidget *mark;

  g_return_val_if_fail (nameplate != NULL, NULL);

  self = FANFARE_NAMEPLATE_VIEW (fanfare_nameplate_view_new (nameplate, key));
  gtk_widget_add_css_class (GTK_WIDGET (self), "badge");
  gtk_box_set_spacing (GTK_BOX (self->box), 4);
  fanfare_cover_image_set_size (self->cover, 16);
  gtk_widget_set_visible (GTK_WIDGET (self->album_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verified_label), FALSE);
  mark = gtk_image_new_from_icon_name (self->verified ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (mark, self->verified ? "success" : "error");
  gtk_box_append (GTK_BOX (self->box), mark);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);

  return GTK_WIDGET (self);
}

gboolean
fanfare_nameplate_view_get_verified (FanfareNameplateView *self)
{
  g_return_val_if_fail (FANFARE_IS_NAMEPLATE_VIEW (self), FALSE);

  return self->verified;
}
