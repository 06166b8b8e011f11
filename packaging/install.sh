#!/bin/sh
# Casefile offline install: run from the unpacked bundle, on a machine with no network.
#
#   CASEFILE_BUNDLE_FINGERPRINT=<fingerprint> ./install.sh
#       The fingerprint is the one the builder gave you out of band (ticket, phone, printout): the
#       key inside the bundle proves only that the bundle is intact, the fingerprint proves who
#       made it, so the install refuses to run without it.
#   CASEFILE_PREFIX=/opt/casefile   where to install (default: /opt/casefile as root, else
#                                   ~/.local/share/casefile-app)
#   PYTHON=python3.12               which Python builds the venv (3.11 or newer)
#
# Order matters: the signature and every file's sum are checked before anything is installed,
# and pip may install only the wheels in wheelhouse/ whose hashes are in the lock.
set -eu

fail() { echo "install.sh: $*" >&2; exit 1; }
PYTHON=${PYTHON:-python3}
if [ "$(id -u)" = 0 ]; then DEFAULT_PREFIX=/opt/casefile; else DEFAULT_PREFIX="$HOME/.local/share/casefile-app"; fi
PREFIX=${CASEFILE_PREFIX:-$DEFAULT_PREFIX}
case $PREFIX in /*) ;; *) PREFIX="$(pwd)/$PREFIX" ;; esac  # before the cd below
cd "$(dirname "$0")"
BUNDLE=$(pwd)

# 1. Python first: the checks below are packaging/verify_bundle.py, standard library only (it
#    needs no OpenSSL 3, which macOS lacks, and no sha256sum, which macOS names shasum).
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
    || fail "Casefile needs Python 3.11 or newer (set PYTHON=…)."

# 2. The signature over SHA256SUMS, by the key whose fingerprint the installer was given; then
#    every file's sum, no links, and no file the sums do not name (an added wheel or module
#    would be installed or imported).
"$PYTHON" verify_bundle.py "$BUNDLE" --fingerprint "${CASEFILE_BUNDLE_FINGERPRINT:-}" || exit 1

# 3. A fresh venv with exactly the locked wheels, from this folder only; swapped in when complete.
mkdir -p "$PREFIX"
rm -rf "$PREFIX/venv.new"
"$PYTHON" -m venv "$PREFIX/venv.new" || fail "could not create a venv: install the python3-venv package from the OS media."
pip_() { "$PREFIX/venv.new/bin/python" -m pip --disable-pip-version-check "$@"; }
pip_ install --quiet --no-index --find-links "$BUNDLE/wheelhouse" --require-hashes -r "$BUNDLE/requirements.lock"
pip_ install --quiet --no-index --find-links "$BUNDLE/wheelhouse" --require-hashes --no-deps -r "$BUNDLE/nodeps.lock"

# 4. The app, copied and checked again (the media could change under us), then both swapped in.
rm -rf "$PREFIX/app.new"
cp -R "$BUNDLE/casefile" "$PREFIX/app.new"
"$PYTHON" verify_bundle.py "$BUNDLE" --fingerprint "${CASEFILE_BUNDLE_FINGERPRINT:-}" \
    --copy "$PREFIX/app.new" --under casefile/ >/dev/null || fail "the copied app does not match SHA256SUMS (the media changed?)."
for part in venv app; do
    rm -rf "$PREFIX/$part.old"
    [ ! -d "$PREFIX/$part" ] || mv "$PREFIX/$part" "$PREFIX/$part.old"
    mv "$PREFIX/$part.new" "$PREFIX/$part"
    rm -rf "$PREFIX/$part.old"
done
# venv scripts name their venv's path: the venv was built as venv.new, so call Python directly.
mkdir -p "$PREFIX/bin"
QUOTED=$(printf '%s' "$PREFIX" | sed "s/'/'\\\\''/g")
cat >"$PREFIX/bin/casefile" <<EOF
#!/bin/sh
# The model store is the installation's: models are prepared and imported by whoever installs.
PREFIX='$QUOTED'
export CASEFILE_MODELS="\${CASEFILE_MODELS:-\$PREFIX/models}"
exec "\$PREFIX/venv/bin/python" "\$PREFIX/app/main.py" "\$@"
EOF
chmod 755 "$PREFIX/bin/casefile"
echo "Installed in $PREFIX (run $PREFIX/bin/casefile)."

# 5. The embedded model, converted once, and the self-test (its report is kept beside the app).
"$PREFIX/bin/casefile" models prepare
status=0
"$PREFIX/bin/casefile" selftest >"$PREFIX/selftest-report.txt" 2>&1 || status=$?
cat "$PREFIX/selftest-report.txt"
[ "$status" = 0 ] || fail "the self-test failed (exit $status): see $PREFIX/selftest-report.txt."
