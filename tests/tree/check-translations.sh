#!/bin/sh
# check-translations.sh SRCROOT LANG...: extracts the messages from the
# sources as they are now and fails when a translation lacks one, has a
# fuzzy one, or does not compile.
#
# SPDX-FileCopyrightText: 2026 the project's contributors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
srcroot=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The keywords of meson's glib preset.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --directory="$srcroot" --files-from="$srcroot/po/POTFILES.in" \
  --output="$tmp/fresh.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }

status=0
for lang in "$@"; do
  po="$srcroot/po/$lang.po"
  msgfmt --check --output-file=/dev/null "$po" || status=1
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/fresh.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # The header counts once in each listing when there is anything to list.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "$lang: $untranslated untranslated and $fuzzy fuzzy messages:"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | tail -n +2 | head -n 40
    msgattrib --only-fuzzy --no-obsolete "$po" | grep '^msgid ' | tail -n +2 | head -n 40
    status=1
  else
    echo "$lang: complete ($(grep -c '^msgid ' "$tmp/fresh.pot") messages)"
  fi
done
exit $status
