"""Productions at scale: memory that does not grow with a volume's text, reading that stops when
asked, page-image PDFs built page by page. Volumes are generated in tmp_path; memory is measured
in a fresh interpreter (peak resident size, ``resource.getrusage``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.errors import Cancelled
from app.ingest.production import content_hash, ingest_volume, original_pdf
from app.productions.records import PageText
from app.productions.text_rules import read_pages
from app.productions.volume import read_volume
from tests.conftest import ROOT
from tests.fixtures import hostile

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="peak memory as Linux reports it")


def text_volume(root: Path, pages: int, page_chars: int, per_document: int = 5) -> Path:
    """A text-only volume: DAT + OPT, an empty file per page image (its path resolves; it is never
    drawn here) and one TEXT file per document, its pages split by form feeds."""
    (root / "DATA").mkdir(parents=True)
    d, q = "\x14", "\u00fe"
    rows = [d.join(f"{q}{c}{q}" for c in ("BEGBATES", "ENDBATES", "CUSTODIAN", "TEXTPATH"))]
    opt = []
    filler = ("The tiles left the warehouse on 4 May and arrived eleven days late. " * 400)[:page_chars]
    for first in range(1, pages + 1, per_document):
        last = min(first + per_document - 1, pages)
        folder = f"{(first - 1) // 1000:03d}"
        for name in ("IMAGES", "TEXT"):
            (root / name / folder).mkdir(parents=True, exist_ok=True)
        for n in range(first, last + 1):
            (root / "IMAGES" / folder / f"SCL{n:08d}.tif").touch()
            opt.append(f"SCL{n:08d},VOL001,IMAGES\\{folder}\\SCL{n:08d}.tif,{'Y' if n == first else ''},,,")
        body = "\f".join(f"Page SCL{n:08d}. {filler}" for n in range(first, last + 1))
        (root / "TEXT" / folder / f"SCL{first:08d}.txt").write_text(body, encoding="utf-8")
        rows.append(d.join(f"{q}{c}{q}" for c in (f"SCL{first:08d}", f"SCL{last:08d}", "Park, Ellen",
                                                   f"TEXT\\{folder}\\SCL{first:08d}.txt")))
    (root / "DATA" / "VOL001.dat").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    (root / "DATA" / "VOL001.opt").write_text("\r\n".join(opt) + "\r\n")
    return root


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from app.ingest.production import content_hash, extracted
from app.productions.text_rules import read_pages
from app.productions.volume import read_volume
started = time.perf_counter()
volume = read_volume(Path(sys.argv[1]))
pages = 0
for document in volume.documents:  # what ingest does for each document before storing it
    read = read_pages(document)
    content_hash(document, read.pages)
    extracted(read.pages, "eng")
    pages += len(read.pages)
print(json.dumps({"pages": pages, "seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measured(volume: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(volume)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=True)
    return json.loads(done.stdout)


@linux_only
def test_peak_memory_does_not_grow_with_the_volumes_text(tmp_path):
    short = measured(text_volume(tmp_path / "short", 4000, page_chars=100))
    long = measured(text_volume(tmp_path / "long", 4000, page_chars=25_000))  # 100 MB of text
    assert short["pages"] == long["pages"] == 4000
    assert long["peak_mb"] - short["peak_mb"] < 20, (short, long)


@linux_only
def test_peak_memory_grows_by_paths_and_metadata_only_with_the_page_count(tmp_path):
    small = measured(text_volume(tmp_path / "small", 2000, page_chars=4000))
    large = measured(text_volume(tmp_path / "large", 20_000, page_chars=4000))  # 80 MB of text
    per_page_kb = (large["peak_mb"] - small["peak_mb"]) * 1024 / 18_000
    assert per_page_kb < 2.5, (small, large)  # the text alone would be 4 KB a page


def test_text_files_are_read_when_their_document_is_not_while_the_volume_is_read(tmp_path, monkeypatch):
    volume = text_volume(tmp_path / "VOL001", 10, page_chars=50)
    opened: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.suffix) or real(self))
    read = read_volume(volume)
    assert sorted(opened) == [".dat", ".opt"]
    first = read.documents[0]
    assert first.text.path is not None and first.text.inline is None  # a path, not the text
    first.text.path.write_text("Rewritten.\f\f\f\fLast page.", encoding="utf-8")  # after the read
    pages = read_pages(first).pages
    assert [p.text for p in pages] == ["Rewritten.", None, None, None, "Last page."]
    assert opened.count(".txt") == 1


def test_what_only_the_text_shows_is_found_when_its_document_is_read(tmp_path):
    from app.limits import MAX_TEXT_FILE_BYTES

    root = text_volume(tmp_path / "VOL001", 15, page_chars=50)
    (root / "TEXT" / "000" / "SCL00000001.txt").write_text(" \f \n", encoding="utf-8")  # empty
    for n in range(7, 11):  # the second document's pages have files of their own
        (root / "TEXT" / "000" / f"SCL{n:08d}.txt").write_text(f"Own text of page {n}.", encoding="utf-8")
    with open(root / "TEXT" / "000" / "SCL00000008.txt", "r+b") as big:
        big.truncate(MAX_TEXT_FILE_BYTES + 1)  # sparse: only its size is looked at
    (root / "TEXT" / "000" / "SCL00000011.txt").write_text("One page\fof five", encoding="utf-8")
    volume = read_volume(root)
    assert volume.findings == ()  # the load files and paths are in order
    found = [read_pages(document) for document in volume.documents]
    assert [(f.kind, f.message) for read in found for f in read.findings] == [
        ("missing_text", "SCL00000001: its text is empty; 5 pages need OCR"),
        ("over_limit", "SCL00000008: text file SCL00000008.txt is over Casefile's 64 MB limit; not read"),
        ("text_not_split", "SCL00000011: the document text (1 form feeds) cannot be split into its 5 pages;"
                           " they need OCR")]
    # Files for pages after its first: each page takes its own (the first SCL00000006.txt).
    assert [p.text_source for p in found[1].pages] == ["page-text", "page-text", None, *["page-text"] * 2]
    assert all(p.text is None for p in found[0].pages + found[2].pages)


def test_reading_a_volume_stops_wherever_it_is_asked_to(tmp_path):
    volume = text_volume(tmp_path / "VOL001", 200, page_chars=20)
    asked = []
    read_volume(volume, should_stop=lambda: asked.append(1) and False)
    total = len(asked)
    assert total > 2 * 200  # asked in every loop: the DAT, the OPT, the listings, the documents
    for stop_at in (1, 2, total // 4, total // 2, total - 1, total):
        calls = []
        with pytest.raises(Cancelled):
            read_volume(volume, should_stop=lambda: calls.append(1) or len(calls) >= stop_at)  # noqa: B023
        assert len(calls) == stop_at


def test_a_volume_stopped_while_its_load_files_are_read_adds_and_reports_nothing(tmp_path):
    volume = text_volume(tmp_path / "VOL001", 50, page_chars=20)
    calls, seen = [], []
    batch = SimpleNamespace(should_stop=lambda: calls.append(1) or len(calls) > 20, emit=seen.append,
                            volume_found=seen.append)
    assert ingest_volume(batch, volume) is False
    assert seen == []


def test_a_documents_hash_and_pdf_stop_between_pages(tmp_path):
    image = hostile.png(tmp_path / "page.png", 60, 80)
    pages = [PageText(f"P{n:05d}", image, None, None) for n in range(5)]
    calls = []
    with pytest.raises(Cancelled):
        original_pdf(pages, should_stop=lambda: calls.append(1) or len(calls) > 2)
    assert len(calls) == 3
    document = read_volume(text_volume(tmp_path / "VOL001", 5, page_chars=20)).documents[0]
    with pytest.raises(Cancelled):
        content_hash(document, read_pages(document).pages, should_stop=lambda: True)


_PDF = """
import json, resource, sys
from pathlib import Path
from app.ingest.production import original_pdf
from app.productions.records import PageText
image = Path(sys.argv[1])
pages = [PageText(f"P{n:05d}", image, None, None) for n in range(int(sys.argv[2]))]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data, unreadable = original_pdf(pages)
print(json.dumps({"growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
                  "pdf_mb": len(data) / 2**20, "unreadable": unreadable}))
"""


@linux_only
def test_a_long_documents_page_images_are_not_held_decoded(tmp_path):
    image = hostile.png(tmp_path / "page.png", 1000, 1300)  # 3.9 MB decoded, 4 KB on disk
    done = subprocess.run([sys.executable, "-c", _PDF, str(image), "150"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=True)
    result = json.loads(done.stdout)
    assert result["unreadable"] == []
    assert result["growth_mb"] < 3 * result["pdf_mb"] + 60, result  # 150 decoded pages: 585 MB
