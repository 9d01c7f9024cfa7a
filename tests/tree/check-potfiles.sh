#!/bin/sh
# check-potfiles.sh SRCROOT: fails when a file with translatable strings is
# missing from po/POTFILES.in, when POTFILES.in names a file that does not
# exist, or when it is not sorted.
#
# SPDX-FileCopyrightText: 2026 the project's contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
cd "$1"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d')
status=0

if [ "$listed" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f"
    status=1
  fi
done

candidates=$(git ls-files -co --exclude-standard -- src resources data 2>/dev/null ||
             find src resources data -type f)
for f in $candidates; do
  [ -f "$f" ] || continue
  translatable=no
  case "$f" in
    *.c) grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext) ?\(' "$f" && translatable=yes ;;
    *.ui) grep -q 'translatable="yes"' "$f" && translatable=yes ;;
    *.desktop.in|*.metainfo.xml.in|*.gschema.xml) translatable=yes ;;
  esac
  if [ $translatable = yes ] && ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "has translatable strings but is missing from po/POTFILES.in: $f"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in is complete and sorted"
exit $status
