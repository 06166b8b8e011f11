"""Finding the files a production's load files name, inside the volume and nowhere else.

Load files write paths every way (backslashes, a drive, the volume's name, another case), and a
volume may hold links that lead to another matter's files: ``PathResolver`` matches a written
path against the volume's own listings and refuses what leads outside it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path


def leads_outside(path: Path, boundary: Path) -> bool:
    """Whether ``path``, links followed, lies outside ``boundary`` (a link loop counts as outside)."""
    try:
        return not path.resolve(strict=True).is_relative_to(boundary.resolve(strict=True))
    except (OSError, RuntimeError):
        return True


def list_folder(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


class PathResolver:
    """Finds the file a load file names, however it is written; listings are read once, with what
    each entry is (file, folder, link), so that a path without links costs no system call."""

    def __init__(self, *bases: Path) -> None:
        self.bases = list(dict.fromkeys(bases))
        self._entries: dict[Path, dict[str, list[tuple[Path, str]]]] = {}
        self._roots = [base.resolve() for base in self.bases]
        self.outside: list[Path] = []  # links found leading out of the volume, never opened

    def resolve(self, written: str) -> Path | None:
        parts = [p for p in re.split(r"[\\/]+", written.strip()) if p not in ("", ".")]
        if parts and re.fullmatch(r"[A-Za-z]:", parts[0]):
            parts = parts[1:]
        if not parts or ".." in parts:  # never leave the volume
            return None
        for base in self.bases:
            for start in range(len(parts)):  # drop leading parts: a volume name, a parent path
                found = self._walk(base, parts[start:])
                if found is not None:
                    return found
        return None

    def _walk(self, base: Path, parts: list[str]) -> Path | None:
        current, kind, linked = base, "dir", False
        for part in parts:
            candidates = self._children(current).get(part.lower())
            if not candidates:
                return None
            current, kind = next((c for c in candidates if c[0].name == part), candidates[0])
            linked = linked or kind == "link"
        if not (current.is_file() if kind == "link" else kind == "file"):
            return None
        # A link that leads out of the volume (another matter's file, say) is not part of it;
        # without a link on the way, the path lies in its base.
        if linked and all(leads_outside(current, root) for root in self._roots):
            if current not in self.outside:
                self.outside.append(current)
            return None
        return current

    def _children(self, folder: Path) -> dict[str, list[tuple[Path, str]]]:
        if folder not in self._entries:
            entries: dict[str, list[tuple[Path, str]]] = {}
            try:
                with os.scandir(folder) as listing:
                    found = sorted(listing, key=lambda entry: entry.name)
            except OSError:
                found = []
            for entry in found:
                entries.setdefault(entry.name.lower(), []).append((folder / entry.name, _kind(entry)))
            self._entries[folder] = entries
        return self._entries[folder]


def _kind(entry: os.DirEntry) -> str:
    try:
        if entry.is_symlink():
            return "link"
        return "file" if entry.is_file() else "dir" if entry.is_dir() else "other"
    except OSError:
        return "other"
