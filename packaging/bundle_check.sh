#!/usr/bin/env bash
# make bundle-check: check that every pin has a wheel for each platform, build the offline bundle
# here, prove that install.sh refuses an altered one, then install it into a fresh venv and
# self-test it with no network at all (unshare -rn).
# Downloads are kept in .cache/wheelhouse, so a second run fetches nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
WORK=$(pwd)/.cache/bundle-check
BUNDLE=$WORK/bundle
# Every pin has a wheel for Windows, macOS (arm64) and Linux: the bundle can be built for each.
"$PY" packaging/wheel_check.py
rm -rf "$WORK/bundle" "$WORK/prefix" "$WORK/home"
mkdir -p "$WORK/home"
[ -f "$WORK/key.pem" ] || "$PY" -c "
from pathlib import Path; from app.signing import generate_key
generate_key(Path('$WORK/key.pem'), Path('$WORK/key.pub.pem'))"
"$PY" packaging/build_bundle.py --out "$BUNDLE" --key "$WORK/key.pem" --wheelhouse .cache/wheelhouse
FINGERPRINT=$("$PY" -c "
from pathlib import Path; from app.signing import fingerprint
print(fingerprint(Path('$WORK/key.pub.pem').read_bytes()))")

refused() {  # the install must stop, before installing anything, saying why
    local expect=$1; shift
    if out=$(env "$@" CASEFILE_PREFIX="$WORK/prefix" "$BUNDLE/install.sh" 2>&1); then
        echo "bundle-check: install.sh accepted a bundle it should refuse ($expect)"; exit 1
    fi
    grep -q "$expect" <<<"$out" || { echo "bundle-check: unexpected refusal: $out"; exit 1; }
    [ ! -e "$WORK/prefix/venv" ] || { echo "bundle-check: something was installed"; exit 1; }
    echo "refused as it should: $(tail -1 <<<"$out")"
}
refused "not by the key you expected" CASEFILE_BUNDLE_FINGERPRINT=0000
echo "import os" >"$BUNDLE/casefile/app/sneaky.py"
refused "not in SHA256SUMS" CASEFILE_BUNDLE_FINGERPRINT="$FINGERPRINT"
rm "$BUNDLE/casefile/app/sneaky.py"
cp "$BUNDLE/sbom.json" "$WORK/sbom.json"
echo " " >>"$BUNDLE/sbom.json"
refused "does not match SHA256SUMS" CASEFILE_BUNDLE_FINGERPRINT="$FINGERPRINT"
cp "$WORK/sbom.json" "$BUNDLE/sbom.json"

# The real install, with the network namespace empty: no interface but loopback.
unshare -rn true 2>/dev/null || { echo "bundle-check: this machine does not allow unshare -rn"; exit 1; }
unshare -rn env -i PATH="$PATH" HOME="$WORK/home" LANG=C.UTF-8 CASEFILE_BUNDLE_FINGERPRINT="$FINGERPRINT" \
    CASEFILE_PREFIX="$WORK/prefix" PYTHON="$("$PY" -c "import sys; print(sys._base_executable)")" "$BUNDLE/install.sh"
grep -q "All checks passed." "$WORK/prefix/selftest-report.txt"
echo "bundle-check: the bundle installed and passed its self-test with no network."

# A Windows bundle, built on this machine: the pins resolved for Windows (no Linux-only wheels),
# signed by the same key, every file summed. It is checked here the way install.sh checks a
# bundle; installing it needs Windows (packaging/BUNDLE.md).
WIN=$WORK/bundle-win
"$PY" packaging/build_bundle.py --platform win_amd64 --out "$WIN" --key "$WORK/key.pem" \
    --wheelhouse .cache/wheelhouse-win
(
    cd "$WIN"
    [ "$(openssl pkey -pubin -in bundle-key.pub.pem -outform DER | tail -c 32 | sha256sum | cut -c1-64)" \
        = "$FINGERPRINT" ] || { echo "bundle-check: the Windows bundle is not signed by the key"; exit 1; }
    openssl pkeyutl -verify -pubin -inkey bundle-key.pub.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig \
        >/dev/null || { echo "bundle-check: the Windows bundle's signature does not verify"; exit 1; }
    sha256sum --check --quiet --strict SHA256SUMS || { echo "bundle-check: a Windows bundle sum fails"; exit 1; }
    if ls wheelhouse | grep -E "manylinux|macosx|nvidia"; then
        echo "bundle-check: the Windows bundle holds wheels for another platform"; exit 1
    fi
    grep -q "^pywin32-ctypes==" requirements.lock || { echo "bundle-check: Windows-only pins missing"; exit 1; }
    [ -f install.ps1 ] || { echo "bundle-check: the Windows bundle has no install.ps1"; exit 1; }
)
# What install.ps1 runs first on Windows (no OpenSSL there): the same verdict as OpenSSL's above.
"$PY" "$WIN/verify_bundle.py" "$WIN" --fingerprint "$FINGERPRINT"
echo "bundle-check: the Windows bundle ($(ls "$WIN/wheelhouse" | wc -l) wheels) is signed and every sum matches."
