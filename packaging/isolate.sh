# Sourced by smoke.sh and startup.sh: runs the rest of the script in a temporary folder
# (removed on exit) with the bundle cut off from the checkout's Python packages and the
# user's folders. Sets "work".
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export -n PYTHONPATH PYTHONHOME 2>/dev/null || true
export MOODGRADE_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config"
