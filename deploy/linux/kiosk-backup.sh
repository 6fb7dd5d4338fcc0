#!/usr/bin/env bash
# Backs up or restores the kiosk's data folder: settings, the staff PIN's
# state, sign-offs, imported content packs, usage counts and the app's logs.
#
#   sudo kiosk-backup backup DIR         writes DIR/hip-kiosk-data-YYYYMMDD-HHMMSS.tar.gz
#   sudo kiosk-backup restore ARCHIVE    puts an archive back (or the newest one in a folder)
#
# The kiosk is stopped while the archive is written or read (its SQLite files
# are then consistent) and started again afterwards, also when a step fails.
# The archive keeps the folder's modes (0700 folders, 0600 files: nobody but
# the kiosk's account reads them) and is itself readable by root only. A
# restore keeps the folder it replaces beside it, as DATA.before-restore-TIME.
#
# Settings for another layout (and for the tests): KIOSK_USER (kiosk),
# KIOSK_DATA_DIR (~KIOSK_USER/.config/hip-kiosk: Electron's user-data folder,
# named after package.json's name), KIOSK_SERVICE
# (hip-kiosk.service), KIOSK_SYSTEMCTL (systemctl).
set -euo pipefail
umask 077

kiosk_user="${KIOSK_USER:-kiosk}"
service="${KIOSK_SERVICE:-hip-kiosk.service}"
systemctl_cmd="${KIOSK_SYSTEMCTL:-systemctl}"
if [ -n "${KIOSK_DATA_DIR:-}" ]; then
  data_dir="$KIOSK_DATA_DIR"
else
  home="$(getent passwd "$kiosk_user" | cut -d: -f6)"
  if [ -z "$home" ]; then
    echo "No user $kiosk_user on this computer (set KIOSK_USER or KIOSK_DATA_DIR)." >&2
    exit 1
  fi
  data_dir="$home/.config/hip-kiosk"
fi

usage() {
  echo "usage: $0 backup DIR | restore ARCHIVE-OR-DIR" >&2
  exit 2
}

stop_kiosk() {
  "$systemctl_cmd" stop "$service"
  trap start_kiosk EXIT
}

start_kiosk() {
  "$systemctl_cmd" start "$service"
}

backup() {
  local out_dir="$1"
  [ -d "$data_dir" ] || {
    echo "No data folder at $data_dir: nothing to back up." >&2
    exit 1
  }
  mkdir -p "$out_dir"
  local archive
  archive="$out_dir/hip-kiosk-data-$(date +%Y%m%d-%H%M%S).tar.gz"
  stop_kiosk
  # Chromium's caches are rebuilt on start and not worth keeping.
  tar --create --gzip --file "$archive" --numeric-owner \
    --exclude='./Cache' --exclude='./Code Cache' --exclude='./GPUCache' --exclude='./DawnGraphiteCache' \
    --exclude='./DawnWebGPUCache' --exclude='./Crashpad' \
    --directory "$data_dir" .
  echo "Backed up $data_dir to $archive"
}

restore() {
  local archive="$1"
  if [ -d "$archive" ]; then
    archive="$(find "$archive" -maxdepth 1 -name 'hip-kiosk-data-*.tar.gz' | sort | tail -n 1)"
    [ -n "$archive" ] || {
      echo "No hip-kiosk-data-*.tar.gz in $1." >&2
      exit 1
    }
  fi
  [ -f "$archive" ] || {
    echo "No archive at $archive." >&2
    exit 1
  }
  # Refuse an archive that is not readable before touching the current folder.
  tar --list --gzip --file "$archive" >/dev/null
  stop_kiosk
  if [ -e "$data_dir" ]; then
    local kept
    kept="$data_dir.before-restore-$(date +%Y%m%d-%H%M%S)"
    mv "$data_dir" "$kept"
    echo "Kept the folder it replaces as $kept"
  fi
  mkdir -p "$data_dir"
  tar --extract --gzip --file "$archive" --preserve-permissions --directory "$data_dir"
  chmod 0700 "$data_dir"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$kiosk_user:" "$data_dir"; fi
  echo "Restored $data_dir from $archive"
}

[ $# -eq 2 ] || usage
case "$1" in
  backup) backup "$2" ;;
  restore) restore "$2" ;;
  *) usage ;;
esac
