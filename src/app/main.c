/* main.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fanfare-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FanfareApplication) app = NULL;
  const char *localedir;

  /* `meson devenv` points this at the translations in the build tree. */
  localedir = g_getenv ("FANFARE_LOCALEDIR");
  if (localedir == NULL)
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fanfare_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
