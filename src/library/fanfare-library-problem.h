/* fanfare-library-problem.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fanfare-library-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LIBRARY_PROBLEM (fanfare_library_problem_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLibraryProblem, fanfare_library_problem, FANFARE, LIBRARY_PROBLEM, GObject);

FanfareLibraryProblem    *fanfare_library_problem_new (const char                *path,
                                                       FanfareLibraryProblemKind  kind,
                                                       const char                *detail) G_GNUC_WARN_UNUSED_RESULT;
const char               *fanfare_library_problem_get_path (FanfareLibraryProblem *self);
FanfareLibraryProblemKind fanfare_library_problem_get_kind (FanfareLibraryProblem *self);
const char               *fanfare_library_problem_get_reason (FanfareLibraryProblem *self);
const char               *fanfare_library_problem_get_detail (FanfareLibraryProblem *self);

G_END_DECLS
