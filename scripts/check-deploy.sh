#!/usr/bin/env bash
# Checks the clinic lockdown kit in deploy/ as far as this machine can:
#   1. shellcheck on every shell script in deploy/ (and this one);
#   2. systemd-analyze verify on the Linux units, every warning an error
#      (it checks the syntax, each directive, and that each ExecStart binary
#      exists: cage and systemctl must be installed);
#   3. a backup and restore round trip of a data folder with kiosk-backup.sh,
#      with a stand-in systemctl that records what the script asked of it.
# The Windows script is parsed by PowerShell in the Windows CI job
# (.github/workflows/ci.yml): pwsh is not a Debian package.
set -euo pipefail
cd "$(dirname "$0")/.."

failed=0
pass() { echo "  ok    $1"; }
fail() {
  echo "  FAIL  $1" >&2
  failed=1
}

echo "Checking the deploy kit (deploy/)"

for tool in shellcheck systemd-analyze cage; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing: install it (apt-get install shellcheck systemd cage), as .ci/run does." >&2
    exit 1
  }
done

mapfile -t scripts < <(find deploy -name '*.sh' -type f | sort)
scripts+=(scripts/check-deploy.sh)
if shellcheck "${scripts[@]}"; then
  pass "shellcheck: ${scripts[*]}"
else
  fail "shellcheck"
fi

mapfile -t units < <(find deploy/linux -name '*.service' -o -name '*.timer' | sort)
# --man=no: the units' Documentation= is not looked up. verify exits 0 on
# directives it ignores (a misspelt key, a bad value), so any output fails too.
if verify_output="$(systemd-analyze verify --man=no "${units[@]}" 2>&1)" && [ -z "$verify_output" ]; then
  pass "systemd-analyze verify: ${units[*]}"
else
  echo "$verify_output" >&2
  fail "systemd-analyze verify"
fi

# The backup script, for real, on a temporary data folder.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/home/kiosk/.config/hip-kiosk"
mkdir -p "$data/packs" "$work/bin"
chmod 0700 "$data" "$data/packs"
(umask 077 && echo 'settings' >"$data/kiosk.sqlite" && echo 'pack' >"$data/packs/current.sqlite")
cat >"$work/bin/systemctl" <<STUB
#!/bin/sh
echo "\$*" >>"$work/systemctl.log"
STUB
chmod +x "$work/bin/systemctl"
backup_env=(env KIOSK_DATA_DIR="$data" KIOSK_SYSTEMCTL="$work/bin/systemctl" KIOSK_USER="$(id -un)")
if "${backup_env[@]}" bash deploy/linux/kiosk-backup.sh backup "$work/backups" >/dev/null; then
  echo 'changed after the backup' >"$data/kiosk.sqlite"
  "${backup_env[@]}" bash deploy/linux/kiosk-backup.sh restore "$work/backups" >/dev/null
  modes="$(stat -c '%a %n' "$data" "$data/packs" "$data/kiosk.sqlite" "$data/packs/current.sqlite" | cut -d' ' -f1 | tr '\n' ' ')"
  archive_mode="$(stat -c '%a' "$work"/backups/hip-kiosk-data-*.tar.gz)"
  calls="$(tr '\n' ' ' <"$work/systemctl.log")"
  kept=("$data".before-restore-*)
  if [ "$(cat "$data/kiosk.sqlite")" = settings ] && [ "$modes" = '700 700 600 600 ' ] &&
    [ "$archive_mode" = 600 ] && [ "$calls" = 'stop hip-kiosk.service start hip-kiosk.service stop hip-kiosk.service start hip-kiosk.service ' ] &&
    [ "$(cat "${kept[0]}/kiosk.sqlite")" = 'changed after the backup' ]; then
    pass "kiosk-backup.sh: backup then restore gives back the data with modes 0700/0600, the archive is 0600, the kiosk stopped and started each time, the replaced folder kept"
  else
    fail "kiosk-backup.sh round trip (modes: $modes, archive: $archive_mode, systemctl: $calls)"
  fi
else
  fail "kiosk-backup.sh backup"
fi

if [ "$failed" -ne 0 ]; then
  echo "The deploy kit has problems (above)." >&2
  exit 1
fi
echo "The deploy kit passes its checks."
