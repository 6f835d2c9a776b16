#!/usr/bin/env bash
# Builds the desktop bundle: dist/moodgrade/ (run dist/moodgrade/moodgrade) and
# dist/moodgrade-VERSION-linux-x86_64.tar.gz, whose top folder is moodgrade/.
#   bash packaging/install.sh && bash packaging/build.sh
# PyInstaller builds for the system it runs on: see packaging/README.md for Windows and macOS.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-python3}"
"$PY" -m pip install -q -e ".[bundle]"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/moodgrade.spec

version="$("$PY" -c 'import editor; print(editor.__version__)')"
archive="dist/moodgrade-${version}-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m).tar.gz"
# Written under a temporary name so an interrupted build leaves no truncated archive.
tar -C dist -czf "$archive.part" moodgrade
mv "$archive.part" "$archive"
echo "built dist/moodgrade/ ($(du -sh dist/moodgrade | cut -f1)) and $archive ($(du -h "$archive" | cut -f1))"
