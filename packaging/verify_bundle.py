"""Check an offline bundle before anything in it is installed or run: the standard library only.

    python verify_bundle.py BUNDLE --fingerprint FP          the key, the signature, every sum
    python verify_bundle.py BUNDLE --fingerprint FP --copy DIR --under casefile/
                                                             also: DIR matches the sums of casefile/

It runs before the bundle's wheels are installed, so it cannot use ``cryptography``, and it must
run where OpenSSL 3 is missing (Windows has none, macOS ships LibreSSL, which cannot check Ed25519).
Hence the Ed25519 check below is RFC 8032's reference verification (section 6), checked in the
tests against ``cryptography``'s signatures. It is slow (~10 ms) and not constant-time, which is
fine for verifying a public signature. ``install.sh`` and ``install.ps1`` both call it; it prints
one line and exits 1 at the first problem, installing nothing.

The fingerprint is sha256 of the raw 32-byte public key (as ``app.signing.fingerprint``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
from pathlib import Path

SUMS, SIGNATURE, PUBLIC_KEY = "SHA256SUMS", "SHA256SUMS.sig", "bundle-key.pub.pem"

# ----- Ed25519 verification (RFC 8032, section 6) ---------------------------------------------
_P = 2**255 - 19
_Q = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _add(a: tuple, b: tuple) -> tuple:
    x = (a[1] - a[0]) * (b[1] - b[0]) % _P
    y = (a[1] + a[0]) * (b[1] + b[0]) % _P
    c, d = 2 * a[3] * b[3] * _D % _P, 2 * a[2] * b[2] % _P
    e, f, g, h = y - x, d - c, d + c, y + x
    return e * f, g * h, f * g, e * h


def _multiply(scalar: int, point: tuple) -> tuple:
    result = (0, 1, 1, 0)
    while scalar > 0:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _equal(a: tuple, b: tuple) -> bool:
    return (a[0] * b[2] - b[0] * a[2]) % _P == 0 and (a[1] * b[2] - b[1] * a[2]) % _P == 0


def _recover_x(y: int, sign: int) -> int | None:
    if y >= _P:
        return None
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P:
        return None
    return _P - x if (x & 1) != sign else x


def _decompress(raw: bytes) -> tuple | None:
    y = int.from_bytes(raw, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % _P)


_GY = 4 * pow(5, _P - 2, _P) % _P
_GX = _recover_x(_GY, 0)
_BASE = (_GX, _GY, 1, _GX * _GY % _P)


def ed25519_verify(public: bytes, message: bytes, signature: bytes) -> bool:
    if len(public) != 32 or len(signature) != 64:
        return False
    a, r = _decompress(public), _decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= _Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % _Q
    return _equal(_multiply(s, _BASE), _add(r, _multiply(h, a)))


# ----- the bundle -----------------------------------------------------------------------------
class Refused(Exception):
    """One line that says why the bundle is refused."""


def raw_public_key(pem: str) -> bytes:
    """The 32 key bytes of an Ed25519 SubjectPublicKeyInfo PEM (its DER ends with them)."""
    body = "".join(line for line in pem.splitlines() if line and not line.startswith("-----"))
    try:
        der = base64.b64decode(body, validate=True)
    except ValueError:
        raise Refused(f"{PUBLIC_KEY} is not a public key.") from None
    if len(der) != 44 or not der.startswith(bytes.fromhex("302a300506032b6570032100")):
        raise Refused(f"{PUBLIC_KEY} is not an Ed25519 public key.")
    return der[-32:]


def normal_fingerprint(text: str) -> str:
    return "".join(ch for ch in text if ch not in " :\t").lower()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_sums(bundle: Path) -> dict[str, str]:
    sums = {}
    for number, line in enumerate((bundle / SUMS).read_text(encoding="utf-8").splitlines(), 1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name or name.startswith("/") or ".." in name.split("/"):
            raise Refused(f"{SUMS} line {number} is malformed: the bundle was altered.")
        sums[name] = digest
    return sums


def check_signature(bundle: Path, expected: str) -> str:
    public = raw_public_key((bundle / PUBLIC_KEY).read_text(encoding="ascii", errors="replace"))
    found = hashlib.sha256(public).hexdigest()
    if not normal_fingerprint(expected):
        raise Refused("set CASEFILE_BUNDLE_FINGERPRINT to the fingerprint the bundle's builder gave you "
                      f"(this bundle's key is {found}; compare it with theirs, not with this line).")
    if found != normal_fingerprint(expected):
        raise Refused(f"the bundle is signed by key {found}, not by the key you expected.")
    if not ed25519_verify(public, (bundle / SUMS).read_bytes(), (bundle / SIGNATURE).read_bytes()):
        raise Refused(f"{SIGNATURE} is not a valid signature of {SUMS}: the bundle was altered.")
    return found


def check_files(folder: Path, sums: dict[str, str], *, skip: tuple[str, ...] = ()) -> int:
    """Every file named matches; no link; no file the sums do not name (it would be installed
    or imported unchecked)."""
    found = set()
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            raise Refused(f"the bundle contains links, which it never ships: {name}")
        if path.is_file() and name not in skip:
            found.add(name)
    extra = sorted(found - set(sums))
    if extra:
        raise Refused(f"files not in {SUMS} were added to the bundle: {' '.join(extra[:5])}")
    for name, digest in sums.items():
        path = folder / name
        if not path.is_file() or _sha256(path) != digest:
            raise Refused(f"a file does not match {SUMS}: {name}: the bundle was altered.")
    return len(sums)


def verify(bundle: Path, fingerprint: str, copy: Path | None = None, under: str = "") -> str:
    """The line to print when the bundle is good; raises Refused otherwise."""
    for name in (SUMS, SIGNATURE, PUBLIC_KEY):
        if not (bundle / name).is_file():
            raise Refused(f"{name} is missing: this is not a complete Casefile bundle.")
    key = check_signature(bundle, fingerprint)
    sums = read_sums(bundle)
    if copy is not None:  # the copy made by the installer, checked against the signed sums again
        part = {name[len(under):]: digest for name, digest in sums.items() if name.startswith(under)}
        return f"The copy in {copy} matches: {check_files(copy, part)} files."
    count = check_files(bundle, sums, skip=(SUMS, SIGNATURE))
    return f"Signature good, by the expected key {key}. All {count} files match {SUMS}."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--fingerprint", default="")
    parser.add_argument("--copy", type=Path, help="a copy of part of the bundle to check")
    parser.add_argument("--under", default="", help="the part of the bundle --copy is (e.g. casefile/)")
    args = parser.parse_args(argv)
    try:
        print(verify(args.bundle, args.fingerprint, args.copy, args.under))
    except (Refused, OSError, UnicodeDecodeError) as exc:
        print(f"install: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
