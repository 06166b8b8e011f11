#!/bin/sh
# Casefile offline install: run from the unpacked bundle, on a machine with no network.
#
#   ./install.sh                    install into $CASEFILE_PREFIX (default: ~/.local/share/casefile-app,
#                                   or /opt/casefile as root), then prepare the model and self-test
#   CASEFILE_BUNDLE_FINGERPRINT=…   refuse a bundle signed by any other key (the fingerprint the
#                                   builder gave you, out of band)
#   PYTHON=python3.12 ./install.sh  which Python to build the venv with (3.11 or newer)
#
# Order matters: the signature and every file's sum are checked before anything is installed,
# and pip may install only the wheels in wheelhouse/ whose hashes are in the lock.
set -eu

fail() { echo "install.sh: $*" >&2; exit 1; }
cd "$(dirname "$0")"
BUNDLE=$(pwd)
PYTHON=${PYTHON:-python3}
if [ "$(id -u)" = 0 ]; then DEFAULT_PREFIX=/opt/casefile; else DEFAULT_PREFIX="$HOME/.local/share/casefile-app"; fi
PREFIX=${CASEFILE_PREFIX:-$DEFAULT_PREFIX}

# 1. The signature over SHA256SUMS (OpenSSL 3 reads Ed25519 with -rawin).
command -v openssl >/dev/null || fail "OpenSSL 3 is needed to check the bundle's signature."
openssl pkeyutl -verify -pubin -inkey bundle-key.pub.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig \
    >/dev/null 2>&1 || fail "SHA256SUMS.sig is not a valid signature of SHA256SUMS: the bundle was altered."
FINGERPRINT=$(openssl pkey -pubin -in bundle-key.pub.pem -outform DER | tail -c 32 | sha256sum | cut -c1-64)
if [ -n "${CASEFILE_BUNDLE_FINGERPRINT:-}" ] && [ "$FINGERPRINT" != "$CASEFILE_BUNDLE_FINGERPRINT" ]; then
    fail "the bundle is signed by key $FINGERPRINT, not by the key you expected."
fi
echo "Signature good, key $FINGERPRINT (compare it with the fingerprint the builder gave you)."

# 2. Every file's sum, and no file the sums do not name (an added wheel or module would run).
sha256sum --check --quiet --strict SHA256SUMS || fail "a file does not match SHA256SUMS: the bundle was altered."
LISTED=$(mktemp) FOUND=$(mktemp)
trap 'rm -f "$LISTED" "$FOUND"' EXIT
cut -c67- SHA256SUMS | sort >"$LISTED"
find . -type f ! -name SHA256SUMS ! -name SHA256SUMS.sig | sed 's|^\./||' | sort >"$FOUND"
EXTRA=$(comm -13 "$LISTED" "$FOUND")
[ -z "$EXTRA" ] || fail "files not in SHA256SUMS were added to the bundle: $EXTRA"
echo "All $(wc -l <"$LISTED") files match SHA256SUMS."

# 3. A venv with exactly the locked wheels, from this folder only.
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
    || fail "Casefile needs Python 3.11 or newer (set PYTHON=…)."
mkdir -p "$PREFIX"
[ -x "$PREFIX/venv/bin/python" ] || "$PYTHON" -m venv "$PREFIX/venv" \
    || fail "could not create a venv: install the python3-venv package from the OS media."
PIP="$PREFIX/venv/bin/python -m pip --disable-pip-version-check"
$PIP install --quiet --no-index --find-links "$BUNDLE/wheelhouse" --require-hashes -r "$BUNDLE/requirements.lock"
$PIP install --quiet --no-index --find-links "$BUNDLE/wheelhouse" --require-hashes --no-deps -r "$BUNDLE/nodeps.lock"

# 4. The app, swapped in whole; a launcher.
rm -rf "$PREFIX/app.new"
cp -R "$BUNDLE/casefile" "$PREFIX/app.new"
rm -rf "$PREFIX/app.old"
[ ! -d "$PREFIX/app" ] || mv "$PREFIX/app" "$PREFIX/app.old"
mv "$PREFIX/app.new" "$PREFIX/app"
rm -rf "$PREFIX/app.old"
mkdir -p "$PREFIX/bin"
cat >"$PREFIX/bin/casefile" <<EOF
#!/bin/sh
# The model store is the installation's: models are prepared and imported by whoever installs.
export CASEFILE_MODELS="\${CASEFILE_MODELS:-$PREFIX/models}"
exec "$PREFIX/venv/bin/python" "$PREFIX/app/main.py" "\$@"
EOF
chmod 755 "$PREFIX/bin/casefile"
echo "Installed in $PREFIX (run $PREFIX/bin/casefile)."

# 5. The embedded model, converted once, and the self-test (its report is kept beside the app).
"$PREFIX/bin/casefile" models prepare
"$PREFIX/bin/casefile" selftest | tee "$PREFIX/selftest-report.txt"
