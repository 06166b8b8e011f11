"""A production import stopped half-way and run again through the real CLI adds only what is
missing, each document once; what only the text shows reaches the report; two volumes that
number their families alike keep them apart."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from app import cases
from app.ingest import Ingest, ingest_paths
from tests.conftest import run_cli
from tests.fixtures import hostile

D, Q = "\x14", "\u00fe"


def res(n: int) -> str:
    return f"RES{n:07d}"


def volume(root: Path, name: str = "VOL001") -> Path:
    """12 two-page documents (PNG images, text split by form feeds) and a 13th row reusing the
    11th's BEGBATES with pages of its own. Documents 3 and 4 are a family; document 6's text has no
    form feeds (found only when it is read); document 8's ENDBATES is out of its series."""
    for folder in ("DATA", "IMAGES", "TEXT"):
        (root / folder).mkdir(parents=True)
    rows = [D.join(f"{Q}{c}{Q}" for c in ("BEGBATES", "ENDBATES", "BEGATTACH", "CUSTODIAN", "TEXTPATH"))]
    opt = []

    def document(first: str, last: str, stem: str, family: str = "", joined: str = "\f",
                 endbates: str | None = None) -> None:
        for page, bates in enumerate((first, last)):
            hostile.png(root / "IMAGES" / f"{stem}-{page}.png", 120, 160)
            opt.append(f"{bates},{name},IMAGES\\{stem}-{page}.png,{'Y' if page == 0 else ''},,,")
        body = joined.join(f"Page {bates} of {stem}: the kiln log for lot {stem}." for bates in (first, last))
        (root / "TEXT" / f"{stem}.txt").write_text(body, encoding="utf-8")
        rows.append(D.join(f"{Q}{c}{Q}" for c in (first, endbates or last, family, "Park, Ellen",
                                                   f"TEXT\\{stem}.txt")))

    for n in range(1, 13):
        document(res(2 * n - 1), res(2 * n), f"doc{n:02d}", family=res(5) if n in (3, 4) else "",
                 joined="\n" if n == 6 else "\f", endbates="RSX0000016" if n == 8 else None)
    document(res(21), res(22), "doc13")  # the 11th document's numbers again
    (root / "DATA" / "LOAD.dat").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    (root / "DATA" / "LOAD.opt").write_text("\r\n".join(opt) + "\r\n")
    return root


def test_a_stopped_import_resumes_through_the_cli_adding_each_document_once(vault, tmp_path):
    production = volume(tmp_path / "VOL001")
    case = cases.open_case(vault, "Resume", create=True)
    stopped = Ingest(vault, case, should_stop=lambda: True).run([production])  # while reading the DAT
    assert stopped.cancelled and stopped.outcomes == [] and stopped.productions == []
    done: list = []
    half = Ingest(vault, case, on_outcome=done.append, should_stop=lambda: len(done) >= 5).run([production])
    assert half.cancelled and [o.status for o in half.outcomes] == ["ingested"] * 5
    assert len(cases.documents_with_pages(vault, case)) == 5

    result = run_cli("ingest", "--case", "Resume", "--json", str(production))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert not report["cancelled"]
    assert Counter(f["status"] for f in report["files"]) == {"duplicate": 5, "ingested": 8}
    documents = cases.documents_with_pages(vault, case)
    assert len(documents) == 13 and len({record.sha256 for record, _ in documents}) == 13
    labels = Counter(page.label for _, pages in documents for page in pages)
    assert labels == Counter([res(n) for n in range(1, 25)] + [res(21), res(22)])  # both RES0000021s
    by_name = Counter(record.name for record, _ in documents)
    assert by_name[f"{res(21)}–{res(22)}"] == 2

    (summary,) = report["productions"]
    assert (summary["documents"], summary["pages"]) == (13, 26)
    kinds = Counter(f["kind"] for f in summary["findings"])
    assert kinds == {"text_not_split": 1, "bates_duplicate": 1, "endbates_mismatch": 1}
    split = next(f for f in summary["findings"] if f["kind"] == "text_not_split")
    assert split["bates"] == res(11)  # read at ingest, listed with the others in Bates order
    assert [f["bates"] for f in summary["findings"]] == [res(11), res(15), res(21)]

    family = [record.metadata for record, _ in documents if record.metadata.get("family")]
    assert [(m["family"], m["family_key"], m["role"]) for m in family] == [
        (res(5), f"VOL001/{res(5)}", "parent"), (res(5), f"VOL001/{res(5)}", "attachment")]


def test_two_volumes_numbering_their_families_alike_keep_them_apart(vault, tmp_path):
    first, second = volume(tmp_path / "one"), volume(tmp_path / "two", name="VOL002")
    (second / "TEXT" / "doc03.txt").write_text("Another matter's e-mail.\fIts second page.", encoding="utf-8")
    case = cases.open_case(vault, "Two volumes", create=True)
    report = ingest_paths(vault, case, [first, second])
    assert [p.name for p in report.productions] == ["VOL001", "VOL002"]
    kept = [record.metadata for record, _ in cases.documents_with_pages(vault, case)]
    keys = Counter((meta["family"], meta["family_key"]) for meta in kept if meta.get("family"))
    assert keys == {(res(5), f"VOL001/{res(5)}"): 2, (res(5), f"VOL002/{res(5)}"): 1}  # doc04 is a duplicate
