"""Depositions ingested in the three forms a court reporter delivers, cited by page and line: the
citation resolves to exactly those lines, a misquote of one line is caught, the viewer shows a
condensed transcript's page on its sheet, and a brief's "Varga Dep. 45:13" is checked."""

import pytest

from app import cases
from app.answer import parse_citations
from app.answer.citecheck import check_text
from app.cases import documents_with_pages
from app.context import build_context
from app.ingest import ingest_paths
from app.page_view import load_page
from tests.fixtures import transcripts as deposition

WAREHOUSE = deposition.FACTS[(45, 13)].removeprefix("A. ")


@pytest.fixture
def depositions(vault, tmp_path):
    case = cases.create_case(vault, "Varga")
    files = [deposition.write_text_export(tmp_path / "varga-deposition.txt"),
             deposition.write_full_pdf(tmp_path / "varga-deposition-full.pdf"),
             deposition.write_condensed_pdf(tmp_path / "varga-deposition-condensed.pdf")]
    report = ingest_paths(vault, case, files)
    assert report.count("ingested") == 3, report
    return case, build_context(documents_with_pages(vault, case), "m")


def test_each_form_is_stored_as_transcript_pages_with_their_numbers(depositions):
    _case, context = depositions
    for document in context.documents:
        assert [p.label for p in document.pages] == [str(n) for n in range(44, 50)], document.record.name
        assert document.record.metadata["transcript"].startswith("pages 44-49")
        assert document.record.metadata["deponent"] == "Varga"
    condensed = next(d for d in context.documents if "condensed" in d.record.name)
    assert condensed.record.metadata["transcript_sheet_pages"] == "4" and condensed.record.page_count == 6
    assert 'transcript_page="45"' in context.text
    assert 'transcript="pages 44-49; cite page:line"' in context.text


def test_a_page_line_citation_checks_exactly_its_lines(depositions):
    _case, context = depositions
    for document in context.documents:
        d = document.short_id
        answer = (f'She was on the dock: "{WAREHOUSE}" [{d} 45:13]. Asked about the brakes: "Nobody told me '
                  f'that before the accident. Q. Not Mr. Reyes?" [{d} 46:25-47:1]. "I was at the Millbrook '
                  f'office, on the loading dock." [{d} 45:13]. "{WAREHOUSE}" [{d} 45:20].')
        right, across, misquoted, misplaced = parse_citations(answer, context)
        assert right.verified and right.lines == "45:13" and right.page == document.page(2).number
        assert across.verified and across.lines == "46:25-47:1"  # across a page break
        assert not misquoted.verified and misquoted.check == "differs" and "office" in misquoted.difference
        assert not misplaced.verified and misplaced.found_on == f"{d} 45:13"
        assert "NOT on the cited lines" in misplaced.verdict
    (unknown,) = parse_citations("[D1 99:3]", context)
    assert not unknown.known


def test_the_viewer_shows_a_condensed_page_on_its_sheet(vault, depositions):
    _case, context = depositions
    condensed = next(d for d in context.documents if "condensed" in d.record.name)
    page = next(p for p in condensed.pages if p.label == "49")  # the second sheet's second quarter
    view = load_page(vault, condensed.record.id, page.number, mark="Not Mr. Reyes, not anyone")
    assert view.image_png and view.label == "49"


def test_a_brief_citing_the_deposition_by_its_witness_is_checked(depositions):
    _case, context = depositions
    brief = (f'The manager was on the dock that morning: "{WAREHOUSE}" Varga Dep. 45:13. She denied any '
             '"warning about the brakes from Mr. Reyes" Varga Dep. at 47:1-2.')
    checked = check_text(brief, context)
    assert [q.cite for q in checked.quotes] == ["Varga Dep. 45:13", "Varga Dep. at 47:1-2"]
    assert checked.quotes[0].citation.verified and not checked.quotes[1].citation.verified


def test_the_deposition_digest_cites_page_and_line_and_checks_each_row(vault, depositions, embedded_model):
    from app.tasks.run import run_task
    from tests.fixtures.fake_backend import FakeBackend, fake_session

    case, _context = depositions
    digest = FakeBackend(["Whereabouts on March 3, 2025 | At the Millbrook warehouse, on the loading dock "
                          "| [D1 45:12-13]\nWarnings about the brakes | Nobody warned her before the "
                          "accident | [D1 46:24-47:2]\nThe forklift's owner | Northgate | [D1 99:1]"])
    task = run_task(vault, case, "digest", fake_session(embedded_model, digest))
    first, second, unknown = task.rows
    assert first["fields"]["topic"] == "Whereabouts on March 3, 2025"
    assert first["citations"][0]["lines"] == "45:12-13" and first["citations"][0]["known"]
    assert second["citations"][0]["lines"] == "46:24-47:2"
    assert first["check"] == second["check"] == "cited"  # cited lines that exist (words are not proof)
    assert unknown["check"] == "unknown_source"  # no page 99 in this transcript

