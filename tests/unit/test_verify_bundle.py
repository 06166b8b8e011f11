"""packaging/verify_bundle.py: the stdlib-only check that install.sh and install.ps1 run first.

Its Ed25519 verification is RFC 8032's reference code; here it must agree with `cryptography`
on real signatures and on altered ones, and the bundle checks must refuse what install.sh did."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.signing import fingerprint, generate_key, sign_file

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vb = _load("verify_bundle")


def test_agrees_with_cryptography_on_good_and_altered_signatures():
    for size in (0, 1, 64, 1000):
        key = Ed25519PrivateKey.generate()
        public = key.public_key().public_bytes_raw()
        message = os.urandom(size)
        signature = key.sign(message)
        assert vb.ed25519_verify(public, message, signature)
        flipped = bytearray(signature)
        flipped[size % 64] ^= 0x01
        assert not vb.ed25519_verify(public, message, bytes(flipped))
        assert not vb.ed25519_verify(public, message + b"x", signature)
        other = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
        assert not vb.ed25519_verify(other, message, signature)
    # s >= group order must be refused (signature malleability), and wrong lengths
    assert not vb.ed25519_verify(public, message, signature[:32] + b"\xff" * 32)
    assert not vb.ed25519_verify(public[:31], message, signature)


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "bundle"
    (folder / "casefile" / "app").mkdir(parents=True)
    (folder / "casefile" / "app" / "main.py").write_text("print('hi')\n")
    (folder / "wheelhouse").mkdir()
    (folder / "wheelhouse" / "x-1.0-py3-none-any.whl").write_bytes(os.urandom(300))
    key = tmp_path / "key.pem"
    print_ = generate_key(key, folder / "bundle-key.pub.pem")
    _load("build_bundle").write_sums(folder)  # the builder's own sums
    sign_file(folder / "SHA256SUMS", key)
    assert print_ == fingerprint((folder / "bundle-key.pub.pem").read_bytes())
    return folder, print_


def _refused(folder: Path, fp: str, expect: str, **kwargs) -> None:
    with pytest.raises(vb.Refused, match=expect):
        vb.verify(folder, fp, **kwargs)


def test_good_bundle_passes_and_fingerprint_format_is_forgiving(bundle):
    folder, fp = bundle
    assert "Signature good" in vb.verify(folder, fp)
    spaced = ":".join(fp[i:i + 4] for i in range(0, 64, 4)).upper()
    assert "All 3 files match" in vb.verify(folder, spaced)


def test_refusals(bundle):
    folder, fp = bundle
    _refused(folder, "", "set CASEFILE_BUNDLE_FINGERPRINT")
    _refused(folder, "00" * 32, "not by the key you expected")
    (folder / "casefile" / "app" / "sneaky.py").write_text("import os\n")
    _refused(folder, fp, "not in SHA256SUMS")
    (folder / "casefile" / "app" / "sneaky.py").unlink()
    (folder / "casefile" / "app" / "main.py").write_text("print('altered')\n")
    _refused(folder, fp, "does not match SHA256SUMS")


def test_altered_sums_fail_the_signature(bundle):
    folder, fp = bundle
    sums = folder / "SHA256SUMS"
    sums.write_text(sums.read_text().replace("main.py", "main2.py"))
    _refused(folder, fp, "not a valid signature")


def test_copy_is_checked_against_its_part(bundle, tmp_path):
    import shutil

    folder, fp = bundle
    copy = tmp_path / "app.new"
    shutil.copytree(folder / "casefile", copy)
    assert "1 files" in vb.verify(folder, fp, copy=copy, under="casefile/")
    (copy / "app" / "main.py").write_text("changed\n")
    _refused(folder, fp, "does not match", copy=copy, under="casefile/")


def test_command_line_says_one_line_and_exits_1(bundle, capsys):
    folder, _fp = bundle
    assert vb.main([str(folder), "--fingerprint", "ab" * 32]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("install: the bundle is signed by key")
