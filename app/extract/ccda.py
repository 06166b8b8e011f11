"""HL7 C-CDA clinical documents: a header page, then one page per section (title + narrative).

Only the human-readable part is kept: the header facts (title, date, patient, authors) and each
section's ``<text>`` narrative, rendered as lines (lists as "- item", table rows as cells joined
by " | "). Raw XML costs about three times the tokens for the same content. An unstructured
document's body (plain text, a PDF, or RTF, usually base64) is read too; a body that only refers
to another file says so in a warning.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from app.errors import IngestError
from app.extract import ExtractedDocument, Source
from app.limits import MAX_XML_BYTES, refuse_size
from storage.records import PageRecord

SUFFIXES = (".xml",)
def _strip_namespaces(root) -> None:
    """Plain tag names from here on: some fragments carry the HL7 namespace, some none."""
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.rpartition("}")[2]


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _date(value: str | None) -> str:
    digits = (value or "")[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return value or ""


def _name(element) -> str:
    if element is None:
        return ""
    return " ".join(_text(part) for part in element if part.tag in ("prefix", "given", "family", "suffix"))


def _narrative(element, out: list[str]) -> None:
    """Lines of a section's <text>, keeping the reading order of paragraphs, lists and tables."""
    for child in element:
        tag = child.tag
        if tag == "table":
            for row in child.iter("tr"):
                cells = [_text(cell) for cell in row if cell.tag in ("td", "th")]
                out.append(" | ".join(cells))
        elif tag == "list":
            out.extend(f"- {_text(item)}" for item in child.findall("item"))
        elif tag in ("paragraph", "content", "caption"):
            if text := _text(child):
                out.append(text)
        elif tag == "br":
            out.append("")
        else:
            _narrative(child, out)
        if child.tail and child.tail.strip():
            out.append(child.tail.strip())


def _header(root) -> str:
    lines = [_text(root.find("title")) or "Clinical document"]
    if date := _date(root.find("effectiveTime").get("value") if root.find("effectiveTime") is not None
                     else None):
        lines.append(f"Date: {date}")
    patient = root.find("recordTarget/patientRole/patient")
    if patient is not None:
        facts = [f"Patient: {_name(patient.find('name'))}"]
        if (birth := patient.find("birthTime")) is not None:
            facts.append(f"born {_date(birth.get('value'))}")
        if (gender := patient.find("administrativeGenderCode")) is not None and gender.get("code"):
            facts.append(f"sex {gender.get('code')}")
        lines.append(", ".join(facts))
    authors = [_name(a.find("assignedAuthor/assignedPerson/name")) for a in root.findall("author")]
    if authors := [a for a in authors if a]:
        lines.append("Author: " + "; ".join(authors))
    if org := _text(root.find("custodian/assignedCustodian/representedCustodianOrganization/name")):
        lines.append(f"Custodian: {org}")
    return "\n".join(lines)


def _sections(root) -> list[PageRecord]:
    pages = []
    for section in root.iter("section"):
        title = _text(section.find("title")) or "Untitled section"
        lines: list[str] = []
        if (text := section.find("text")) is not None:
            if text.text and text.text.strip():
                lines.append(text.text.strip())
            _narrative(text, lines)
        body = "\n".join(line for line in lines if line is not None).strip()
        if body:
            pages.append(PageRecord(number=0, text=f"{title}\n{body}", label=title[:80]))
    return pages


def rtf_to_text(rtf: str) -> str:
    """Plain text of simple RTF (what EHRs put in notes): drop groups like fonttbl, keep words."""
    rtf = re.sub(r"\{\\\*[^{}]*\}", "", rtf)
    rtf = re.sub(r"\{\\(fonttbl|colortbl|stylesheet|info)[^{}]*(\{[^{}]*\}[^{}]*)*\}", "", rtf)
    # CP1252 leaves five bytes undefined (\'81 …): a replacement character, not a lost document.
    rtf = re.sub(r"\\'([0-9a-fA-F]{2})", lambda m: bytes.fromhex(m.group(1)).decode("cp1252", "replace"), rtf)
    rtf = re.sub(r"\\(par|line)\b ?", "\n", rtf)
    rtf = re.sub(r"\\(rquote|lquote)\b ?", "'", rtf)
    rtf = re.sub(r"\\tab\b ?", "\t", rtf)
    rtf = re.sub(r"\\[a-zA-Z]+-?\d* ?", "", rtf)
    return re.sub(r"[{}]", "", rtf).strip()


def _unstructured_body(root, source: Source) -> tuple[list[PageRecord], list[str]]:
    from app.extract import extract

    body = root.find("component/nonXMLBody/text")
    if body is None:
        return [], []
    if (reference := body.find("reference")) is not None:
        return [], [f"The document's body is another file ({reference.get('value')}); add that file too."]
    raw = body.text or ""
    media = body.get("mediaType", "text/plain")
    data = raw.encode()
    if body.get("representation") == "B64":
        try:
            data = base64.b64decode("".join(raw.split()), validate=True)
        except (binascii.Error, ValueError):
            return [], ["The document's embedded body is damaged (bad base64)."]
    if media == "application/pdf":
        inner = extract(Source(name="body.pdf", data=data, depth=source.depth + 1,
                               ocr_language=source.ocr_language, ocr_dpi=source.ocr_dpi))
        return [replace(p, number=0, label=f"body p{p.number}") for p in inner.pages], []
    text = data.decode("utf-8", errors="replace")
    if media == "text/rtf":
        text = rtf_to_text(text)
    return [PageRecord(number=0, text=text.strip(), label="body")], []


def extract_ccda(source: Source) -> ExtractedDocument:
    refuse_size(source.size(), MAX_XML_BYTES, "XML document")
    try:
        root = ET.fromstring(source.read_bytes())
    except ET.ParseError as exc:
        raise IngestError("Not readable XML (the file is damaged).", detail=str(exc)) from None
    _strip_namespaces(root)
    if root.tag == "section":  # a C-CDA section on its own (a note exported alone)
        found, warnings = _sections(root), []
    elif root.tag == "ClinicalDocument":
        body_pages, warnings = _unstructured_body(root, source)
        found = [PageRecord(number=0, text=_header(root), label="header"), *_sections(root), *body_pages]
    else:
        raise IngestError("Unsupported XML: only HL7 C-CDA clinical documents are read.")
    if not found:
        raise IngestError("The clinical document has no readable text.")
    pages = tuple(replace(p, number=i) for i, p in enumerate(found, start=1))
    return ExtractedDocument("ccda", pages, tuple(warnings))
