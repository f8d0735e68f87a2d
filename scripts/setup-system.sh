#!/usr/bin/env bash
# System packages the platform and its tests need: Chromium (/usr/bin/chromium) + CJK fonts (browser tests, and
# the Noto Sans/Serif CJK SC faces @lnca/licence-corpus prints generated business licences in),
# SoftHSM2 (softhsm2-util and its PKCS#11 module: the USB keys of the keybridge, server and browser tests),
# OpenSC, Tesseract with Simplified Chinese (bench/licence-engines.compare.ts measures it against PaddleOCR), and
# Poppler's pdftotext (the tests of generated PDFs, such as the 电子签章印模采集表, read their text back with it).
# Runs before `npm test`, `npm run test:unit` and `npm run test:e2e`, so it must stay quick and idempotent:
# when every package is installed it only asks dpkg; otherwise `apt-get update` once, then install.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk softhsm2 opensc tesseract-ocr tesseract-ocr-chi-sim poppler-utils)

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not a Debian-family system: nothing to install with, so only check what the tests run.
  if [ -x /usr/bin/chromium ] && command -v softhsm2-util >/dev/null 2>&1; then exit 0; fi
  echo "setup-system: not a Debian-family system; install Chromium (as /usr/bin/chromium), SoftHSM2, CJK fonts," \
    "Poppler (pdftotext) and Tesseract (chi_sim) yourself, or set LNCA_SOFTHSM2_MODULE to the SoftHSM2 module" >&2
  exit 1
fi

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
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-system: these packages are missing and installing them needs root: ${missing[*]}." \
      "Run as root once: apt-get install ${missing[*]} (or: npm run setup:system as root)" >&2
    exit 1
  fi
  # Without a terminal sudo cannot ask for a password: fail at once rather than hang a CI job.
  if [ -t 0 ]; then SUDO=(sudo); else SUDO=(sudo -n); fi
fi

# Another apt (unattended upgrades, a second checkout's setup) may hold the lock: wait for it.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
if ! { "${APT[@]}" update && "${APT[@]}" install -y --no-install-recommends "${missing[@]}"; }; then
  echo "setup-system: apt-get failed (see above); as root run: apt-get install ${missing[*]}" >&2
  exit 1
fi

still_missing=()
for pkg in "${missing[@]}"; do
  installed "$pkg" || still_missing+=("$pkg")
done
if [ ${#still_missing[@]} -ne 0 ]; then
  echo "setup-system: installation failed for: ${still_missing[*]}" >&2
  exit 1
fi
echo "setup-system: done"
