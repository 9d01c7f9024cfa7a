/* fanfare-test-identify.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  fanfare_test_write_wav (const char  *path,
                              const float *samples,
                              gsize        n_samples);
char *fanfare_test_identify_body (const float *samples,
                                  gsize        n_samples,
                                  int          version) G_GNUC_WARN_UNUSED_RESULT;
void  fanfare_test_import_songs (const char         *data_dir,
                                 const char         *album,
                                 const char * const *titles,
                                 guint32             first_seed,
                                 double              seconds);

G_END_DECLS
