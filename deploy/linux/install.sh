#!/usr/bin/env bash
# Sets a Debian or Ubuntu PC up as a locked kiosk, after the kiosk's .deb is
# installed (sudo apt install ./hip-kiosk_*.deb). Run as root, from this folder:
#
#   sudo ./install.sh [--printer NAME]
#
# It installs cage, creates the `kiosk` user, installs the units (the kiosk on
# tty1, restarted when it exits and every night), caps the journal, turns the
# console's screen blanking off, optionally makes NAME the CUPS default printer,
# and starts the kiosk. Running it again changes nothing that is already right.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
kiosk_user=kiosk
printer=""

usage() {
  echo "usage: sudo $0 [--printer NAME]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --printer)
      [ $# -ge 2 ] || usage
      printer="$2"
      shift 2
      ;;
    *) usage ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "install.sh must run as root (sudo)." >&2
  exit 1
fi
if [ ! -x /usr/bin/hip-kiosk ]; then
  echo "The kiosk is not installed: install its .deb first (sudo apt install ./hip-kiosk_*.deb)." >&2
  exit 1
fi

if ! command -v cage >/dev/null; then
  echo "Installing cage (the kiosk's Wayland compositor)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cage
fi

# A system user with a home (Electron keeps its data folder in ~/.config) and
# no password and no login shell: nobody signs in as it; systemd starts its session.
if ! id "$kiosk_user" >/dev/null 2>&1; then
  echo "Creating the user $kiosk_user"
  useradd --system --create-home --home-dir "/home/$kiosk_user" --shell /usr/sbin/nologin "$kiosk_user"
fi
# logind hands the seat's screen and input devices to the session; the groups
# are the fallback on systems where it cannot.
for group in video input render; do
  if getent group "$group" >/dev/null; then usermod -aG "$group" "$kiosk_user"; fi
done
chmod 0700 "/home/$kiosk_user"

echo "Installing the units"
install -m 0644 "$here/hip-kiosk.service" /etc/systemd/system/hip-kiosk.service
install -m 0644 "$here/hip-kiosk-nightly-restart.service" /etc/systemd/system/hip-kiosk-nightly-restart.service
install -m 0644 "$here/hip-kiosk-nightly-restart.timer" /etc/systemd/system/hip-kiosk-nightly-restart.timer
install -d -m 0755 /etc/systemd/journald.conf.d
install -m 0644 "$here/journald-hip-kiosk.conf" /etc/systemd/journald.conf.d/hip-kiosk.conf
install -m 0755 "$here/kiosk-backup.sh" /usr/local/sbin/kiosk-backup
systemctl restart systemd-journald

# The console blanks after 10 minutes by default; it shows during boot and
# between restarts. cage itself never blanks (a wlroots compositor turns the
# screen off only when an idle client such as swayidle asks, and none runs).
if [ -f /etc/default/grub ] && ! grep -q 'consoleblank=0' /etc/default/grub; then
  echo "Turning console blanking off (consoleblank=0, from the next boot)"
  sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT="\(.*\)"/GRUB_CMDLINE_LINUX_DEFAULT="\1 consoleblank=0"/' /etc/default/grub
  if command -v update-grub >/dev/null; then update-grub; fi
fi

if [ -n "$printer" ]; then
  echo "Making $printer the default printer (silent printing goes there unless staff choose another)"
  lpadmin -d "$printer"
fi

systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable hip-kiosk.service hip-kiosk-nightly-restart.timer
systemctl restart hip-kiosk.service
systemctl start hip-kiosk-nightly-restart.timer
echo "The kiosk runs on tty1 as $kiosk_user."
echo "Set the staff PIN next (Electron needs a display even for this; xvfb-run lends it one):"
echo "  sudo apt install xvfb && sudo -u $kiosk_user xvfb-run -a hip-kiosk --set-pin"
