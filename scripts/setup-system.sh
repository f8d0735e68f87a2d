#!/usr/bin/env bash
# System packages the platform and its tests need: Chromium + CJK fonts (browser tests), SoftHSM2 + OpenSC
# (USB keys in tests), Tesseract with Simplified Chinese (business-licence OCR). Idempotent: when every
# package is already installed nothing is downloaded; otherwise `apt-get update` once, then install.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk softhsm2 opensc tesseract-ocr tesseract-ocr-chi-sim)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all packages already installed (${PACKAGES[*]})"
  exit 0
fi

echo "setup-system: installing ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: apt-get not found; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "setup-system: must run as root (or with sudo available) to install: ${missing[*]}" >&2
    exit 1
  fi
fi

"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

still_missing=()
for pkg in "${missing[@]}"; do
  installed "$pkg" || still_missing+=("$pkg")
done
if [ ${#still_missing[@]} -ne 0 ]; then
  echo "setup-system: installation failed for: ${still_missing[*]}" >&2
  exit 1
fi
echo "setup-system: done"
