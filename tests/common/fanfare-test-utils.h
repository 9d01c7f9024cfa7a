/* fanfare-test-utils.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*FanfareTestCondition) (gpointer  data);

gboolean fanfare_test_wait_for (FanfareTestCondition  condition,
                                gpointer              data,
                                guint                 timeout_ms);
gboolean fanfare_test_flag_is_set (gpointer  data);
void     fanfare_test_wait_ms (guint  milliseconds);
char    *fanfare_test_run (const char * const *argv) G_GNUC_WARN_UNUSED_RESULT;
char    *fanfare_test_playerctl (const char *player,
                                 const char *first,
                                 ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;
char    *fanfare_test_make_tmpdir (void) G_GNUC_WARN_UNUSED_RESULT;
char    *fanfare_test_use_private_dirs (void) G_GNUC_WARN_UNUSED_RESULT;
void     fanfare_test_rm_rf (const char *path);

G_END_DECLS
