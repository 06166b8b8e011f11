"""What a batch of paths holds: production volumes (read through their load files) and files.

A folder is walked recursively (sorted, hidden entries skipped). A folder with load files, at
any depth, is a production volume; its images, text and natives are read through the load files,
not one by one, but any other file lying directly in the volume's folder (a cover letter, a
privilege log as PDF) is still read as a file of its own, so nothing in it is silently left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.productions.volume import find_load_files

LOAD_FILE_SUFFIXES = {".dat", ".opt", ".lfp"}


def _hidden(path: Path, under: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(under).parts)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus every file under folders named (recursively, sorted, no hidden ones)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and not _hidden(p, path))
        else:
            files.append(path)
    return files


def split_volumes(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(production volume roots, every other file), in the order given."""
    volumes: list[Path] = []
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        folders = [path, *(p for p in sorted(path.rglob("*")) if p.is_dir() and not _hidden(p, path))]
        found: list[Path] = []
        for folder in folders:
            if any(folder.is_relative_to(root) for root in found):
                continue
            if (load_files := find_load_files(folder)) is not None and load_files.root not in found:
                found.append(load_files.root)
        volumes.extend(found)
        for file in collect_files([path]):
            root = next((r for r in found if file.is_relative_to(r)), None)
            if root is None or (file.parent == root and file.suffix.lower() not in LOAD_FILE_SUFFIXES):
                files.append(file)
    return volumes, files
