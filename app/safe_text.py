"""Text from outside Casefile (file names, attachment names, load-file fields, page text, a
model's words), made safe to show: on a terminal, in a log line, a window title, a tooltip, a report.

A name is input Casefile does not control. Shown raw, a newline in it forges a line of output
("ingested /etc/shadow"), an escape sequence drives the terminal (sets its title, clears it), and
a right-to-left override or a zero-width character makes one name look like another
("invoice\u202efdp.exe" reads as "invoiceexe.pdf"). So every control character (C0, DEL, C1),
every invisible format character (Unicode Cf: bidi marks, embeddings, overrides and isolates,
zero-width spaces and joiners, the byte-order mark), the line and paragraph separators and any
lone surrogate (an undecodable byte of a file name) is shown as its escape: ``\\n``, ``\\x1b``,
``\\u202e``. A backslash is left as it is: ``shown`` is for reading, not for parsing back, and
Windows paths stay readable; the forgeries need the characters themselves, which never pass.

``dumps`` is ``json.dumps`` for the same readers: JSON escapes only C0 controls, so DEL, C1,
bidi and format characters would reach a terminal raw through ``--json``; they leave as ``\\u``
escapes, which every JSON reader turns back into the very same characters.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata

# Cs: a file name's undecodable bytes arrive as lone surrogates (surrogateescape); written out,
# they would be those raw bytes again (or stop the print with UnicodeEncodeError).
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINES = frozenset("\n\t")
ELLIPSIS = "…"


def unsafe(char: str) -> bool:
    return not char.isprintable() and unicodedata.category(char) in _UNSAFE


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def shown(text: object, limit: int | None = None, *, keep_lines: bool = False) -> str:
    """``text`` with every character that could disguise or forge output shown as its escape.

    ``limit``: at most that many characters, the last an ellipsis (an escape is never cut in
    half). ``keep_lines``: newlines and tabs stay as they are, for a page's text or an answer
    printed as several lines (``\\r`` is escaped still: it would overwrite the line)."""
    text = str(text)
    if not text.isprintable():  # isprintable() is False for every unsafe character (and more)
        keep = _LINES if keep_lines else frozenset()
        text = _RUNS.sub(lambda run: _escaped_run(run.group(0), keep), text)
    if limit is None or len(text) <= limit:
        return text
    return _cut(text, limit)


_RUNS = re.compile(r"[^\x20-\x7e]+")  # what is not printable ASCII, in runs


def _escaped_run(run: str, keep: frozenset[str] = frozenset(), escape=None) -> str:
    if run.isprintable():  # letters of another script, mostly: as they are
        return run
    escape = escape or _escape
    return "".join(escape(c) if unsafe(c) and c not in keep else c for c in run)


def _cut(text: str, limit: int) -> str:
    end = max(limit - len(ELLIPSIS), 0)
    escape = text.rfind("\\", max(end - 9, 0), end)  # the longest escape: \\U0001xxxx
    if escape != -1 and _ESCAPE.match(text, escape) and _ESCAPE.match(text, escape).end() > end:
        end = escape
    return text[:end] + ELLIPSIS


_ESCAPE = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|[nrt])")


# Outside a string json.dumps writes only structure (with indent, raw newlines and spaces);
# inside one it has escaped C0 already. What is left unsafe lies inside strings.
_JSON_RUNS = re.compile(r"[^\n\x20-\x7e]+")


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON spells a character beyond the BMP as its UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(data: object, **options) -> str:
    """``json.dumps(data, ensure_ascii=False, **options)``, with every unsafe character escaped."""
    return _JSON_RUNS.sub(lambda run: _escaped_run(run.group(0), escape=_json_escape),
                          json.dumps(data, ensure_ascii=False, **options))


class SafeLogFormatter(logging.Formatter):
    """Log lines with names shown safely: a name cannot add a line to the log or drive the terminal
    it is read in (a traceback, added after the message, keeps its own lines)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return shown(super().formatMessage(record))
