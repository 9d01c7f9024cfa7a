#!/bin/sh
# compile-icon-resources.sh PREFIX OUTPUT.c WORKDIR ICON.svg...
#
# SPDX-FileCopyrightText: 2026 the project's contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Turns symbolic SVG icons into GResource C source: each icon is encoded as
# .symbolic.png at the sizes the icon theme knows, so that drawing them needs
# no SVG renderer at run time (librsvg alone adds some 6 MiB to the resident
# memory of the application).

set -eu
prefix=$1
output=$2
work=$3
shift 3

sizes="16 24 32 48 64 96 128 256"

rm -rf "$work"
mkdir -p "$work"
xml="$work/icons.gresource.xml"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<gresources>'
  echo "  <gresource prefix=\"$prefix\">"
} >"$xml"

for svg in "$@"; do
  name=$(basename "$svg" .svg)
  for size in $sizes; do
    dir="${size}x${size}/actions"
    mkdir -p "$work/$dir"
    gtk4-encode-symbolic-svg -o "$work/$dir" "$svg" "${size}x${size}" >/dev/null
    echo "    <file>$dir/$name.symbolic.png</file>" >>"$xml"
  done
done

{
  echo '  </gresource>'
  echo '</gresources>'
} >>"$xml"

glib-compile-resources --sourcedir="$work" --target="$output" --generate-source \
  --c-name fanfare_icons "$xml"
