"""E-mail messages (.eml) with the standard library: headers and body, then every attachment.

The message and its attachments stay one document, in order, so a family is never split: page 1
is the message, the pages after it are the attachments' pages (labelled with the attachment's
name). Attachments are read from memory, never written out, and recursively (a forwarded
message inside a message), up to a fixed depth. An unreadable attachment is a warning; the
message is still kept.
"""

from __future__ import annotations

from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from app.errors import IngestError
from app.extract import MAX_ATTACHMENT_DEPTH, ExtractedDocument, OcrJob, Source, extract
from app.extract.markup import html_to_text
from app.limits import MAX_EMAIL_BYTES, MAX_EMAIL_PARTS, refuse_size
from storage.records import PageRecord

SUFFIXES = (".eml",)
HEADERS = ("From", "To", "Cc", "Date", "Subject")


def _body_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # unknown charset or broken transfer encoding
        content = body.get_payload(decode=True).decode("utf-8", errors="replace")
    return html_to_text(content) if body.get_content_type() == "text/html" else content


def _attachment(part: EmailMessage, index: int) -> tuple[str, bytes]:
    name = part.get_filename() or f"attachment-{index}"
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0)
        return (name if name.lower().endswith(".eml") else name + ".eml"), inner.as_bytes()
    return name, part.get_payload(decode=True) or b""


def extract_eml(source: Source) -> ExtractedDocument:
    if source.depth >= MAX_ATTACHMENT_DEPTH:
        raise IngestError("Attachments are nested too deep to read.")
    refuse_size(source.size(), MAX_EMAIL_BYTES, "e-mail message", "save its attachments and add them")
    message = BytesParser(policy=policy.default).parsebytes(source.read_bytes())
    if source.depth == 0 and (parts := sum(1 for _ in message.walk())) > MAX_EMAIL_PARTS:
        raise IngestError(f"The e-mail has {parts:,} parts (nested ones included), over Casefile's "
                          f"limit of {MAX_EMAIL_PARTS:,}; it was not read.")
    header_lines = [f"{name}: {message[name]}" for name in HEADERS if message[name]]
    body = _body_text(message)
    if not header_lines and not body.strip():
        raise IngestError("Not a readable e-mail message.")
    pages = [PageRecord(number=1, text="\n".join(header_lines) + "\n\n" + body.strip(), label="message")]
    warnings: list[str] = []
    jobs: dict[int, OcrJob] = {}
    for index, part in enumerate(message.iter_attachments(), start=1):
        name, data = _attachment(part, index)
        try:
            inner = extract(Source(name=name, data=data, password=source.password, depth=source.depth + 1,
                                   ocr_language=source.ocr_language, ocr_dpi=source.ocr_dpi))
        except IngestError as exc:
            warnings.append(f"Attachment {name} was not read: {exc.user_message}")
            continue
        offset = len(pages)
        for page in inner.pages:
            where = f"{name} p{page.number}" + (f" ({page.label})" if page.label else "")
            pages.append(replace(page, number=len(pages) + 1, label=where))  # its status and note kept
        jobs.update({offset + position: job for position, job in inner.ocr_jobs.items()})
        warnings.extend(f"{name}: {w}" for w in inner.warnings)
    return ExtractedDocument("email", tuple(pages), tuple(warnings), jobs)
