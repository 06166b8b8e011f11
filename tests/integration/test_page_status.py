"""Every page accounted for: real PDFs written here, ingested through the real pool and OCR, read
back with `pages --json` as a user (or a script) would."""

import json

import pytest

from app.extract.ocr import tesseract_available
from storage.records import PageStatus
from tests.conftest import TEST_PASSPHRASE, run_cli, shared_models_dir
from tests.fixtures import scans

needs_tesseract = pytest.mark.skipif(not tesseract_available(), reason="Tesseract is not installed")


def pages_json(*args: str) -> dict:
    done = run_cli("pages", "--case", "Statuses", "--json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


WRITERS = (("a-stamped.pdf", scans.write_stamped_scan), ("b-partial.pdf", scans.write_partial_scan),
           ("c-mixed.pdf", scans.write_mixed_pages), ("d-labels.pdf", scans.write_broken_labels),
           ("e-restricted.pdf", scans.write_restricted), ("f-damaged.pdf", scans.write_damaged_page))


@pytest.fixture(scope="module")
def statuses_home(tmp_path_factory):
    """One case holding every kind of page, ingested once for the module."""
    folder = tmp_path_factory.mktemp("statuses")
    home = tmp_path_factory.mktemp("home")
    for name, write in WRITERS:
        write(folder / name)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (("CASEFILE_HOME", home), ("CASEFILE_PASSPHRASE", TEST_PASSPHRASE),
                            ("CASEFILE_MODELS", shared_models_dir())):
            patch.setenv(name, str(value))
        ingested = run_cli("ingest", "--case", "Statuses", str(folder), "--json")
    assert ingested.returncode == 0, ingested.stderr
    return home, json.loads(ingested.stdout)


@pytest.fixture
def statuses(statuses_home, monkeypatch):
    """The ingest's outcomes, and the CLI's own view of the case, with text, by document name."""
    home, outcomes = statuses_home
    monkeypatch.setenv("CASEFILE_HOME", str(home))
    shown = pages_json("--text")
    return outcomes, shown, {d["name"]: d for d in shown["documents"]}


@needs_tesseract
def test_a_scan_behind_a_filing_stamp_is_read_and_the_stamp_kept(statuses):
    _, _, documents = statuses
    first, second = documents["a-stamped.pdf"]["pages"]
    assert first["status"] == second["status"] == PageStatus.TEXT_OCR
    assert first["source"] == "text layer + OCR" and 50 < first["ocr_confidence"] <= 100
    assert "OPINION AND ORDER" in first["text"] and "GRANTED in part" in first["text"]
    assert first["text"].count("Document 11 Filed 03/02/20") == 1  # the stamp, once: not read twice
    assert "Ramona Whitfield" in second["text"]


@needs_tesseract
def test_a_partial_scan_on_an_empty_page_is_read_not_called_blank(statuses):
    _, _, documents = statuses
    (page,) = documents["b-partial.pdf"]["pages"]
    assert page["status"] == PageStatus.OCR and "Dunmore warehouse" in page["text"]


@needs_tesseract
def test_blank_is_said_only_of_a_page_without_ink(statuses):
    _, _, documents = statuses
    text, signed, signature_only, empty = documents["c-mixed.pdf"]["pages"]
    assert text["status"] == signed["status"] == PageStatus.TEXT
    assert (text["document"], text["page"], text["chars"]) == ("D3", 1, len(scans.MEMO))
    assert signature_only["status"] == PageStatus.OCR and "no words" in signature_only["note"]
    assert empty["status"] == PageStatus.BLANK and empty["chars"] == 0


def test_a_broken_label_tree_costs_a_note_never_the_text(statuses):
    _, _, documents = statuses
    pages = documents["d-labels.pdf"]["pages"]
    assert [p["status"] for p in pages] == [PageStatus.TEXT] * 3
    assert all("lease runs to 2031" in p["text"] for p in pages)
    assert "page label could not be read" in pages[0]["note"] and not pages[2]["note"]


def test_a_damaged_page_is_reported_damaged_and_never_blank(statuses):
    outcomes, _, documents = statuses
    assert [p["status"] for p in documents["f-damaged.pdf"]["pages"]] == ["text", "unreadable", "text"]
    (damaged,) = [o for o in outcomes["files"] if o["path"].endswith("f-damaged.pdf")]
    assert any("damaged page" in w for w in damaged["warnings"])
    assert not any("blank" in w for w in damaged["warnings"])


def test_a_copy_protected_pdf_is_read_and_the_restriction_noted(statuses):
    outcomes, _, documents = statuses
    (page,) = documents["e-restricted.pdf"]["pages"]
    assert page["status"] == PageStatus.TEXT and "Dunmore" in page["text"]
    (restricted,) = [o for o in outcomes["files"] if o["path"].endswith("e-restricted.pdf")]
    assert any("forbids copying" in w for w in restricted["warnings"])


@needs_tesseract
def test_counts_agree_everywhere_and_every_page_has_one_status(statuses):
    outcomes, shown, documents = statuses
    total = sum(len(d["pages"]) for d in documents.values())
    assert sum(shown["counts"].values()) == total == 14
    assert shown["counts"] == {"text": 8, "ocr": 2, "text+ocr": 2, "blank": 1, "needs ocr": 0,
                               "unreadable": 1}
    for outcome in outcomes["files"]:
        assert sum(outcome["page_statuses"].values()) == outcome["pages"]
    plan = json.loads(run_cli("plan", "--case", "Statuses", "--json").stdout)
    assert plan["page_statuses"] == shown["counts"]
    one = pages_json("--doc", "D3")
    assert [d["name"] for d in one["documents"]] == ["c-mixed.pdf"]
    assert "text" not in one["documents"][0]["pages"][0]  # only with --text
