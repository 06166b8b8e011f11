"""Render a case into one deterministic context text, and the manifest that identifies it.

Same documents + same template + same model -> byte-identical text and the same manifest hash,
so a prefix the worker has cached can be recognised and reused. Documents are ordered by name
(then hash), not by ingest order, so two people who add the same files in a different order get
the same context.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from app.productions.bates import parse_bates
from storage.records import DocumentRecord, PageRecord, PageStatus

TEMPLATE_VERSION = "ctx-5"
PROMPTS = Path(__file__).resolve().parent.parent / "assets" / "prompts"
SYSTEM_INSTRUCTION = (PROMPTS / "system-v4.txt").read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class ContextDocument:
    short_id: str  # D1, D2, ... as the model sees and cites them
    record: DocumentRecord
    pages: tuple[PageRecord, ...]
    part: str | None = None  # "pages 1-12 of 23" when a staged pass reads only some of its pages

    def page(self, number: int) -> PageRecord | None:
        return next((p for p in self.pages if p.number == number), None)


@dataclass(frozen=True)
class CaseContext:
    text: str
    documents: tuple[ContextDocument, ...]
    manifest: str
    model_id: str

    def document(self, short_id: str) -> ContextDocument | None:
        return next((d for d in self.documents if d.short_id == short_id.upper()), None)

    @property
    def page_count(self) -> int:
        return sum(len(d.pages) for d in self.documents)


def family_of(record: DocumentRecord) -> str | None:
    """The production family a document belongs to, as one key across volumes: "VOL001/ABC0000022"
    (two volumes may reuse a BEGATTACH); the bare BEGATTACH for documents imported before that."""
    return record.metadata.get("family_key") or record.metadata.get("family")


def order_documents(documents: list[tuple[DocumentRecord, list[PageRecord]]]):
    """By name, except that a production's attachments follow their parent e-mail: a family is
    read together and in order (its parent's BEGATTACH is the family's name)."""
    def key(item):
        record = item[0]
        family = record.metadata.get("family")
        return ((family or record.name).casefold(), family_of(record) or "",
                record.metadata.get("role") == "attachment", record.name.casefold(), record.sha256)

    return sorted(documents, key=key)


def manifest_hash(document_hashes: list[str], model_id: str) -> str:
    """One sha256 over the ordered document hashes, the template version and text, and the model."""
    digest = hashlib.sha256()
    digest.update(f"template:{TEMPLATE_VERSION}\n".encode())
    digest.update(hashlib.sha256(SYSTEM_INSTRUCTION.encode()).hexdigest().encode() + b"\n")
    digest.update(f"model:{model_id}\n".encode())
    for sha in document_hashes:
        digest.update(f"doc:{sha}\n".encode())
    return digest.hexdigest()


def token_key(model_id: str) -> str:
    """What stored page token counts depend on: the tokenizer and the page rendering."""
    return f"{model_id}|{TEMPLATE_VERSION}"


# Document text is data: a page that contains our own markers ("</document><document id=...")
# must not be able to close its document or forge another one, so those tags are escaped.
_MARKUP = re.compile(r"<(/?)(document|page|chat_history)\b", re.IGNORECASE)


def escape_markers(text: str) -> str:
    return _MARKUP.sub(r"&lt;\1\2", text)


def is_bates_label(label: str | None) -> bool:
    """A page label that is a Bates number (from a production's load file, or a stamp found on a
    PDF page): a prefix and four or more digits, e.g. ABC0001234 or ABC-0001. The model is told
    to cite it."""
    number = parse_bates(label) if label else None
    return bool(number and number.prefix and number.width >= 4 and number.text == label)


def render_page(page: PageRecord, transcript: bool = False) -> str:
    if transcript and page.label:  # its lines are numbered in its text: cited [D4 45:12]
        label = f' transcript_page="{_attr(page.label)}"'
    elif is_bates_label(page.label):
        label = f' bates="{_attr(page.label)}"'
    else:
        label = f' label="{_attr(page.label)}"' if page.label and page.label != str(page.number) else ""
    if page.ocr:
        label += ' source="OCR"'
    if page.needs_ocr:
        label += ' note="scanned page without text: not read"'
    elif page.status == PageStatus.UNREADABLE:  # the page exists: an answer may need to say so
        label += ' note="damaged page: could not be read"'
    return f'<page n="{page.number}"{label}>\n{escape_markers(page.text.strip())}\n</page>'


def document_header(short_id: str, record: DocumentRecord, page_count: int, part: str | None = None) -> str:
    part_attr = f' part="{part}"' if part else ""
    described = "".join(f' {key}="{_attr(record.metadata[key])}"' for key in HEADER_FIELDS
                        if record.metadata.get(key))
    return (f'<document id="{short_id}" name="{_attr(record.name)}" type="{record.kind}" '
            f'pages="{page_count}"{part_attr}{described}>')


# What a production's load file says about a document that helps to answer about it.
HEADER_FIELDS = ("transcript", "deponent", "bates", "family", "role", "custodian", "doc_type", "doc_date",
                 "date_sent", "date_received", "date_created", "date_modified", "from", "to", "cc", "bcc",
                 "subject", "filename", "title", "author", "confidentiality")


DOCUMENT_FOOTER = "</document>"


def render_document(short_id: str, record: DocumentRecord, pages: list[PageRecord],
                    part: str | None = None) -> str:
    count = record.page_count if part else len(pages)
    transcript = bool(record.metadata.get("transcript"))
    parts = [document_header(short_id, record, count, part),
             *(render_page(page, transcript) for page in pages), DOCUMENT_FOOTER]
    return "\n".join(parts)


def build_context(documents: list[tuple[DocumentRecord, list[PageRecord]]], model_id: str) -> CaseContext:
    ordered = order_documents(documents)
    parts, context_docs = [], []
    for index, (record, pages) in enumerate(ordered, start=1):
        short_id = f"D{index}"
        parts.append(render_document(short_id, record, pages))
        context_docs.append(ContextDocument(short_id, record, tuple(pages)))
    manifest = manifest_hash([record.sha256 for record, _ in ordered], model_id)
    return CaseContext("\n\n".join(parts), tuple(context_docs), manifest, model_id)


Selection = str | tuple[str, int, int]  # "D3", or ("D3", first page, last page) of a long document


def subset(context: CaseContext, selection: list[Selection]) -> CaseContext:
    """Some of the documents (or page ranges of one), under the same ids as in the whole set, so
    citations stay valid. Documents keep the set's order."""
    ranges: dict[str, tuple[int, int] | None] = {}
    for item in selection:
        if isinstance(item, str):
            ranges[item] = None
        else:
            ranges[item[0]] = (item[1], item[2])
    chosen = []
    for d in context.documents:
        if d.short_id not in ranges:
            continue
        if (pages := ranges[d.short_id]) is not None:
            first, last = pages
            d = ContextDocument(d.short_id, d.record, tuple(p for p in d.pages if first <= p.number <= last),
                                part=f"pages {first}-{last} of {d.record.page_count}")
        chosen.append(d)
    text = "\n\n".join(render_document(d.short_id, d.record, list(d.pages), d.part) for d in chosen)
    manifest = manifest_hash([d.record.sha256 + (f":{d.part}" if d.part else "") for d in chosen],
                             context.model_id)
    return CaseContext(text, tuple(chosen), manifest, context.model_id)


def render_history(history: list[tuple[str, str]]) -> str:
    """Earlier questions and answers of this chat, oldest first."""
    if not history:
        return ""
    turns = "\n".join(f"Earlier question: {q.strip()}\nEarlier answer: {a.strip()}" for q, a in history)
    return f"<chat_history>\n{turns}\n</chat_history>\n\n"


def question_messages(context: CaseContext, question: str,
                      history: list[tuple[str, str]] | None = None) -> list[dict[str, str]]:
    """Chat messages for one question: the instruction, the documents, the chat so far, the question.

    The documents come first in the user turn so that everything before the history is the same
    for every question on this case (the cacheable prefix); the history and the question are the
    only tokens a follow-up pays for.
    """
    return [
        {"role": "system", "content": SYSTEM_INSTRUCTION},
        {"role": "user", "content": f"{context.text}\n\n{render_history(history or [])}"
                                    f"Question: {question.strip()}"},
    ]


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
