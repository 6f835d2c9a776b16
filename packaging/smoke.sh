#!/usr/bin/env bash
# Smoke-tests a built bundle from its own folder, as a user would run it, away from the
# source tree: the version, a suggestion, a graded video with its audio and a graded photo,
# install-desktop and uninstall-desktop, and the app's window under Xvfb, screenshotted and
# checked not to be blank.
#   bash packaging/smoke.sh [dist/moodgrade]
set -euo pipefail
bundle="$(cd "${1:-$(dirname "$0")/../dist/moodgrade}" && pwd)"
app="$bundle/moodgrade"
samples="$bundle/_internal/resources/samples"
# The bundle must not lean on the checkout's Python packages or the user's folders.
source "$(dirname "$0")/isolate.sh"

"$app" --version | grep -qx "moodgrade [0-9.]*"
"$app" suggest "golden hour" > look.json
grep -q '"schema_version"' look.json
"$app" apply "$samples/rocket_coffee_cat.mp4" -o graded.mp4 --look look.json
streams="$(ffprobe -v error -show_entries stream=codec_type -of csv=p=0 graded.mp4 | sort | tr '\n' ' ')"
[ "$streams" = "audio video " ] || { echo "graded.mp4 has streams: $streams" >&2; exit 1; }
"$app" apply "$samples/astronaut.jpg" -o graded.jpg --prompt "moody winter"
[ -s graded.jpg ]
echo "command line: ok (--version, suggest, apply video with audio, apply photo)"

# The desktop integration, into a data folder of the test's own: the entry runs this launcher.
export XDG_DATA_HOME="$work/share"
entry="$XDG_DATA_HOME/applications/io.github.moodgrade.Moodgrade.desktop"
"$app" install-desktop > /dev/null
grep -qxF "TryExec=$(realpath "$app")" "$entry"
[ -s "$XDG_DATA_HOME/icons/hicolor/256x256/apps/io.github.moodgrade.Moodgrade.png" ]
"$app" uninstall-desktop > /dev/null
[ ! -e "$entry" ]
echo "desktop: ok (install-desktop, uninstall-desktop)"

# The window is up once it is titled with the sample it opens when started without a file.
title='rocket_coffee_cat.mp4 — moodgrade"'
xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
    set -euo pipefail
    start=$(date +%s.%N)
    "$1" & pid=$!
    for _ in $(seq 200); do
        xwininfo -root -tree | grep -qF "$2" && break
        sleep 0.05
    done
    shown=$(date +%s.%N)
    xwininfo -root -tree | grep -qF "$2" || { echo "no window shown" >&2; kill $pid; exit 1; }
    echo "window shown after $(awk "BEGIN { printf \"%.2f\", $shown - $start }") s"
    xwininfo -root -tree | grep -F "$2" | grep -o "[0-9]*x[0-9]*+[0-9]*+[0-9]*" | head -1 > geometry
    sleep 3  # the first frame of the sample
    ffmpeg -v error -f x11grab -video_size 1920x1080 -i "$DISPLAY" -frames:v 1 -y shot.png
    kill $pid
    wait $pid || true
' _ "$app" "$title"
# The middle of the window's left half is the picture: a decoded frame, far from one flat
# colour (a black or unpainted preview has a spread near 0).
IFS='x+' read -r w h x y < geometry
crop="crop=$((w / 2)):$((h / 3)):$((x + w / 8)):$((y + h / 4))"
spread="$(ffmpeg -v error -i shot.png -vf "$crop,signalstats,metadata=mode=print:file=-" -f null - \
    | awk -F= '/YMAX=/ { max = $2 } /YMIN=/ { min = $2 } END { print max - min }')"
[ "${spread:-0}" -gt 100 ] || { echo "the picture looks blank (luma spread ${spread:-0})" >&2; exit 1; }
echo "app: ok (window shown, picture not blank, luma spread $spread)"
