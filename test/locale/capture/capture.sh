#!/bin/bash
# Real localized apt/dpkg output for fixtures/locale/ (docs/locales.md, fixtures/README.md).
#
#   capture.sh prepare <release> <workdir>
#       debootstrap --variant=minbase <release> (once), then three templates:
#       <release>-tmpl        minbase + `locales` + the locales below generated, no apt lists
#       <release>-tmpl-lists  the same after `apt-get -qq update`
#       <release>-tmpl-repo   the same + `deb [trusted=yes] file:/repo ./` with the fixture packages
#   capture.sh run <release> <workdir> <lang> <scenario> <out-file>
#       copies the scenario's template, runs one command in it the way the corpus was made
#       (env -i with PATH, HOME and LANG only; LANGUAGE unset; stdin /dev/null; no tty;
#       stdout+stderr merged; /proc mounted, /dev/pts bind-mounted), throws the copy away,
#       replaces the mirror host by mirror.example.com, prints `<exit> <bytes> <out-file>`.
#
# The mirror is the first Debian one in the host's apt sources (override with MIRROR=…).
# Run as root on a Debian host with debootstrap and dpkg-dev (dpkg-scanpackages).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
LOCALES='de_DE.UTF-8 fr_FR.UTF-8 es_ES.UTF-8 pt_BR.UTF-8 zh_CN.UTF-8 ja_JP.UTF-8 ru_RU.UTF-8 en_GB.UTF-8'
CLEAN_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

mirror() {
  if [ -n "${MIRROR:-}" ]; then echo "$MIRROR"; return; fi
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null || true; } | grep -v '^[[:space:]]*#' | grep -o -E 'https?://[^ ]+/debian\b' | head -n 1
}

mounted() { # run "$@" with /proc and /dev/pts mounted in chroot $1
  local dir=$1; shift
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc"
  mount --bind /dev/pts "$dir/dev/pts"
  local rc=0
  "$@" || rc=$?
  umount "$dir/dev/pts"
  umount "$dir/proc"
  return $rc
}

in_chroot() { # setup commands (not captured), C locale
  local dir=$1; shift
  env -i PATH=$CLEAN_PATH HOME=/root LANG=C DEBIAN_FRONTEND=noninteractive chroot "$dir" /bin/sh -c "$*"
}

prepare() {
  local release=$1 work=$2 m
  m=$(mirror)
  mkdir -p "$work"
  [ -d "$work/$release-base" ] || debootstrap --variant=minbase "$release" "$work/$release-base" "$m"
  rm -rf "$work/$release-tmpl" "$work/$release-tmpl-lists" "$work/$release-tmpl-repo"
  cp -a "$work/$release-base" "$work/$release-tmpl"
  local t=$work/$release-tmpl
  mounted "$t" in_chroot "$t" "apt-get -qq update && apt-get install -y -qq --no-install-recommends locales >/dev/null"
  : > "$t/etc/locale.gen"
  for l in $LOCALES; do echo "$l UTF-8" >> "$t/etc/locale.gen"; done
  mounted "$t" in_chroot "$t" "locale-gen >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/* && mkdir -p /var/lib/apt/lists/partial"
  cp -a "$t" "$work/$release-tmpl-lists"
  mounted "$work/$release-tmpl-lists" in_chroot "$work/$release-tmpl-lists" "apt-get -qq update"
  cp -a "$work/$release-tmpl-lists" "$work/$release-tmpl-repo"
  local r=$work/$release-tmpl-repo
  mkdir -p "$r/repo"
  for p in failing-postinst predep-missing; do
    local b; b=$(mktemp -d)
    mkdir -p "$b/DEBIAN"
    cp "$HERE/debs/$p/"* "$b/DEBIAN/"
    dpkg-deb --root-owner-group --build "$b" "$r/repo/${p}_1.0_all.deb" >/dev/null
    rm -rf "$b"
  done
  (cd "$r/repo" && dpkg-scanpackages . /dev/null > Packages 2>/dev/null)
  echo 'deb [trusted=yes] file:/repo ./' > "$r/etc/apt/sources.list.d/fixtures.list"
  mounted "$r" in_chroot "$r" "apt-get -qq update"
}

run() {
  local release=$1 work=$2 lang=$3 scenario=$4 out=$5 tmpl cmd
  case $scenario in
    seed) tmpl=tmpl; cmd='apt-get update && apt-get install -y --no-install-recommends openssh-client' ;;
    unable) tmpl=tmpl-lists; cmd='apt-get install -y nonexistent-pkg-xyz' ;;
    apt-seed) tmpl=tmpl; cmd='apt update && apt install -y --no-install-recommends openssh-client' ;;
    apt-unable) tmpl=tmpl-lists; cmd='apt install -y nonexistent-pkg-xyz' ;;
    failing-postinst) tmpl=tmpl-repo; cmd='apt-get install -y failing-postinst' ;;
    dpkg-predep) tmpl=tmpl-repo; cmd='dpkg -i /repo/predep-missing_1.0_all.deb' ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
  local dir=$work/run-$release-$lang-$scenario
  rm -rf "$dir"
  cp -a "$work/$release-$tmpl" "$dir"
  local rc=0
  mounted "$dir" env -i PATH=$CLEAN_PATH HOME=/root LANG="$lang" chroot "$dir" /bin/sh -c "$cmd" < /dev/null > "$out" 2>&1 || rc=$?
  rm -rf "$dir"
  local host
  host=$(mirror | sed -E 's|^https?://([^/]+)/.*|\1|')
  sed -i "s/$(printf '%s' "$host" | sed 's/\./\\./g')/mirror.example.com/g" "$out"
  echo "$rc $(stat -c %s "$out") $out"
}

case ${1:-} in
  prepare) prepare "$2" "$3" ;;
  run) run "$2" "$3" "$4" "$5" "$6" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
