#!/usr/bin/env bash
# Installs what moodgrade needs on a Debian-like machine, from the project's own files:
# system libraries for OpenGL (Mesa), Qt's xcb platform and FFmpeg, then the Python package.
#   bash packaging/install.sh          # the app and its commands
#   bash packaging/install.sh --dev    # plus training and test dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
    xvfb xauth libgl1-mesa-dri libegl1 libegl-mesa0 libgl1 libgles2
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
    libglib2.0-0 libfontconfig1 libdbus-1-3 libportaudio2 ffmpeg
    x11-utils  # xwininfo, for packaging/smoke.sh
)
if [ "${1:-}" = "--dev" ]; then
    # The validators of the desktop entry, AppStream metadata and mime XML (tests/test_packaging.py).
    APT_PACKAGES+=(desktop-file-utils appstream shared-mime-info)
fi
if command -v apt-get >/dev/null 2>&1; then
    missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
    fi
fi

PY="${PYTHON:-python3}"
# Before the rename this checkout installed as the distribution "editor", whose console
# script shadowed Debian's /usr/bin/editor (run by git and crontab). Removed only when it is
# ours, known by its summary: PyPI's "editor" is another project.
OLD_SUMMARY="Summary: Offline desktop editor that turns a plain-language look into a color grade"
if "$PY" -m pip show editor 2>/dev/null | grep -qF "$OLD_SUMMARY"; then
    "$PY" -m pip uninstall -q -y editor
fi
if [ "${1:-}" = "--dev" ]; then
    # torch first, pinned: this exact version is the local CPU build; any other spec
    # would pull a multi-GB CUDA build.
    "$PY" -m pip install -q "torch==2.13.0"
    "$PY" -m pip install -q -e ".[train,test]"
else
    "$PY" -m pip install -q -e .
fi
# pyenv runs installed commands through shims, which outlive an uninstalled script.
if command -v pyenv >/dev/null 2>&1; then
    pyenv rehash
fi
