#!/usr/bin/env bash
# Debian packages the tests drive for real: Chromium (browser tests through Playwright) and
# Dovecot (the IMAP tests start their own server on loopback with their own config; the
# system-wide service the package may start is not used).
# Installs only what is missing, so a second run does nothing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# Fonts so screenshots show real text, not boxes.
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
# /usr/sbin is not on every user's PATH, hence the second test.
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
