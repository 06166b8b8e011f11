"""`citecheck`: a brief's record quotations checked against the case, as a lawyer would run it."""

import json

import docx
import pytest

from tests.conftest import run_cli
from tests.fixtures.documents import write_pdf
from tests.fixtures.quote_mutations import SENTENCES, labelled_pairs


def page_text(case: str, short_id: str, page: int) -> str:
    shown = json.loads(run_cli("pages", "--case", case, "--doc", short_id, "--text", "--json").stdout)
    return shown["documents"][0]["pages"][page - 1]["text"]


def test_a_brief_on_the_demo_case_is_checked_quote_by_quote(demo_dir, tmp_path):
    assert run_cli("ingest", "--case", "Demo", str(demo_dir)).returncode == 0
    text = " ".join(page_text("Demo", "D3", 2).split())
    price = next(s for s in text.split(". ") if "$4.15" in s)
    words = " ".join(price.split()[:12])
    brief = docx.Document()
    brief.add_paragraph(f"The agreement fixes the price: “{words}” (D3 p. 2).")
    brief.add_paragraph(f"Opposing counsel wrote that “{words.replace('$4.15', '$5.15')}” [D3 p2].")
    brief.add_paragraph("As the Court said, “justice delayed is justice denied,” Smith v. Jones, 1 U.S. 1.")
    path = tmp_path / "brief.docx"
    brief.save(path)
    done = run_cli("citecheck", "--case", "Demo", str(path), "--json", "--out", str(tmp_path / "report.docx"))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    first, second = result["quotes"]  # the case-law quotation cites no record: not the record's to check
    assert (first["verdict"], first["verified"], first["cite"]) == ("exact", True, "D3 p. 2")
    assert second["verdict"] == "differs" and not second["verified"]
    assert "“$4.15" in second["difference"] and "“$5.15" in second["difference"]
    report = docx.Document(tmp_path / "report.docx")
    cells = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    assert any("DIFFERS from the page" in c for c in cells)
    audit = json.loads(run_cli("audit", "verify", "--json").stdout)
    assert audit["ok"]


def test_bates_and_exhibit_cites_are_understood(tmp_path):
    from assets.production.make_production import make_production

    volume = make_production(tmp_path / "prod")
    assert run_cli("ingest", "--case", "Prod", str(volume)).returncode == 0
    shown = json.loads(run_cli("pages", "--case", "Prod", "--text", "--json").stdout)
    page = next(p for d in shown["documents"] for p in d["pages"]
                if p["bates"] and len(p["text"].split()) > 12)
    quote = " ".join(page["text"].split()[3:11])
    exhibit = write_pdf(tmp_path / "Exhibit 4.pdf", ["Cover page.", "The lease runs until June 30, 2031."])
    assert run_cli("ingest", "--case", "Prod", str(exhibit)).returncode == 0
    brief = tmp_path / "brief.txt"
    brief.write_text(f"The record shows “{quote}” {page['bates']}.\n"
                     "The lessee agreed that “The lease runs until June 30, 2031” (Ex. 4 at 2).\n"
                     "It did not say that “The lease runs until June 30, 2035” (Ex. 4 at 2).\n",
                     encoding="utf-8")
    result = json.loads(run_cli("citecheck", "--case", "Prod", str(brief), "--json").stdout)
    assert [(q["cite"], q["verified"]) for q in result["quotes"]] == [
        (page["bates"], True), ("Ex. 4 at 2", True), ("Ex. 4 at 2", False)]
    assert result["quotes"][2]["verdict"] == "differs"


@pytest.mark.slow
def test_the_adversarial_set_through_citecheck_gives_no_false_verified(tmp_path):
    """The labelled pairs whose page is the plain sentence, as a quote file: one "quote" [D1 pN]
    per line against a PDF with one sentence per page."""
    record = write_pdf(tmp_path / "record.pdf", SENTENCES)
    assert run_cli("ingest", "--case", "Adversarial", str(record)).returncode == 0
    page_of = {sentence: number for number, sentence in enumerate(SENTENCES, start=1)}
    lines, expected = [], []
    for pair in labelled_pairs():
        sentence = next((s for s in SENTENCES if pair.page == f"{s}" or f"\n{s}\n" in pair.page), None)
        if pair.ocr or sentence is None or f"\n{sentence}\n" not in pair.page:
            continue  # a pair that changes the page itself is for the checker's own test
        lines.append(f"“{' '.join(pair.quote.split())}” [D1 p{page_of[sentence]}]")
        expected.append(pair.verified)
    quotes = tmp_path / "quotes.txt"
    quotes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = json.loads(run_cli("citecheck", "--case", "Adversarial", str(quotes), "--json").stdout)
    got = [q["verified"] for q in result["quotes"]]
    assert len(got) == len(expected) >= 300
    assert not any(g and not e for g, e in zip(got, expected, strict=True))  # no false "verified"
    harmless = [g for g, e in zip(got, expected, strict=True) if e]
    assert sum(harmless) / len(harmless) >= 0.99
