#!/bin/sh
# check-spdx.sh SRCROOT: fails when a source file does not open with SPDX lines.
#
# SPDX-FileCopyrightText: 2026 the project's contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
cd "$1"

files=$(git ls-files -co --exclude-standard -- src tests resources data build-aux .ci po 2>/dev/null ||
        find src tests resources data build-aux .ci po -type f)
status=0
for f in $files; do
  [ -f "$f" ] || continue
  case "$f" in
    *.c|*.h|*.ui|*.css|*.sh|*.xml|*.svg|*.py|*.po|*.in|.ci/*) ;;
    *) continue ;;
  esac
  case "$f" in
    *.desktop.in|*.service.in|po/POTFILES.in) continue ;;  # formats without comments where it matters
  esac
  if ! head -n 8 "$f" | grep -q 'SPDX-License-Identifier:'; then
    echo "no SPDX licence line: $f"
    status=1
  fi
done
[ $status -eq 0 ] && echo "every source file carries SPDX lines"
exit $status
