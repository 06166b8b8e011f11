"""What a batch of paths holds: production volumes (read through their load files) and files.

A folder is walked recursively (sorted, hidden entries skipped). A folder with load files, at
any depth, is a production volume; its images, text and natives are read through the load files,
not one by one, but any other file lying directly in the volume's folder (a cover letter, a
privilege log as PDF) is still read as a file of its own, so nothing in it is silently left out.

Containment: a folder's contents are what lies inside it. A link (or Windows junction) that
leads outside the folder added — or, for a volume's loose files, outside the volume — is
listed as refused and never opened: a production must not be able to make Casefile read
``/etc/passwd`` or another matter's files. A file named on its own is read wherever it points:
the user chose it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.productions.resolver import leads_outside
from app.productions.volume import find_load_files

LOAD_FILE_SUFFIXES = {".dat", ".opt", ".lfp"}
LINK_OUTSIDE = "A link to a file outside the folder added; not read (Casefile reads only what is inside it)."


@dataclass
class BatchPaths:
    volumes: list[Path] = field(default_factory=list)  # production volume roots
    files: list[Path] = field(default_factory=list)  # every other file, in order
    outside: set[Path] = field(default_factory=set)  # of ``files``: links leading out, refused


def _hidden(path: Path, under: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(under).parts)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus every file under folders named (recursively, sorted, no hidden ones)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if _is_file(p) and not _hidden(p, path))
        else:
            files.append(path)
    return files


def _is_file(path: Path) -> bool:
    return path.is_file() or path.is_symlink()  # a dangling link is listed (and refused), not lost


def split_volumes(paths: Iterable[Path]) -> BatchPaths:
    """The production volumes and the other files of ``paths``, in the order given."""
    batch = BatchPaths()
    for path in paths:
        if not path.is_dir():
            batch.files.append(path)
            continue
        folders = [path, *(p for p in sorted(path.rglob("*"))
                           if p.is_dir() and not p.is_symlink() and not _hidden(p, path))]
        found: list[Path] = []
        for folder in folders:
            if any(folder.is_relative_to(root) for root in found):
                continue
            if (load_files := find_load_files(folder)) is not None and load_files.root not in found:
                found.append(load_files.root)
        batch.volumes.extend(found)
        for file in collect_files([path]):
            root = next((r for r in found if file.is_relative_to(r)), None)
            if root is not None and (file.parent != root or file.suffix.lower() in LOAD_FILE_SUFFIXES):
                continue  # read through the volume's load files
            batch.files.append(file)
            if leads_outside(file, root or path):
                batch.outside.add(file)
    return batch
