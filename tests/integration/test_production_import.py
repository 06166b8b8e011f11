"""A production volume (DAT/OPT load files, Bates-named TIFFs, text) imported through the real
CLI into a real vault: documents, pages, Bates numbers, families and findings; then context,
citations and the viewer by Bates number, and stamped Bates numbers on a plain PDF."""

import json

import pymupdf
import pytest

from app import cases
from app.answer.citations import parse_citations
from app.answer.staged import groups
from app.bates_lookup import find_bates
from app.context import build_context
from app.page_view import load_page
from assets.production.make_production import make_production
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def volumes(tmp_path_factory):
    root = tmp_path_factory.mktemp("productions")
    return {encoding: make_production(root / encoding, encoding=encoding) for encoding in ("cp1252", "utf-8")}


def _imported(vault, volume, case_name, *, rejected=False):
    result = run_cli("ingest", "--case", case_name, "--json", str(volume))
    assert result.returncode == (1 if rejected else 0), result.stderr  # 1: something was not added
    report = json.loads(result.stdout)
    case = cases.open_case(vault, case_name)
    documents = cases.documents_with_pages(vault, case)
    return report, case, {record.name: (record, pages) for record, pages in documents}


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_a_volume_imports_with_bates_pages_families_and_findings(vault, volumes, encoding):
    report, case, documents = _imported(vault, volumes[encoding], "Corvane v Bellwether")
    assert [f["status"] for f in report["files"]].count("ingested") == 30
    (production,) = report["productions"]
    assert (production["documents"], production["pages"]) == (30, 56)
    assert {f["kind"] for f in production["findings"]} == {"missing_text", "missing_image", "bates_gap",
                                                           "row_without_pages"}
    assert any("ABC0000041–ABC0000044 missing (4 pages)" in f["message"] for f in production["findings"])

    record, pages = documents["ABC0000023–ABC0000024"]
    assert record.kind == "production" and [p.label for p in pages] == ["ABC0000023", "ABC0000024"]
    assert record.metadata["family"] == "ABC0000022" and record.metadata["role"] == "attachment"
    parent, _ = documents["ABC0000022"]
    assert parent.metadata["role"] == "parent" and "Hélène Durocq" in parent.metadata["to"]
    assert "§ 7.2" in parent.metadata["subject"]  # decoded right in either encoding
    _, ocr_pages = documents["ABC0000020–ABC0000021"]
    assert ocr_pages[1].ocr and ocr_pages[1].label == "ABC0000021" and len(ocr_pages[1].text.split()) > 5
    assert sum(len(p) for _, p in documents.values()) == 56

    again = json.loads(run_cli("ingest", "--case", "Corvane v Bellwether", "--json",
                               str(volumes[encoding])).stdout)
    assert [f["status"] for f in again["files"]].count("duplicate") == 30  # nothing added twice


def test_context_citations_viewer_and_plan_work_by_bates_number(vault, volumes, embedded_model):
    _, case, documents = _imported(vault, volumes["cp1252"], "By Bates")
    context = build_context([documents[name] for name in documents], embedded_model.model_id)
    ids = [d.record.name for d in context.documents]
    family = ids.index("ABC0000022")
    assert ids[family + 1:family + 3] == ["ABC0000023–ABC0000024", "ABC0000025"]  # together, in order
    assert '<page n="2" bates="ABC0000024">' in context.text and 'family="ABC0000022"' in context.text
    header = next(line for line in context.text.splitlines() if 'name="ABC0000022"' in line)
    assert 'custodian="Wrenfield, Tobiah"' in header and 'date_sent="05/20/2024"' in header, header

    answer = 'The claim: "Lots 1 to 4 were 11, 9, 16 and 6 days late" [ABC0000024]. Unknown [ABC0099999].'
    cited, unknown = parse_citations(answer, context)
    assert (cited.document, cited.page, cited.bates, cited.verified) == ("ABC0000023–ABC0000024", 2,
                                                                         "ABC0000024", True)
    assert not unknown.known and unknown.bates == "ABC0099999"
    view = load_page(vault, cited.document_id, cited.page)
    assert view.label == "ABC0000024" and view.image_png and "late-delivery" in view.text

    hits = find_bates(vault, case, "ABC0000022-25")
    assert [h.bates for h in hits.hits] == ["ABC0000022", "ABC0000023", "ABC0000024", "ABC0000025"]
    assert len(hits.document_ids) == 3 and find_bates(vault, case, "ABC0000042").hits == ()

    plan = json.loads(run_cli("plan", "--case", "By Bates", "--json").stdout)
    assert [d["short_id"] for d in plan["documents"] if d["family"] == "ABC0000022"] == [
        f"D{family + 1}", f"D{family + 2}", f"D{family + 3}"]


def test_staged_passes_keep_a_family_in_one_pass(vault, volumes, embedded_model):
    from dataclasses import replace

    from app.answer.planning import plan_context

    _, _, documents = _imported(vault, volumes["cp1252"], "Staged")
    context = build_context(list(documents.values()), embedded_model.model_id)
    plan = plan_context(context, embedded_model)
    family = [d.short_id for d in plan.documents if d.family]
    for window in (1500, 1700, 2100):
        packed = groups(replace(plan, window=window), context)
        holding = [i for i, group in enumerate(packed) if set(family) & set(group)]
        assert len(holding) == 1 and set(family) <= set(packed[holding[0]]), (window, packed)


def test_stamped_bates_numbers_on_a_plain_pdf_become_its_page_labels(vault, tmp_path):
    path = tmp_path / "stamped.pdf"
    pdf = pymupdf.open()
    for number in range(101, 104):
        page = pdf.new_page()
        page.insert_text((72, 100), f"Inspection report, sheet {number - 100}: cracked glaze on lot 3.")
        page.insert_text((430, 800), f"XYZ000{number}")
    pdf.save(path)
    assert run_cli("ingest", "--case", "Stamped", str(path)).returncode == 0
    case = cases.open_case(vault, "Stamped")
    ((record, pages),) = cases.documents_with_pages(vault, case)
    assert [p.label for p in pages] == ["XYZ000101", "XYZ000102", "XYZ000103"]
    assert record.metadata["bates"] == "XYZ000101–XYZ000103"
    assert [h.page for h in find_bates(vault, case, "XYZ000102").hits] == [2]


def test_brackets_that_only_look_like_bates_numbers_stay_text(vault, volumes, embedded_model):
    _, _, documents = _imported(vault, volumes["cp1252"], "Look-alikes")
    context = build_context(list(documents.values()), embedded_model.model_id)
    answer = ('The tiles meet [ISO 13006] and [EN14411] per "Lots 1 to 4 were 11, 9, 16 and 6 days late" '
              '[ABC0000024]; see also [ABC0099999] and [D3 p1].')
    cited = parse_citations(answer, context)
    assert [(c.short_id, c.known) for c in cited] == [("D13", True), ("ABC0099999", False), ("D3", True)]
    assert cited[0].verified and cited[0].span == (answer.index("[ABC0000024]"), answer.index("; see"))


def test_a_document_produced_only_natively_is_read_from_its_native_file(vault, volumes, tmp_path):
    import shutil

    volume = tmp_path / "VOL001"
    shutil.copytree(volumes["cp1252"], volume)
    for text in (volume / "TEXT").rglob("ABC0000052*"):
        text.unlink()  # no text and no images: only the native is left
    report, _, documents = _imported(vault, volume, "Natives", rejected=True)
    (outcome,) = [f for f in report["files"] if f["path"].endswith("ABC0000052.csv")]
    assert outcome["status"] == "rejected" and "Unsupported file type (.csv)" in outcome["reason"]

    native = volume / "NATIVES" / "001" / "ABC0000052.txt"
    native.write_text("KILN 2 FIRING LOG as produced natively.\n", encoding="utf-8")
    dat = volume / "DATA" / "VOL001.dat"
    dat.write_bytes(dat.read_bytes().replace(b"ABC0000052.csv", b"ABC0000052.txt"))
    _, _, documents = _imported(vault, volume, "Natives")
    record, pages = documents["ABC0000052 (ABC0000052.txt)"]
    assert pages[0].label == "ABC0000052" and "FIRING LOG" in pages[0].text
    assert record.metadata["bates"] == "ABC0000052" and record.metadata["custodian"]


def test_a_family_cited_as_one_bates_range_finds_the_quote_in_its_attachment(vault, volumes, embedded_model):
    from app.context import is_bates_label

    _, _, documents = _imported(vault, volumes["cp1252"], "Range")
    context = build_context(list(documents.values()), embedded_model.model_id)
    answer = 'Bellwether claimed "Lots 1 to 4 were 11, 9, 16 and 6 days late" [ABC0000022-ABC0000025].'
    (cited,) = parse_citations(answer, context)
    assert cited.verified and (cited.document, cited.page) == ("ABC0000023–ABC0000024", 2)
    wrong = 'It said "the tiles were perfect and delivered early" [ABC0000022-ABC0000025].'
    (unverified,) = parse_citations(wrong, context)
    assert unverified.verified is False and unverified.document == "ABC0000022"
    assert is_bates_label("ABC-0001") and not is_bates_label("A-1") and not is_bates_label("0001")
