"""Cite-check a brief: every quotation followed by a record citation, checked against the record.

Lawyers cite-check their own briefs and the other side's; this is the answer checker pointed at a
document. The brief (any format Casefile reads: DOCX, PDF, text, or a quote file with one
``"quote" [D3 p2]`` per line) is read, and the record citations it uses are recognised: the
case's own ``[D3 p2]`` (also without brackets, "D3 p. 2"), Bates numbers and ranges of the case's
series, and exhibit cites ("Ex. 4 at 12", "Exhibit 4, p. 12") where a document of the case is
named as that exhibit. Each quotation that a record citation follows, in the same sentence, gets
one of the verdicts of ``quote_check``. Quotations of case law (followed by no record citation)
are not the record's to check and are left out. The brief's text is read in memory, never stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from app.answer.citations import Citation, PreparedPages, check_phrase, parse_citations
from app.cases import documents_with_pages
from app.context import CaseContext, build_context
from app.errors import UserFacingError
from app.extract import Source, extract
from storage.records import CaseRecord
from storage.vault import Vault

# "D3 p. 2", "(D3, page 2)": the case's own form without its brackets.
_BARE_ID = re.compile(r"(?<![\w\[])(D\d+)(?:,?\s*(?:pp?\.?|pages?)\s*(\d+(?:\s*[-\u2013]\s*\d+)?))(?![\w\]])")
# "Ex. 4 at 12", "Exh. 4, p. 12", "Exhibit 4 at 12-13", "Ex. 4": an exhibit of the record.
_EXHIBIT_CITE = re.compile(r"\b(?:Exhibit|Exh?\.)\s*(\d+)(?:\s*(?:at|,\s*(?:pp?\.?|pages?))\s*(\d+))?",
                           re.IGNORECASE)
_EXHIBIT_NAME = re.compile(r"\b(?:exhibit|exh?)[\s._-]*0*(\d+)\b", re.IGNORECASE)
# "Varga Dep. 45:12-46:3", "Varga Dep. at 45:12": a deposition by its witness; "D4 45:12" bare.
_LINES = r"(\d+:\d+(?:\s*[-\u2013]\s*(?:\d+:)?\d+)?)"
_DEPOSITION_CITE = re.compile(r"\b([A-Z][A-Za-z'\-]+)\s+Dep\.\s*(?:at\s+)?" + _LINES)
_BARE_LINES = re.compile(r"(?<![\w\[])(D\d+)\s*,?\s*" + _LINES + r"(?![\w\]])")
# A Bates number written bare in a brief ("ABC0001234", "ABC0001234-36"): bracketed for the
# parser, which keeps it only where the case has that series.
_BARE_BATES = re.compile(r"(?<![\w\[])([A-Z][A-Z0-9]*[-_]?\d{4,}"
                         r"(?:\s*[-\u2013]\s*(?:[A-Z][A-Z0-9]*[-_]?)?\d{2,})?)(?![\w\]])")


@dataclass(frozen=True)
class CheckedQuote:
    quote: str
    cite: str  # the record citation as the brief writes it
    citation: Citation

    @property
    def verdict(self) -> str:
        return self.citation.check or ("not_in_case" if not self.citation.known else "")

    def as_json(self) -> dict:
        c = self.citation
        return {"quote": self.quote, "cite": self.cite, "document": c.document, "id": c.short_id or None,
                "page": c.page, "bates": c.bates, "verdict": self.verdict, "verified": bool(c.verified),
                "difference": c.difference, "found_on": c.found_on,
                "says": check_phrase(c.as_json()) if c.known else "cites a document not in this case"}


@dataclass(frozen=True)
class CiteCheck:
    brief: str  # its file name
    quotes: tuple[CheckedQuote, ...]

    def counts(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for quote in self.quotes:
            counted[quote.verdict] = counted.get(quote.verdict, 0) + 1
        return counted


def read_brief(path: Path) -> str:
    try:
        read = extract(Source(path.name, path=path))
    except FileNotFoundError:
        raise UserFacingError(f"No such file: {path}.") from None
    return "\n".join(page.text for page in read.pages)


def exhibits(context: CaseContext) -> dict[str, str]:
    """Exhibit number -> document id, for the documents named as exhibits ("Exhibit 4.pdf", "Ex_04")."""
    found: dict[str, str] = {}
    for document in context.documents:
        if match := _EXHIBIT_NAME.search(document.record.name):
            found.setdefault(str(int(match.group(1))), document.short_id)
    return found


def deponents(context: CaseContext) -> dict[str, str]:
    """Witness surname (folded) -> document id, for the transcripts whose caption names one."""
    return {d.record.metadata["deponent"].casefold(): d.short_id for d in context.documents
            if d.record.metadata.get("deponent")}


def as_record_cites(text: str, context: CaseContext) -> tuple[str, dict[int, str]]:
    """The brief's text with every record citation it uses rewritten in the case's bracket form,
    and where each rewritten citation starts -> the citation as the brief wrote it."""
    named = exhibits(context)
    found: list[tuple[int, int, str, str]] = []  # start, end, bracket form, as written

    def taken(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e, _, _ in found)

    witnesses = deponents(context)
    for match in _DEPOSITION_CITE.finditer(text):
        if (short_id := witnesses.get(match.group(1).casefold())) is not None:
            found.append((match.start(), match.end(), f"[{short_id} {match.group(2)}]", match.group()))
    for match in _BARE_LINES.finditer(text):
        if not taken(match.start(), match.end()):
            found.append((match.start(), match.end(), f"[{match.group(1)} {match.group(2)}]", match.group()))
    for match in _EXHIBIT_CITE.finditer(text):
        if taken(match.start(), match.end()):
            continue
        if (short_id := named.get(str(int(match.group(1))))) is not None:
            page = f" p{match.group(2)}" if match.group(2) else ""
            found.append((match.start(), match.end(), f"[{short_id}{page}]", match.group()))
    for match in _BARE_ID.finditer(text):
        if not taken(match.start(), match.end()):
            found.append((match.start(), match.end(), f"[{match.group(1)} p{match.group(2)}]", match.group()))
    for match in _BARE_BATES.finditer(text):
        if not taken(match.start(), match.end()):
            found.append((match.start(), match.end(), f"[{match.group(1)}]", match.group()))
    pieces, origins, at, length = [], {}, 0, 0
    for start, end, bracket, written in sorted(found):
        pieces.append(text[at:start])
        length += start - at
        origins[length] = written
        pieces.append(bracket)
        length += len(bracket)
        at = end
    pieces.append(text[at:])
    return "".join(pieces), origins


def check_text(text: str, context: CaseContext, name: str = "brief") -> CiteCheck:
    rewritten, origins = as_record_cites(text, context)
    citations = parse_citations(rewritten, context, PreparedPages(context))
    quotes = tuple(CheckedQuote(c.quote, origins.get(c.span[0], rewritten[c.span[0]:c.span[1]]), c)
                   for c in citations if c.quote and c.span is not None)
    return CiteCheck(name, quotes)


def cite_check(vault: Vault, case: CaseRecord, path: Path) -> CiteCheck:
    """Check the quotations of the brief at ``path`` against ``case``'s record; audited (the
    file's name and the counts, never its text)."""
    context = build_context(documents_with_pages(vault, case), "")
    if not context.documents:
        raise UserFacingError(f"Case {case.name} has no documents to check a brief against.")
    brief = read_brief(path)
    result = check_text(brief, context, path.name)
    with vault.write() as session:  # the brief by its hash: its file name may name a client
        vault.audit(session, "citecheck", case_id=case.id,
                    objects={"brief_sha256": hashlib.sha256(brief.encode()).hexdigest(),
                             "quotes": len(result.quotes), "verdicts": result.counts()})
    return result
