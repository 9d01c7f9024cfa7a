#!/bin/sh
# check-format.sh SRCROOT: fails when uncrustify would change a C file.
#
# SPDX-FileCopyrightText: 2026 the project's contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
cd "$1"

files=$(git ls-files -co --exclude-standard -- 'src/*.[ch]' 'tests/*.[ch]' 2>/dev/null ||
        find src tests -name '*.[ch]')
status=0
for f in $files; do
  [ -f "$f" ] || continue
  if ! uncrustify -q -c build-aux/uncrustify.cfg --check -f "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (uncrustify -c build-aux/uncrustify.cfg --replace --no-backup $f)"
    status=1
  fi
done
[ $status -eq 0 ] && echo "all C files are formatted"
exit $status
