"""A fuzz pass over the load-file readers: whatever bytes a DAT or OPT holds, reading the volume
gives documents and findings, or one IngestError with a reason, and never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import IngestError
from app.productions.loadfiles import decode_bytes, detect_style, parse_opt, split_records
from app.productions.volume import read_volume

D, Q, NL = "\x14", "\u00fe", "\u00ae"
# Pieces that load files are made of, so that the fuzzer reaches deep into the parsers quickly.
PIECES = st.sampled_from([D, Q, NL, "|", "^", ",", '"', "\r\n", "\n", "\r", "\f", "BEGBATES", "ENDBATES",
                          "BEGATTACH", "TEXTPATH", "NATIVEPATH", "CUSTODIAN", "PGCOUNT", "ABC0000001",
                          "ABC0000002", "ABC0000099", "Y", "VOL001", "IMAGES\\", "..\\..\\etc\\passwd",
                          "C:\\", "/", ".txt", "\ufeff", "\x00", "\x1b]0;x\x07", "\u202e", " ", "é"])
LINES = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)
ENCODED = st.one_of(LINES.map(lambda s: s.encode("utf-8", "surrogatepass")),
                    LINES.map(lambda s: s.encode("utf-16", "surrogatepass")), st.binary(max_size=400))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(ENCODED)
def test_decoding_and_splitting_never_raise(data):
    text, encoding = decode_bytes(data)
    assert encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252")
    delimiter, quote = detect_style(text.split("\n", 1)[0])
    records = split_records(text, delimiter, quote)
    assert all(isinstance(line, int) and isinstance(fields, list) for line, fields in records)
    rows, warnings = parse_opt(text)
    assert all(row.bates for row in rows) and all(isinstance(w, str) for w in warnings)


@FUZZ
@given(dat=ENCODED, opt=ENCODED)
def test_a_volume_of_any_load_files_reads_or_refuses_with_a_reason(dat, opt):
    folder = Path(tempfile.mkdtemp(prefix="casefile-fuzz-"))
    try:
        (folder / "DATA").mkdir()
        (folder / "DATA" / "VOL.dat").write_bytes(b"BEGBATES|TEXTPATH\n" + dat)  # a header that counts
        (folder / "DATA" / "VOL.opt").write_bytes(opt)
        try:
            volume = read_volume(folder)
        except IngestError as exc:
            assert exc.user_message and "\n" not in exc.user_message
            return
        assert all(document.begbates for document in volume.documents)
        assert all(finding.message for finding in volume.findings)
    finally:
        shutil.rmtree(folder)
