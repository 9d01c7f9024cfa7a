/* fanfare-test-gtk-utils.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers for tests that drive a real window under Xvfb: waiting on the main
 * loop for something to happen, finding widgets, and saving what the window
 * shows as a PNG in the build tree. */

#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <locale.h>

#include "fanfare-test-gtk-utils.h"

/**
 * fanfare_test_init_gtk:
 *
 * Initialises GTest and GTK in the locale of the environment, with the
 * project's translations from the build tree.
 */
void
fanfare_test_init_gtk (int    *argc,
                       char ***argv)
{
  g_test_init (argc, argv, NULL);

  /* A missing locale would fall back to English without a word: fail. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
}

static gboolean
widget_is_mapped (gpointer  data)
{
  return gtk_widget_get_mapped (data);
}

/**
 * fanfare_test_wait_mapped:
 *
 * Waits for @widget to be mapped, and fails the test if it never is.
 */
void
fanfare_test_wait_mapped (GtkWidget *widget)
{
  if (!fanfare_test_wait_for (widget_is_mapped, widget, 0))
    g_error ("%s never mapped", G_OBJECT_TYPE_NAME (widget));
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/**
 * fanfare_test_wait_frame:
 *
 * Waits until the window of @widget has drawn one more frame.
 */
void
fanfare_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *frame_clock;
  gboolean painted = FALSE;
  gulong handler;

  fanfare_test_wait_mapped (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);

  if (!fanfare_test_wait_for (fanfare_test_flag_is_set, &painted, 0))
    g_error ("%s drew no frame", G_OBJECT_TYPE_NAME (widget));

  g_signal_handler_disconnect (frame_clock, handler);
}

/**
 * fanfare_test_find_widget:
 *
 * Returns: (transfer none) (nullable): the first widget of @type in the tree
 *   under @root, depth first, @root included
 */
GtkWidget *
fanfare_test_find_widget (GtkWidget *root,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fanfare_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * fanfare_test_find_widget_with_class:
 *
 * Returns: (transfer none) (nullable): the first widget of @type with the
 *   style class @css_class in the tree under @root, depth first
 */
GtkWidget *
fanfare_test_find_widget_with_class (GtkWidget  *root,
                                     GType       type,
                                     const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fanfare_test_find_widget_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * fanfare_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): a toplevel window of @type
 */
GtkWindow *
fanfare_test_find_toplevel (GType  type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint
count_colours (GdkTexture *texture)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guint32 * pixels = NULL;
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);

  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  for (gsize i = 0; i < (gsize) width * height; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colours);
}

/**
 * fanfare_test_save_screenshot:
 *
 * Draws @widget as it is now into $FANFARE_TEST_SCREENSHOT_DIR/@name.png
 * (the build tree by default), and fails if the picture is blank.
 */
void
fanfare_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  const char *env_dir = g_getenv ("FANFARE_TEST_SCREENSHOT_DIR");

  fanfare_test_wait_frame (widget);

  texture = render_widget (widget);

  /* Text, icons and shading give hundreds of colours; a window that drew
   * nothing, or only a background, gives a handful. */
  g_assert_cmpuint (count_colours (texture), >, 32);

  dir = env_dir ? g_strdup (env_dir) : g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static gboolean
button_is_icon_only (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
           gtk_button_get_label (GTK_BUTTON (widget)) == NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;

  return GTK_IS_SCALE_BUTTON (widget);
}

/**
 * fanfare_test_assert_buttons_labelled:
 *
 * Fails unless every visible icon-only button under @root has a tooltip
 * and an accessible label.
 */
void
fanfare_test_assert_buttons_labelled (GtkWidget *root)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (button_is_icon_only (root))
    {
      if (gtk_widget_get_tooltip_text (root) == NULL)
        g_error ("An icon-only %s has no tooltip", G_OBJECT_TYPE_NAME (root));
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("An icon-only %s (“%s”) has no accessible label",
                 G_OBJECT_TYPE_NAME (root), gtk_widget_get_tooltip_text (root));
    }

  /* The button inside a menu or scale button is theirs, labelled by them;
   * a spin button's + and - are GTK's. */
  if (GTK_IS_MENU_BUTTON (root) || GTK_IS_SCALE_BUTTON (root) || GTK_IS_SPIN_BUTTON (root))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fanfare_test_assert_buttons_labelled (child);
}

/**
 * fanfare_test_assert_icons_exist:
 *
 * Fails when a visible image under @root names an icon that the icon theme
 * does not have, which GTK would draw as a broken image.
 */
void
fanfare_test_assert_icons_exist (GtkWidget *root)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_IMAGE (root) && gtk_image_get_storage_type (GTK_IMAGE (root)) == GTK_IMAGE_ICON_NAME)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (root));
      const char *icon_name = gtk_image_get_icon_name (GTK_IMAGE (root));

      if (!gtk_icon_theme_has_icon (theme, icon_name))
        g_error ("The icon “%s” does not exist", icon_name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fanfare_test_assert_icons_exist (child);
}

/**
 * fanfare_test_make_cover:
 * @rgba: the colour of the picture
 *
 * Returns: (transfer full): a small PNG picture of one colour, for a cover
 */
GBytes *
fanfare_test_make_cover (guint32  rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize size;

  gdk_pixbuf_fill (pixbuf, rgba);
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "png", &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (data, size);
}

/**
 * fanfare_test_find_label:
 * @root: where to look
 * @text: the whole text of a label, without its mnemonic underscore
 *
 * Returns: (transfer none) (nullable): a label (or an inscription, the
 *   text of a list row) on screen under @root that reads @text
 */
GtkWidget *
fanfare_test_find_label (GtkWidget  *root,
                         const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  /* The text of rows of long lists. */
  if (GTK_IS_INSCRIPTION (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fanfare_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer  data)
{
  LabelWait *wait = data;

  return fanfare_test_find_label (wait->root, wait->text) != NULL;
}

/**
 * fanfare_test_assert_label_shown:
 * @root: where to look
 * @text: the whole text of a label
 *
 * Waits for a label that reads @text to be on screen under @root, and
 * fails the test if none comes.
 */
void
fanfare_test_assert_label_shown (GtkWidget  *root,
                                 const char *text)
{
  LabelWait wait = { root, text };

  if (!fanfare_test_wait_for (label_is_shown, &wait, 0))
    g_error ("“%s” is not shown in %s", text, G_OBJECT_TYPE_NAME (root));
}

/* Where the window of @widget is on the screen, from the X server: the
 * tests run without a window manager, which leaves windows where they
 * were mapped. */
static void
window_origin (GtkWidget *widget,
               int       *x,
               int       *y)
{
  g_autofree char *pid = g_strdup_printf ("%d", getpid ());
  g_autofree char *title = g_strdup_printf ("^%s$", gtk_window_get_title (GTK_WINDOW (gtk_widget_get_root (widget))));
  const char *argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--pid", pid, "--name", title,
                         "windowraise", "getwindowgeometry", "--shell", NULL };
  g_autofree char *geometry = fanfare_test_run (argv);
  g_auto(GStrv) lines = g_strsplit (geometry, "\n", -1);

  *x = *y = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
    }
}

/**
 * fanfare_test_click:
 * @widget: a widget on screen
 * @x: where to click, in @widget's coordinates
 * @y: where to click, in @widget's coordinates
 * @button: the mouse button, 1 for the primary, 3 for the secondary
 *
 * Clicks on @widget with the X server's pointer, as a person would.
 */
void
fanfare_test_click (GtkWidget *widget,
                    double     x,
                    double     y,
                    int        button)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double surface_x, surface_y;
  int window_x, window_y;
  g_autofree char *root_x = NULL;
  g_autofree char *root_y = NULL;
  g_autofree char *button_text = g_strdup_printf ("%d", button);
  const char *argv[] = { "xdotool", "mousemove", "--sync", NULL, NULL, "click", button_text, NULL };

  fanfare_test_wait_mapped (widget);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  window_origin (widget, &window_x, &window_y);

  /* A popover is a surface of its own, placed against its window's. */
  if (GDK_IS_POPUP (gtk_native_get_surface (native)))
    {
      GdkPopup *popup = GDK_POPUP (gtk_native_get_surface (native));

      window_x += gdk_popup_get_position_x (popup);
      window_y += gdk_popup_get_position_y (popup);
    }

  root_x = g_strdup_printf ("%d", window_x + (int) (point.x + surface_x));
  root_y = g_strdup_printf ("%d", window_y + (int) (point.y + surface_y));
  argv[3] = root_x;
  argv[4] = root_y;
  g_free (fanfare_test_run (argv));
  fanfare_test_wait_ms (300);
}

/**
 * fanfare_test_use_music_dir:
 * @scratch: the folder of fanfare_test_use_private_dirs()
 *
 * Makes @scratch/Music the XDG Music folder, before GLib first reads the
 * user's folders.
 *
 * Returns: (transfer full): the Music folder
 */
char *
fanfare_test_use_music_dir (const char *scratch)
{
  g_autofree char *user_dirs = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "user-dirs.dirs", NULL);
  char *music_dir = g_build_filename (scratch, "Music", NULL);
  g_autofree char *text = g_strdup_printf ("XDG_MUSIC_DIR=\"%s\"\n", music_dir);

  g_assert_cmpint (g_mkdir_with_parents (music_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (user_dirs, text, -1, NULL));
  return music_dir;
}

static gboolean
stacks_at_rest (gpointer  data)
{
  GtkWidget *root = data;

  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (!stacks_at_rest (child))
      return FALSE;

  return TRUE;
}

/**
 * fanfare_test_wait_at_rest:
 *
 * Waits until no stack under @root is in a transition, as a person waits
 * for a page to settle before reading it.
 */
void
fanfare_test_wait_at_rest (GtkWidget *root)
{
  g_assert_true (fanfare_test_wait_for (stacks_at_rest, root, 20000));
}
