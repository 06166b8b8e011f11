"""Does every pinned requirement have a wheel for each platform Casefile is built for?

    python packaging/wheel_check.py [--platform NAME ...]

For Windows (win_amd64), macOS on Apple silicon (arm64) and Linux (manylinux x86_64), and
CPython 3.11, pip resolves each pin of requirements.txt and requirements-nodeps.txt to a wheel
without installing anything (``pip install --dry-run --only-binary=:all:``, which reads the
registry's metadata, not the wheels). A pin with no wheel for a platform is named with the
platform; the exit status is 1 when any is missing. Run by ``make bundle-check``; it needs the
package registry.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLATFORMS = {
    "windows-x86_64": ["win_amd64"],
    "macos-arm64": ["macosx_14_0_arm64"],
    # Debian 12 / Ubuntu 22.04 have glibc 2.36 / 2.35; PySide6 6.12 ships manylinux_2_34 wheels
    "linux-x86_64": ["manylinux_2_35_x86_64", "manylinux_2_34_x86_64", "manylinux_2_28_x86_64",
                     "manylinux_2_17_x86_64", "manylinux2014_x86_64"],
}
REQUIREMENTS = ("requirements.txt", "requirements-nodeps.txt")
PYTHON = "3.11"


def pins() -> list[str]:
    lines = []
    for name in REQUIREMENTS:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                lines.append(line)
    return lines


def resolve(pin: str, tags: list[str], folder: Path) -> str | None:
    """The wheel pip would install for ``pin`` on a platform with ``tags``; None if there is none."""
    report = folder / "report.json"
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--no-deps",
               "--only-binary=:all:", "--python-version", PYTHON, "--implementation", "cp",
               "--target", str(folder / "target"), "--report", str(report), pin]
    for tag in tags:
        command += ["--platform", tag]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0 or not report.is_file():
        return None
    installed = json.loads(report.read_text(encoding="utf-8"))["install"]
    return installed[0]["download_info"]["url"].rsplit("/", 1)[-1] if installed else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS),
                        help="only these (default: all)")
    args = parser.parse_args(argv)
    missing = []
    wanted = args.platform or list(PLATFORMS)
    with tempfile.TemporaryDirectory(prefix="casefile-wheels-") as tmp:
        for pin in pins():
            found = {name: resolve(pin, PLATFORMS[name], Path(tmp)) for name in wanted}
            for name, wheel in found.items():
                if wheel is None:
                    missing.append(f"{pin}: no wheel for {name}")
            print(f"{pin:<34} " + "  ".join(f"{name}: {'ok' if wheel else 'MISSING'}"
                                              for name, wheel in found.items()), flush=True)
    if missing:
        print("\n".join(missing))
        return 1
    print(f"Every pin has a wheel for {', '.join(wanted)} (CPython {PYTHON}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
