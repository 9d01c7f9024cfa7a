#!/usr/bin/env bash
# dev.sh: set up, build, run and test Fanfare on Debian 12 or newer.
#
# SPDX-FileCopyrightText: 2026 the project's contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/dev.sh run [ARG...]   install what is missing, build, start a local
#                                   fanfare-server with the demo, then the app
#   build-aux/dev.sh test           the same set-up, then the whole test suite
#                                   headless, plainly and under ASan and UBSan
#   build-aux/dev.sh bench [NAME]   the benchmarks of tests/bench/, optimised build
#
# Packages come from the distribution, through sudo when not root; nothing is
# installed when everything is there already.

set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

build_packages=(
  meson ninja-build pkg-config gcc g++ gettext python3 libjson-glib-dev
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libsqlite3-dev libsoup-3.0-dev libsecret-1-dev
  desktop-file-utils appstream
  libsodium-dev libgdk-pixbuf-2.0-dev libcairo2-dev libtag1-dev libtagc0-dev libebur128-dev
)
run_packages=(
  adwaita-icon-theme fonts-cantarell glib-networking
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good libebur128-1
)
test_packages=(
  xvfb xauth dbus-daemon gnome-keyring locales fonts-noto-cjk uncrustify git playerctl
  xdotool dunst openssl gstreamer1.0-tools gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav
  gstreamer1.0-plugins-base-apps pipewire wireplumber pipewire-pulse pulseaudio-utils
)
bench_packages=(
  wrk
)

say() {
  printf '%s\n' "$*" >&2
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

install_packages() {
  local missing=() package
  for package in "$@"; do
    if ! dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  say "Installing ${missing[*]}"
  local log
  log=$(mktemp)
  if ! { as_root apt-get update -qq &&
         as_root env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    say "Could not install the packages above."
    return 1
  fi
  rm -f "$log"
}

# The interface is tested in Simplified Chinese as well as in English.
ensure_locale() {
  if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
    say "Generating the zh_CN.UTF-8 locale"
    as_root localedef -i zh_CN -c -f UTF-8 -A /usr/share/locale/locale.alias zh_CN.UTF-8
  fi
}

configure() {
  local builddir=$1
  shift
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@" >"$builddir.setup.log" 2>&1 || {
      cat "$builddir.setup.log" >&2
      return 1
    }
  fi
}

build() {
  local builddir=$1
  shift
  configure "$builddir" "$@"
  meson compile -C "$builddir" >"$builddir.compile.log" 2>&1 || {
    cat "$builddir.compile.log" >&2
    return 1
  }
}

# Runs a command in a private D-Bus session with an unlocked keyring, under
# Xvfb, with a throwaway home so that nothing of the user's is read or
# written.
headless() {
  local scratch
  scratch=$(mktemp -d)
  mkdir -m 700 "$scratch/runtime" "$scratch/home"
  env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
      -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY \
      HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" \
    dbus-run-session -- bash -c '
      printf "fanfare-test-keyring" |
        gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
      gdbus wait --session --timeout 10 org.freedesktop.secrets
      exec xvfb-run -a -s "-screen 0 1280x1024x24" "$@"' headless "$@" 2>&1 |
    grep -v -e '^dbus-daemon\[' -e 'SpiRegistry daemon is running' || true
  rm -rf "$scratch"
}

# Prints the closing line from meson's test logs; fails when anything failed.
# A skipped test counts as failed: a check that did not run proved nothing.
summarize() {
  python3 - "$@" <<'EOF'
import json
import re
import sys

# CI keeps only the end of what this prints, so the end of each failure's
# own output, with the lines that say why, comes last.
TAIL_LINES = 25
WHY = re.compile(r"ERROR|CRITICAL|WARNING|Bail out|^not ok|^#\d+ |Sanitizer|runtime error|crashed")


def explain(log, result):
    # Debug chatter would push the lines that matter out of the tail.
    lines = [line for line in (result.get("stdout") or "").splitlines()
             if "-DEBUG: " not in line]
    why = [line for line in lines[:-TAIL_LINES] if WHY.search(line)][-15:]
    print(f"--- {log.split('/')[0]}: {result['name']} ({result['result']}, "
          f"exit {result.get('returncode')}, {result.get('duration', 0):.1f} s)",
          file=sys.stderr)
    for line in why + ["..."] + lines[-TAIL_LINES:]:
        print(f"  {line[:300]}", file=sys.stderr)


passed = failed = 0
failures = []
for log in sys.argv[1:]:
    try:
        with open(log, encoding="utf-8") as f:
            results = [json.loads(line) for line in f if line.strip()]
    except OSError:
        print(f"{log}: no test log; the run did not start", file=sys.stderr)
        failed += 1
        continue
    for result in results:
        if result["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
            failures.append((log, result))

for log, result in failures:
    explain(log, result)
sys.stderr.flush()
print(f"tests: {passed} passed, {failed} failed", flush=True)
sys.exit(1 if failed else 0)
EOF
}

# Starts a fanfare-server on loopback with the demo, seeded once into the
# build folder and reused, and exports its address for the app.
server_pid=
start_demo_server() {
  local data="$top/_build/demo-data"
  local server="$top/_build/src/server/fanfare-server"
  local url=

  if [ ! -f "$data/.seeded" ]; then
    rm -rf "$data"
    say "Seeding the demo platform into $data (once; about a minute)"
    if ! "$server" seed-demo --data-dir "$data" >&2; then
      rm -rf "$data"
      return 1
    fi
    touch "$data/.seeded"
  fi

  "$server" --data-dir "$data" --listen 127.0.0.1:0 >"$data/server.out" 2>"$data/server.log" &
  server_pid=$!
  for _ in $(seq 100); do
    url=$(sed -n 's/^Listening on //p' "$data/server.out")
    [ -n "$url" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$data/server.log" >&2
      return 1
    fi
    sleep 0.1
  done
  [ -n "$url" ] || return 1

  say "fanfare-server serves the demo at $url (log: $data/server.log)"
  say "Demo accounts, such as “demo”, have the password fanfare-demo"
  export FANFARE_SERVER_URL=$url
}

stop_demo_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}

cmd_run() {
  install_packages "${build_packages[@]}" "${run_packages[@]}"
  build _build
  trap stop_demo_server EXIT
  start_demo_server
  meson devenv -C _build fanfare "$@"
}

cmd_test() {
  install_packages "${build_packages[@]}" "${run_packages[@]}" "${test_packages[@]}"
  ensure_locale

  local logs=()
  local -A builds=(
    [_build]=""
    [_build-asan]="-Db_sanitize=address,undefined -Dbuildtype=debug"
  )
  local builddir
  for builddir in _build _build-asan; do
    rm -f "$builddir/meson-logs/testlog.json"
    # shellcheck disable=SC2086
    if build "$builddir" ${builds[$builddir]}; then
      say "Testing $builddir"
      headless meson test -C "$builddir" --print-errorlogs --num-processes 2 >&2
    else
      say "$builddir did not build"
    fi
    logs+=("$builddir/meson-logs/testlog.json")
  done

  summarize "${logs[@]}"
}

cmd_bench() {
  install_packages "${build_packages[@]}" "${run_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}"
  build _build-bench -Dbuildtype=release
  headless meson test -C _build-bench --benchmark --suite bench --verbose "$@"
}

case "${1:-}" in
  run)
    shift
    cmd_run "$@"
    ;;
  test)
    shift
    cmd_test "$@"
    ;;
  bench)
    shift
    cmd_bench "$@"
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
