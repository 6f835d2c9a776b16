#!/usr/bin/env bash
# Times a built bundle's start to a shown window, as packaging/smoke.sh sees it: from the
# launcher's start until a window titled with the sample it opens is on the X screen (Xvfb),
# polled every 20 ms. Prints each run and the median; the first run reads the bundle from disk
# if it is not in the page cache yet (the cache cannot be dropped without root).
#   bash packaging/startup.sh [dist/moodgrade] [RUNS]    (5 runs by default)
set -euo pipefail
bundle="$(cd "${1:-$(dirname "$0")/../dist/moodgrade}" && pwd)"
runs="${2:-5}"
source "$(dirname "$0")/isolate.sh"
xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
    set -euo pipefail
    title="rocket_coffee_cat.mp4 — moodgrade\""
    times=()
    cpus=()
    for run in $(seq "$2"); do
        rm -rf "$MOODGRADE_DATA_DIR"  # no autosave to offer for restoring
        start=$(date +%s.%N)
        "$1" & pid=$!
        for _ in $(seq 1000); do
            xwininfo -root -tree 2>/dev/null | grep -qF "$title" && break
            sleep 0.02
        done
        shown=$(date +%s.%N)
        # CPU seconds the process had used by then (all its threads): what the start costs
        # whatever else the machine is doing.
        cpu=$(awk -v hz="$(getconf CLK_TCK)" "{ printf \"%.2f\", (\$14 + \$15) / hz }" /proc/$pid/stat)
        xwininfo -root -tree 2>/dev/null | grep -qF "$title" || { echo "no window shown" >&2; kill $pid; exit 1; }
        kill $pid
        wait $pid || true
        t=$(awk "BEGIN { printf \"%.2f\", $shown - $start }")
        echo "run $run: window shown after $t s ($cpu s of CPU)"
        times+=("$t")
        cpus+=("$cpu")
    done
    median() { sort -n | awk "{ a[NR] = \$1 } END { print a[int((NR + 1) / 2)] }"; }
    echo "median of $2: $(printf "%s\n" "${times[@]}" | median) s to the window," \
        "$(printf "%s\n" "${cpus[@]}" | median) s of CPU"
' _ "$bundle/moodgrade" "$runs"
