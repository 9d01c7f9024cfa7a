/* fanfare-library-problem.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A file or folder the library could not take in whole, as the Problems
 * page lists it: the path, and the reason in plain words. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-library-problem.h"

struct _FanfareLibraryProblem
{
  GObject                   parent_instance;

  char                     *path;
  char                     *detail;
  FanfareLibraryProblemKind kind;
};

G_DEFINE_FINAL_TYPE (FanfareLibraryProblem, fanfare_library_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_REASON,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fanfare_library_problem_finalize (GObject *object)
{
  FanfareLibraryProblem *self = FANFARE_LIBRARY_PROBLEM (object);

  g_free (self->path);
  g_free (self->detail);

  G_OBJECT_CLASS (fanfare_library_problem_parent_class)->finalize (object);
}

static void
fanfare_library_problem_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FanfareLibraryProblem *self = FANFARE_LIBRARY_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_REASON:
      g_value_set_string (value, fanfare_library_problem_get_reason (self));
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_library_problem_class_init (FanfareLibraryProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fanfare_library_problem_finalize;
  object_class->get_property = fanfare_library_problem_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fanfare_library_problem_init (FanfareLibraryProblem *self)
{
}

/**
 * fanfare_library_problem_new:
 * @path: the file or folder, in the file system's encoding
 * @kind: what is wrong
 * @detail: (nullable): the system's words for it, for the log and a tooltip
 *
 * Returns: (transfer full): a new #FanfareLibraryProblem
 */
FanfareLibraryProblem *
fanfare_library_problem_new (const char                *path,
                             FanfareLibraryProblemKind  kind,
                             const char                *detail)
{
  FanfareLibraryProblem *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_LIBRARY_PROBLEM, NULL);
  self->path = g_strdup (path);
  self->kind = kind;
  self->detail = g_strdup (detail);

  return self;
}

const char *
fanfare_library_problem_get_path (FanfareLibraryProblem *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_PROBLEM (self), NULL);

  return self->path;
}

FanfareLibraryProblemKind
fanfare_library_problem_get_kind (FanfareLibraryProblem *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_PROBLEM (self), FANFARE_LIBRARY_PROBLEM_NONE);

  return self->kind;
}

/**
 * fanfare_library_problem_get_reason:
 * @self: a #FanfareLibraryProblem
 *
 * Returns: what is wrong, in plain words in the user's language
 */
const char *
fanfare_library_problem_get_reason (FanfareLibraryProblem *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_PROBLEM (self), NULL);

  switch (self->kind)
    {
    case FANFARE_LIBRARY_PROBLEM_UNREADABLE_FOLDER:
      return _("The folder could not be opened");

    case FANFARE_LIBRARY_PROBLEM_UNREADABLE_FILE:
      return _("The file could not be opened");

    case FANFARE_LIBRARY_PROBLEM_NOT_AUDIO:
      return _("The file is damaged or is not a supported audio file");

    case FANFARE_LIBRARY_PROBLEM_BAD_TAGS:
      return _("Some of the song’s details were damaged; the rest was kept");

    case FANFARE_LIBRARY_PROBLEM_SYMLINK_LOOP:
      return _("The folder links back to a folder already in the library");

    case FANFARE_LIBRARY_PROBLEM_VANISHED:
      return _("The file disappeared while it was being read");

    case FANFARE_LIBRARY_PROBLEM_CHANGING:
      return _("The file kept changing while it was being read");

    case FANFARE_LIBRARY_PROBLEM_NONE:
    default:
      return _("Unknown problem");
    }
}

const char *
fanfare_library_problem_get_detail (FanfareLibraryProblem *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_PROBLEM (self), NULL);

  return self->detail;
}
