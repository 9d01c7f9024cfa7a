/* fanfare-cover-image.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A cover, square, at a given size: the picture once it has loaded off the
 * main thread, and until then, or without one, a placeholder. */

#include "config.h"

#include "fanfare-cover-image.h"
#include "fanfare-cover.h"
#include "fanfare-utils.h"

#define PLACEHOLDER_ICON "fanfare-now-playing-symbolic"

struct _FanfareCoverImage
{
  GtkWidget parent_instance;

  /* Owned references */
  GtkImage     *image;
  GdkTexture   *texture;
  GCancellable *cancellable;
  char         *uri;

  /* State */
  int size;
};

G_DEFINE_FINAL_TYPE (FanfareCoverImage, fanfare_cover_image, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_URI,
  PROP_SIZE,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_placeholder (FanfareCoverImage *self)
{
  gtk_image_set_from_icon_name (self->image, PLACEHOLDER_ICON);
  gtk_image_set_pixel_size (self->image, MAX (self->size / 3, 16));
}

static void
set_texture (FanfareCoverImage *self,
             GdkTexture        *texture)
{
  if (!g_set_object (&self->texture, texture))
    return;

  if (texture != NULL)
    {
      gtk_image_set_from_paintable (self->image, GDK_PAINTABLE (texture));
      gtk_image_set_pixel_size (self->image, self->size);
    }
  else
    show_placeholder (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FanfareCoverImage *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = fanfare_cover_load_finish (result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No cover: %s", error->message);
      return;
    }

  set_texture (self, texture);
}

static void
load (FanfareCoverImage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_texture (self, NULL);

  /* Covers from the network come through the client and its cache. */
  if (self->uri == NULL || self->size <= 0 ||
      !(g_str_has_prefix (self->uri, "file://") || g_str_has_prefix (self->uri, "http://") ||
        g_str_has_prefix (self->uri, "https://")))
    return;

  self->cancellable = g_cancellable_new ();
  fanfare_cover_load_async (self->uri, self->size * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                            self->cancellable, loaded_cb, self);
}

static void
fanfare_cover_image_dispose (GObject *object)
{
  FanfareCoverImage *self = FANFARE_COVER_IMAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);
  g_clear_pointer ((GtkWidget **) &self->image, gtk_widget_unparent);

  G_OBJECT_CLASS (fanfare_cover_image_parent_class)->dispose (object);
}

static void
fanfare_cover_image_finalize (GObject *object)
{
  g_free (FANFARE_COVER_IMAGE (object)->uri);

  G_OBJECT_CLASS (fanfare_cover_image_parent_class)->finalize (object);
}

static void
fanfare_cover_image_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FanfareCoverImage *self = FANFARE_COVER_IMAGE (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;

    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_cover_image_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FanfareCoverImage *self = FANFARE_COVER_IMAGE (object);

  switch (prop_id)
    {
    case PROP_URI:
      fanfare_cover_image_set_uri (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      fanfare_cover_image_set_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_cover_image_class_init (FanfareCoverImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_cover_image_dispose;
  object_class->finalize = fanfare_cover_image_finalize;
  object_class->get_property = fanfare_cover_image_get_property;
  object_class->set_property = fanfare_cover_image_set_property;

  /**
   * FanfareCoverImage:uri:
   *
   * The cover's file:// URI, or %NULL for the placeholder.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareCoverImage:size:
   *
   * The width and height, in pixels.
   */
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL,
                      0, 4096, 48,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareCoverImage:texture:
   *
   * The cover once loaded, for whoever takes colours from it.
   */
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cover");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
fanfare_cover_image_init (FanfareCoverImage *self)
{
  self->size = 48;
  self->image = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_halign (GTK_WIDGET (self->image), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->image), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->image), GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), self->size, self->size);
  show_placeholder (self);
}

/**
 * fanfare_cover_image_new:
 *
 * Returns: (transfer floating): a new #FanfareCoverImage
 */
GtkWidget *
fanfare_cover_image_new (void)
{
  return g_object_new (FANFARE_TYPE_COVER_IMAGE, NULL);
}

/**
 * fanfare_cover_image_get_uri:
 * @self: a #FanfareCoverImage
 *
 * Returns: (nullable): the cover's URI
 */
const char *
fanfare_cover_image_get_uri (FanfareCoverImage *self)
{
  g_return_val_if_fail (FANFARE_IS_COVER_IMAGE (self), NULL);

  return self->uri;
}

/**
 * fanfare_cover_image_set_uri:
 * @self: a #FanfareCoverImage
 * @uri: (nullable): a file:// URI of a cover, or %NULL
 */
void
fanfare_cover_image_set_uri (FanfareCoverImage *self,
                             const char        *uri)
{
  g_return_if_fail (FANFARE_IS_COVER_IMAGE (self));

  if (!fanfare_set_str (&self->uri, uri))
    return;

  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
}

/**
 * fanfare_cover_image_get_size:
 * @self: a #FanfareCoverImage
 *
 * Returns: the width and height, in pixels
 */
int
fanfare_cover_image_get_size (FanfareCoverImage *self)
{
  g_return_val_if_fail (FANFARE_IS_COVER_IMAGE (self), 0);

  return self->size;
}

/**
 * fanfare_cover_image_set_size:
 * @self: a #FanfareCoverImage
 * @size: the width and height, in pixels
 */
void
fanfare_cover_image_set_size (FanfareCoverImage *self,
                              int                size)
{
  g_return_if_fail (FANFARE_IS_COVER_IMAGE (self));

  if (self->size == size)
    return;

  self->size = size;
  gtk_widget_set_size_request (GTK_WIDGET (self), size, size);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

/**
 * fanfare_cover_image_get_texture:
 * @self: a #FanfareCoverImage
 *
 * Returns: (transfer none) (nullable): the cover, once loaded
 */
GdkTexture *
fanfare_cover_image_get_texture (FanfareCoverImage *self)
{
  g_return_val_if_fail (FANFARE_IS_COVER_IMAGE (self), NULL);

  return self->texture;
}
