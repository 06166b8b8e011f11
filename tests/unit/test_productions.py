"""eDiscovery productions: Bates helpers, DAT/OPT load files, and whole volumes read from the
synthetic production that ``assets.production.make_production`` writes (both encodings)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pymupdf
import pytest

from app.errors import IngestError
from app.productions.bates import (
    bates_in_range,
    bates_range,
    bates_span,
    document_stamps,
    find_bates_stamp,
    parse_bates,
    parse_bates_query,
    stamps_consistent,
)
from app.productions.loadfiles import canonical_field, parse_opt, read_dat, read_opt, read_opt_with_warnings
from app.productions.resolver import PathResolver
from app.productions.text_rules import read_pages
from app.productions.volume import find_load_files, read_volume
from assets.production.make_production import make_production

EXPECTED_BEGBATES = [
    1, 5, 7, 8, 9, 11, 12, 13, 16, 19, 20, 22, 23, 25, 26, 28, 31, 32, 33, 35, 37, 39,
    45, 49, 52, 53, 55, 56, 58, 59,
]
IMAGE_PAGES = [n for n in range(1, 61) if not 41 <= n <= 44 and n != 52]


def abc(number: int) -> str:
    return f"ABC{number:07d}"


@pytest.fixture(scope="module")
def productions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("productions")
    return {encoding: make_production(base / encoding, encoding=encoding)
            for encoding in ("cp1252", "utf-8")}


@pytest.fixture
def volume_copy(productions: dict[str, Path], tmp_path: Path) -> Path:
    """A private copy of the CP1252 volume, for tests that damage it."""
    return Path(shutil.copytree(productions["cp1252"], tmp_path / "VOL001"))


def _edit_dat(root: Path, edit) -> None:
    path = root / "DATA" / "VOL001.dat"
    lines = path.read_bytes().decode("cp1252").split("\r\n")
    path.write_bytes("\r\n".join(edit(lines)).encode("cp1252"))


def _read(document):
    """The document's pages with their text, read as ingest reads them."""
    return read_pages(document).pages


def _kinds(volume) -> set[tuple[str, str | None]]:
    """The whole report: the load files' findings and those each document's text shows."""
    text = [finding for document in volume.documents for finding in read_pages(document).findings]
    return {(finding.kind, finding.bates) for finding in [*volume.findings, *text]}


# ----- the generated production ------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_generated_volume_documents_pages_and_bates(productions, encoding):
    volume = read_volume(productions[encoding])
    assert volume.name == "VOL001"
    assert volume.encoding == ("cp1252" if encoding == "cp1252" else "utf-8-sig")
    assert [d.begbates for d in volume.documents] == [abc(n) for n in EXPECTED_BEGBATES]
    assert len(volume.documents) == 30
    assert volume.page_count == 56
    pages = [page.bates for document in volume.documents for page in document.pages]
    assert pages == [abc(n) for n in range(1, 61) if not 41 <= n <= 44]
    contract = volume.documents[0]
    assert (contract.begbates, contract.endbates, len(contract.pages)) == (abc(1), abc(4), 4)
    assert _read(contract)[2].text.startswith("§ 7.2. Late delivery")
    assert {p.text_source for p in _read(contract)} == {"document-text"}
    assert all(p.image_path is not None and p.image_path.name == f"{p.bates}.tif" for p in contract.pages)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_generated_volume_findings(productions, encoding):
    volume = read_volume(productions[encoding])
    assert _kinds(volume) == {
        ("missing_text", abc(21)), ("missing_image", abc(38)), ("row_without_pages", abc(52)),
        ("bates_gap", abc(41)),
    }
    gap = next(f for f in volume.findings if f.kind == "bates_gap")
    assert gap.message == "ABC0000041–ABC0000044 missing (4 pages)"
    assert [f.bates for f in volume.findings] == [abc(38), abc(41), abc(52)]  # Bates order
    # A lone ABC0000020.txt may hold both pages (form feeds) or the first: its text tells, at ingest.
    photo_log = next(d for d in volume.documents if d.begbates == abc(20))
    assert [(f.kind, f.message) for f in read_pages(photo_log).findings] == [
        ("missing_text", "ABC0000020: no text file for ABC0000021; OCR needed")]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_generated_volume_family_and_metadata(productions, encoding):
    volume = read_volume(productions[encoding])
    by_bates = {d.begbates: d for d in volume.documents}
    family = [d for d in volume.documents if d.family_id]
    assert [(d.begbates, d.family_id, d.is_attachment) for d in family] == [
        (abc(22), abc(22), False), (abc(23), abc(22), True), (abc(25), abc(22), True)]
    email = by_bates[abc(22)]
    assert email.metadata["subject"] == "Notice under § 7.2 – delivery delay"
    assert email.metadata["to"] == ("Hélène Durocq <h.durocq@corvane.example>\n"
                                    "Renée Falquet <r.falquet@corvane.example>")
    assert email.metadata["date_sent"] == "05/20/2024"
    assert email.metadata["custodian"] == "Wrenfield, Tobiah"
    assert email.native_path is not None and email.native_path.name == "ABC0000022.eml"
    assert _read(email)[0].text.startswith("Hélène, Renée:")
    assert by_bates[abc(25)].metadata["filename"] == "Bellwether’s damages calculation.xlsx"
    assert by_bates[abc(16)].metadata == {
        "custodian": "Durocq, Hélène", "date_created": "05/06/2024",
        "subject": "Quality inspection – Lot 3", "filename": "Quality inspection – Lot 3.pdf",
        "author": "Renée Falquet", "doc_type": "Report", "confidentiality": "CONFIDENTIAL"}


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_generated_volume_text_sources(productions, encoding):
    by_bates = {d.begbates: d for d in read_volume(productions[encoding]).documents}
    report = by_bates[abc(16)]
    assert [p.text_source for p in _read(report)] == ["page-text"] * 3
    assert _read(report)[1].text.startswith("Sample of 200 tiles")
    photo_log = by_bates[abc(20)]
    assert [(p.bates, p.text_source) for p in _read(photo_log)] == [(abc(20), "page-text"), (abc(21), None)]
    assert _read(photo_log)[1].text is None and _read(photo_log)[1].image_path is not None  # OCR it
    manifest = by_bates[abc(37)]
    assert manifest.pages[1].image_path is None and "Fennick" not in _read(manifest)[1].text
    assert _read(manifest)[1].text.startswith("Received at Lakeview")
    native_only = by_bates[abc(52)]
    assert [(p.bates, p.image_path, p.text_source) for p in _read(native_only)] == [
        (abc(52), None, "document-text")]
    assert native_only.native_path is not None and native_only.native_path.suffix == ".csv"
    assert "1,140 °C" in _read(native_only)[0].text


def test_generated_load_files_and_images(productions):
    root = productions["cp1252"]
    dat = read_dat(root / "DATA" / "VOL001.dat")
    assert (dat.encoding, dat.delimiter, dat.quote, dat.warnings) == ("cp1252", "\x14", "þ", ())
    assert dat.fields[:3] == ("BEGBATES", "ENDBATES", "BEGATTACH") and len(dat.rows) == 30
    assert dat.row_lines[:2] == (2, 3)
    assert dat.rows[0]["TEXTPATH"] == ".\\TEXT\\001\\ABC0000001.txt"
    utf8 = read_dat(productions["utf-8"] / "DATA" / "VOL001.dat")
    assert utf8.rows == dat.rows
    opt = read_opt(root / "DATA" / "VOL001.opt")
    assert [row.bates for row in opt] == [abc(n) for n in IMAGE_PAGES]
    first = opt[0]
    assert (first.volume, first.image_path, first.doc_break, first.page_count) == (
        "VOL001", "VOL001\\IMAGES\\001\\ABC0000001.TIF", True, 4)
    assert (opt[1].doc_break, opt[1].page_count) == (False, None)
    images = sorted((root / "IMAGES" / "001").iterdir())
    assert len(images) == len(IMAGE_PAGES) - 1  # ABC0000038 is missing on purpose
    with pymupdf.open(images[0]) as tiff:
        assert tiff.page_count == 1
        assert tuple(tiff[0].rect)[2:] == pytest.approx((612, 792), abs=1)
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert total < 2_000_000


def test_generator_is_deterministic(productions, tmp_path):
    again = make_production(tmp_path, encoding="cp1252")

    def digest(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(root.rglob("*")) if p.is_file()}

    assert digest(again) == digest(productions["cp1252"])


# ----- damaged volumes ---------------------------------------------------------------------


def test_family_kept_together_when_dat_rows_are_out_of_order(volume_copy):
    def scramble(lines):  # the second attachment first, the first attachment last
        rows = [line for line in lines[1:] if line]
        moved = [r for r in rows if r.startswith("þABC0000025")] + [
            r for r in rows if not r.startswith(("þABC0000025", "þABC0000023"))] + [
            r for r in rows if r.startswith("þABC0000023")]
        return [lines[0], *moved, ""]

    _edit_dat(volume_copy, scramble)
    order = [d.begbates for d in read_volume(volume_copy).documents]
    assert order[:4] == [abc(22), abc(23), abc(25), abc(1)]
    assert len(order) == 30
    # An OPT document without a row lands after the last row below it, even in a shuffled DAT.
    _edit_dat(volume_copy, lambda lines: [line for line in lines if not line.startswith("þABC0000009")])
    order = [d.begbates for d in read_volume(volume_copy).documents]
    assert order[:8] == [abc(22), abc(23), abc(25), abc(1), abc(5), abc(7), abc(8), abc(9)]


def test_pages_without_row_become_documents(volume_copy):
    _edit_dat(volume_copy, lambda lines: [line for line in lines if not line.startswith("þABC0000009")])
    volume = read_volume(volume_copy)
    orphan = next(d for d in volume.documents if d.begbates == abc(9))
    assert [d.begbates for d in volume.documents][3:6] == [abc(8), abc(9), abc(11)]
    assert (orphan.endbates, orphan.metadata, orphan.family_id) == (abc(10), {}, None)
    assert [p.text_source for p in _read(orphan)] == ["document-text", "document-text"]
    assert ("pages_without_row", abc(9)) in _kinds(volume)
    assert not any(f.kind == "bates_gap" for f in volume.findings if f.bates == abc(9))


def test_overlap_page_count_and_unsplittable_text(volume_copy):
    _edit_dat(volume_copy, lambda lines: [
        line.replace("þABC0000004þ", "þABC0000005þ", 1) if line.startswith("þABC0000001") else line
        for line in lines])
    opt = volume_copy / "DATA" / "VOL001.opt"
    opt.write_bytes(opt.read_bytes().replace(b"ABC0000013.TIF,Y,,,3", b"ABC0000013.TIF,Y,,,2"))
    text = volume_copy / "TEXT" / "001" / "ABC0000028.txt"
    text.write_bytes(text.read_bytes().replace(b"\f", b"\r\n"))
    volume = read_volume(volume_copy)
    kinds = _kinds(volume)
    assert ("bates_overlap", abc(5)) in kinds
    assert ("page_count_mismatch", abc(1)) in kinds
    assert ("page_count_mismatch", abc(13)) in kinds
    assert ("text_not_split", abc(28)) in kinds
    by_bates = {d.begbates: d for d in volume.documents}
    assert len(by_bates[abc(1)].pages) == 4  # never past the next row's BEGBATES
    assert [p.text for p in _read(by_bates[abc(28)])] == [None, None, None]


def test_bad_dat_row_is_a_warning_and_its_pages_stay(volume_copy):
    _edit_dat(volume_copy, lambda lines: [
        line.replace("\x14", "", 1) if line.startswith("þABC0000007") else line for line in lines])
    volume = read_volume(volume_copy)
    warning = next(f for f in volume.findings if f.kind == "dat_warning")
    assert "line 4:" in warning.message and "row skipped" in warning.message
    assert ("pages_without_row", abc(7)) in _kinds(volume)
    assert abc(7) in [d.begbates for d in volume.documents]


def test_find_load_files(productions, tmp_path):
    root = productions["cp1252"]
    found = find_load_files(root)
    assert found is not None and found.root == root
    assert (found.dat.name, found.opt.name) == ("VOL001.dat", "VOL001.opt")
    from_data = find_load_files(root / "DATA")
    assert from_data is not None and from_data.root == root  # the DATA folder itself
    assert find_load_files(tmp_path) is None
    (tmp_path / "game.dat").write_bytes(b"\x00\x01binary save game")
    assert find_load_files(tmp_path) is None
    with pytest.raises(IngestError) as caught:
        read_volume(tmp_path)
    assert "\n" not in caught.value.user_message


def test_lower_case_data_folder_and_dat_only_volume(tmp_path):
    for folder in ("data", "text", "natives"):
        (tmp_path / folder).mkdir()
    (tmp_path / "data" / "load.dat").write_text(
        "BEGDOC|ENDDOC|PARENTBATES|TEXT LINK|NATIVE LINK\n"
        "X0003|X0003|||\n"
        "X0002|X0002|X0001||natives\\X0002.xlsx\n"
        "X0001|X0001||text/x0001.txt|\n"
        "X0004|X0004||Inline and/or text, version 1.5|\n", encoding="utf-8")
    (tmp_path / "text" / "X0001.TXT").write_text("Parent text", encoding="utf-8")
    (tmp_path / "natives" / "X0002.xlsx").write_bytes(b"PK")
    volume = read_volume(tmp_path)
    assert volume.load_files.opt is None and volume.root == tmp_path
    assert [(d.begbates, d.family_id, d.is_attachment, len(d.pages)) for d in volume.documents] == [
        ("X0001", "X0001", False, 1), ("X0002", "X0001", True, 0), ("X0004", None, False, 1)]
    assert _read(volume.documents[0])[0].text == "Parent text"
    assert volume.documents[1].native_path == tmp_path / "natives" / "X0002.xlsx"
    assert _read(volume.documents[2])[0].text == "Inline and/or text, version 1.5"
    assert _kinds(volume) == {("row_without_pages", f"X000{n}") for n in (1, 2, 3, 4)}
    assert "skipped" in next(f.message for f in volume.findings if f.bates == "X0003")


def test_nested_parentbates_join_the_top_family_each_document_once(tmp_path):
    (tmp_path / "DATA").mkdir()
    (tmp_path / "DATA" / "load.dat").write_text(
        "BEGDOC|ENDDOC|PARENTBATES|TEXT\n"
        "Y00001|Y00001||The e-mail\n"
        "Y00002|Y00002|Y00001|An attachment\n"
        "Y00003|Y00003|Y00002|An attachment of the attachment\n"
        "Y00004|Y00004||Another e-mail\n", encoding="utf-8")
    volume = read_volume(tmp_path)
    assert [(d.begbates, d.family_id, d.is_attachment) for d in volume.documents] == [
        ("Y00001", "Y00001", False), ("Y00002", "Y00001", True), ("Y00003", "Y00001", True),
        ("Y00004", None, False)]


def test_volumes_are_found_at_any_depth_and_loose_files_beside_them_are_kept(tmp_path):
    from app.ingest.paths import split_volumes

    production = make_production(tmp_path / "incoming" / "PROD001")
    (production / "cover-letter.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "incoming" / "notes.txt").write_text("notes")
    found = split_volumes([tmp_path / "incoming"])
    assert found.volumes == [production]
    assert found.files == [production / "cover-letter.pdf", tmp_path / "incoming" / "notes.txt"]
    assert not found.outside


def test_opt_only_volume_uses_bates_named_text(volume_copy):
    (volume_copy / "DATA" / "VOL001.dat").unlink()
    volume = read_volume(volume_copy)
    assert volume.load_files.dat is None and volume.encoding is None
    assert [d.begbates for d in volume.documents] == [abc(n) for n in EXPECTED_BEGBATES if n != 52]
    assert all(d.metadata == {} and d.family_id is None for d in volume.documents)
    assert _read(volume.documents[0])[3].text.startswith("§ 9. Warranty")
    assert _kinds(volume) == {("missing_text", abc(21)), ("missing_image", abc(38)),
                              ("bates_gap", abc(41)), ("bates_gap", abc(52))}  # 52 had only a row


# ----- Bates numbers claimed twice, ENDBATES out of series, families across volumes ---------


def _row(lines, begbates):
    return next(line for line in lines if line.startswith(f"þ{begbates}þ"))


def test_a_begbates_claimed_twice_keeps_both_documents_each_with_its_own_pages(volume_copy):
    from app.ingest.production import content_hash

    def again(lines):  # a second ABC0000013 row, two pages long, another subject
        second = _row(lines, abc(13)).replace(f"þ{abc(15)}þ", f"þ{abc(14)}þ", 1).replace(
            "Lot 3", "Lot 3 (re-produced)")
        return [*lines[:-1], second, lines[-1]]

    _edit_dat(volume_copy, again)
    opt = volume_copy / "DATA" / "VOL001.opt"
    opt.write_bytes(opt.read_bytes() + b"ABC0000013,VOL001,VOL001\\IMAGES\\001\\ABC0000014.TIF,Y,,,2\r\n"
                    b"ABC0000014,VOL001,VOL001\\IMAGES\\001\\ABC0000015.TIF,,,,\r\n")
    volume = read_volume(volume_copy)
    first, second = [d for d in volume.documents if d.begbates == abc(13)]
    assert [(p.bates, p.image_path.name) for p in first.pages] == [
        (abc(13), f"{abc(13)}.tif"), (abc(14), f"{abc(14)}.tif"), (abc(15), f"{abc(15)}.tif")]
    assert [(p.bates, p.image_path.name) for p in second.pages] == [
        (abc(13), f"{abc(14)}.tif"), (abc(14), f"{abc(15)}.tif")]  # its own place in the OPT
    assert (second.endbates, second.claim, second.dat_line) == (abc(14), 1, 32)
    (duplicate,) = [f for f in volume.findings if f.kind == "bates_duplicate"]
    assert duplicate.bates == abc(13)
    assert duplicate.message == (f"{abc(13)}, {abc(14)} are in two documents, {abc(13)}–{abc(15)} "
                                 f"(DAT line 9) and {abc(13)}–{abc(14)} (DAT line 32); both kept")
    assert not any("repeats" in f.message or f.kind == "bates_overlap" for f in volume.findings)
    assert len(volume.documents) == 31
    assert content_hash(first, read_pages(first).pages) != content_hash(second, read_pages(second).pages)


def test_a_begbates_claimed_twice_without_a_second_place_is_kept_from_its_text(volume_copy):
    _edit_dat(volume_copy, lambda lines: [*lines[:-1], _row(lines, abc(9)), lines[-1]])
    volume = read_volume(volume_copy)
    first, second = [d for d in volume.documents if d.begbates == abc(9)]
    assert [p.image_path is not None for p in first.pages] == [True, True]
    assert (second.pages_from_text, second.claim) == (True, 1)
    assert [(p.bates, p.image_path) for p in _read(second)] == [(abc(9), None), (abc(10), None)]
    assert _read(second)[1].text == _read(first)[1].text
    assert ("bates_duplicate", abc(9)) in _kinds(volume) and ("row_without_pages", abc(9)) in _kinds(volume)


def test_an_opt_page_listed_twice_in_two_documents_is_a_duplicate_and_in_one_an_overlap(volume_copy):
    opt = volume_copy / "DATA" / "VOL001.opt"
    opt.write_bytes(opt.read_bytes().replace(b"ABC0000006.TIF,,,,", b"ABC0000006.TIF,,,,\r\n"
                                             b"ABC0000006,VOL001,VOL001\\IMAGES\\001\\ABC0000006.TIF,,,,", 1))
    volume = read_volume(volume_copy)
    assert [(d.begbates, d.endbates) for d in volume.documents][1:3] == [(abc(5), abc(6)), (abc(6), abc(6))]
    duplicate = next(f for f in volume.findings if f.kind == "bates_duplicate")
    assert duplicate.message == (f"{abc(6)} is in two documents, {abc(5)}–{abc(6)} (DAT line 3) and {abc(6)} "
                                 "(no DAT row); both kept")
    assert sum(len(d.pages) for d in volume.documents) == 57  # no page dropped
    (volume_copy / "DATA" / "VOL001.dat").unlink()  # pages split at breaks only: ABC0000005-6-6
    volume = read_volume(volume_copy)
    assert [p.bates for p in volume.documents[1].pages] == [abc(5), abc(6), abc(6)]
    overlap = next(f for f in volume.findings if f.kind == "bates_overlap")
    assert overlap.message == f"{abc(6)} appears twice in the OPT (line 7)"
    assert not any(f.kind == "bates_duplicate" for f in volume.findings)


@pytest.mark.parametrize(("written", "why"), [
    ("ABX0000006", "its prefix is ABX, not ABC"),
    ("ABC0006", "it has 4 digits where BEGBATES has 7"),
    ("ABC0000004", "it comes before BEGBATES"),
    ("see attached", "it is not a Bates number"),
])
def test_an_endbates_out_of_its_series_is_a_finding_not_a_range(productions, volume_copy, written, why):
    _edit_dat(volume_copy, lambda lines: [
        line.replace(f"þ{abc(6)}þ", f"þ{written}þ", 1) if line.startswith(f"þ{abc(5)}þ") else line
        for line in lines])
    volume = read_volume(volume_copy)
    document = next(d for d in volume.documents if d.begbates == abc(5))
    assert (document.endbates, [p.bates for p in document.pages]) == (abc(6), [abc(5), abc(6)])
    (finding,) = [f for f in volume.findings if f.bates == abc(5)]
    assert (finding.kind, finding.message) == (
        "endbates_mismatch", f"{abc(5)}: ENDBATES {written} is not in its series ({why}); it ends at the "
        "next document break")
    assert _kinds(volume) - {("endbates_mismatch", abc(5))} == _kinds(read_volume(productions["cp1252"]))
    assert bates_span(abc(5), written) is None


def test_a_mistyped_endbates_in_the_series_is_counted_not_listed(volume_copy):
    _edit_dat(volume_copy, lambda lines: [
        line.replace(f"þ{abc(6)}þ", "þABC9000006þ", 1) if line.startswith(f"þ{abc(5)}þ") else line
        for line in lines])
    volume = read_volume(volume_copy)  # 9 million numbers: never listed one by one
    document = next(d for d in volume.documents if d.begbates == abc(5))
    assert [p.bates for p in document.pages] == [abc(5), abc(6)]  # to the next document
    mismatch = next(f for f in volume.findings if f.kind == "page_count_mismatch" and f.bates == abc(5))
    assert mismatch.message.endswith(f"{abc(5)}–ABC9000006 is 9000002 pages; missing {abc(7)}, {abc(8)}, "
                                     f"{abc(9)}, {abc(10)}, {abc(11)}, {abc(12)}, {abc(13)}, {abc(14)}, "
                                     f"{abc(15)}, {abc(16)} and 8999990 more")


def test_every_finding_kind_has_a_title_in_the_report():
    from app.ingest.production import FINDING_TITLES
    from app.productions.records import FINDING_KINDS

    assert set(FINDING_TITLES) == set(FINDING_KINDS)


def test_families_are_keyed_by_volume_and_shown_by_begattach(productions, tmp_path):
    from app.ingest.production import document_metadata

    other = make_production(tmp_path, volume="VOL002")  # numbers its family alike
    first, second = (next(d for d in read_volume(root).documents if d.begbates == abc(23))
                     for root in (productions["cp1252"], other))
    one, two = document_metadata(first, "VOL001"), document_metadata(second, "VOL002")
    assert (one["family"], one["family_key"], one["role"]) == (abc(22), f"VOL001/{abc(22)}", "attachment")
    assert (two["family"], two["family_key"]) == (abc(22), f"VOL002/{abc(22)}")
    lone = next(d for d in read_volume(other).documents if d.begbates == abc(1))
    assert not {"family", "family_key", "role"} & set(document_metadata(lone, "VOL002"))


# ----- load files --------------------------------------------------------------------------

CONCORDANCE = "þBEGBATESþ\x14þENDBATESþ\x14þSUBJECTþ\r\nþA0001þ\x14þA0002þ\x14þLine one®Line twoþ\r\n"


@pytest.mark.parametrize(("data", "delimiter", "quote", "encoding"), [
    (CONCORDANCE.encode("utf-8"), "\x14", "þ", "utf-8"),
    (b"\xef\xbb\xbf" + CONCORDANCE.encode("utf-8"), "\x14", "þ", "utf-8-sig"),
    (CONCORDANCE.encode("cp1252"), "\x14", "þ", "cp1252"),
    (CONCORDANCE.replace("\x14", "|").replace("þ", "^").encode("utf-8"), "|", "^", "utf-8"),
    (CONCORDANCE.replace("\x14", ",").replace("þ", '"').encode("utf-8"), ",", '"', "utf-8"),
    (CONCORDANCE.encode("utf-16"), "\x14", "þ", "utf-16"),
])
def test_dat_delimiter_and_encoding_detection(tmp_path, data, delimiter, quote, encoding):
    path = tmp_path / "x.dat"
    path.write_bytes(data)
    dat = read_dat(path)
    assert (dat.delimiter, dat.quote, dat.encoding) == (delimiter, quote, encoding)
    assert dat.fields == ("BEGBATES", "ENDBATES", "SUBJECT")
    assert dat.rows == ({"BEGBATES": "A0001", "ENDBATES": "A0002", "SUBJECT": "Line one\nLine two"},)


def test_dat_csv_quoting_unquoted_pipes_and_aliases(tmp_path):
    path = tmp_path / "x.dat"
    path.write_text('"Bates Begin","End Bates","Email Subject"\n'
                    '"B0001","B0001","Re: ""price"", and\nterms"\n\n"B0002","B0002",""\n', encoding="utf-8")
    dat = read_dat(path)
    assert [r["EMAIL SUBJECT"] for r in dat.rows] == ['Re: "price", and\nterms', ""]
    assert dat.row_lines == (2, 5)
    assert (dat.column("begbates"), dat.column("endbates"), dat.column("subject")) == (
        "BATES BEGIN", "END BATES", "EMAIL SUBJECT")
    assert dat.value(dat.rows[0], "begbates") == "B0001" and dat.value(dat.rows[0], "custodian") == ""
    unquoted = tmp_path / "y.dat"
    unquoted.write_text("PRODBEG|PRODEND|\nC0001|C0003|\nC0004|C0004|extra|\n", encoding="utf-8")
    dat = read_dat(unquoted)
    assert dat.fields == ("PRODBEG", "PRODEND") and dat.rows == ({"PRODBEG": "C0001", "PRODEND": "C0003"},)
    assert dat.warnings == ("line 3: 4 fields where the header has 2; row skipped",)
    for name, canonical in [("BEGNO", "begbates"), ("Begin Bates", "begbates"), ("ENDNO", "endbates"),
                            ("BEG_ATTACH", "begattach"), ("Native Path", "nativepath"),
                            ("Extracted Text", "textpath"), ("Date Sent", "date_sent"),
                            ("DATERCVD", "date_received"), ("Whatever", None)]:
        assert canonical_field(name) == canonical


def test_dat_stray_and_unclosed_quotes_stay_in_their_field(tmp_path):
    path = tmp_path / "x.dat"
    path.write_bytes("þBEGBATESþ\x14þNAMEþ\r\nþA1000þ\x14þGuðþór saysþ\r\nþA1001þ\x14þunclosed\r\n"
                     "þA1002þ\x14þokþ\r\n".encode("cp1252"))
    dat = read_dat(path)
    assert [(row["BEGBATES"], row["NAME"]) for row in dat.rows] == [
        ("A1000", "Guðþór says"), ("A1001", "unclosed"), ("A1002", "ok")]
    caret = tmp_path / "y.dat"
    caret.write_text("^BEGBATES^|^NAME^\n^A2000^|^B^^C^\n", encoding="utf-8")
    assert read_dat(caret).rows == ({"BEGBATES": "A2000", "NAME": "B^C"},)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "is empty"),
    (b"\r\n  \r\n", "is empty"),
    ("þCUSTODIANþ\x14þSUBJECTþ\r\nþAþ\x14þBþ\r\n".encode("cp1252"), "no Bates column"),
])
def test_unusable_dat_raises_one_line(tmp_path, data, reason):
    path = tmp_path / "bad.dat"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        read_dat(path)
    assert reason in caught.value.user_message and "\n" not in caught.value.user_message
    with pytest.raises(IngestError):
        read_dat(tmp_path / "absent.dat")


def test_opt_edge_cases(tmp_path):
    text = ("\ufeffD0001,V1,IMAGES\\D0001.tif,Y,,,2\r\n\r\n"
            "D0002,V1,IMAGES\\D0002.tif\r\n"  # trailing fields missing
            ",V1,IMAGES\\none.tif,,,,\r\n"  # no Bates
            "D0003,V1,IMAGES\\a,b.tif,y,BOX1,F2,x\r\n")  # a comma in the path, bad count
    rows, warnings = parse_opt(text)
    assert [(r.bates, r.image_path, r.doc_break, r.page_count, r.line) for r in rows] == [
        ("D0001", "IMAGES\\D0001.tif", True, 2, 1), ("D0002", "IMAGES\\D0002.tif", False, None, 3),
        ("D0003", "IMAGES\\a,b.tif", True, None, 5)]
    assert (rows[2].box, rows[2].folder) == ("BOX1", "F2")
    assert warnings == ["line 4: no Bates number; line skipped", "line 5: page count 'x' is not a number"]
    path = tmp_path / "x.opt"
    path.write_bytes(text.encode("utf-8"))
    assert read_opt(path) == rows and read_opt_with_warnings(path) == (rows, warnings)


def test_path_resolution_backslashes_case_and_prefixes(tmp_path):
    root = tmp_path / "VOL001"
    (root / "IMAGES" / "001").mkdir(parents=True)
    image = root / "IMAGES" / "001" / "ABC0000001.tif"
    image.write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("outside")
    resolver = PathResolver(root)
    for written in ["IMAGES\\001\\ABC0000001.tif", "\\IMAGES\\001\\ABC0000001.tif",
                    ".\\IMAGES\\001\\ABC0000001.tif", "VOL001\\IMAGES\\001\\ABC0000001.TIF",
                    "images/001/abc0000001.TIF", "D:\\Prod\\VOL001\\Images\\001\\ABC0000001.tif"]:
        assert resolver.resolve(written) == image, written
    assert resolver.resolve("IMAGES\\001\\ABC0000002.tif") is None
    assert resolver.resolve("..\\secret.txt") is None
    assert resolver.resolve("IMAGES\\001") is None  # a folder is not a file
    assert resolver.resolve("") is None


# ----- Bates numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "prefix", "number", "width"), [
    ("ABC0001234", "ABC", 1234, 7), ("ABC-000123", "ABC-", 123, 6), ("SMITH_00042", "SMITH_", 42, 5),
    ("DEF 000017", "DEF ", 17, 6), (" AB12-0001 ", "AB12-", 1, 4), ("00001234", "", 1234, 8),
])
def test_parse_bates(text, prefix, number, width):
    bates = parse_bates(text)
    assert bates is not None and (bates.prefix, bates.number, bates.width) == (prefix, number, width)
    assert bates.text == text.strip()
    assert bates.next().text == f"{prefix}{number + 1:0{width}d}"


@pytest.mark.parametrize("text", ["", "ABC123", "Page 3", "ABC0001234x", "A B C 1234",
                                  "ABC0001230-ABC0001240"])
def test_parse_bates_rejects(text):
    assert parse_bates(text) is None


def test_bates_ranges_and_queries():
    assert bates_range("ABC0000998", "ABC0001001") == ["ABC0000998", "ABC0000999", "ABC0001000",
                                                       "ABC0001001"]
    assert bates_span("ABC0000001", "ABC0000004") == 4 and bates_span("ABC0000004", "ABC0000001") is None
    with pytest.raises(ValueError):
        bates_range("ABC0000001", "DEF0000004")
    assert bates_in_range("ABC0000003", "ABC0000001", "ABC0000004")
    assert not bates_in_range("ABC0000005", "ABC0000001", "ABC0000004")
    assert not bates_in_range("DEF0000003", "ABC0000001", "ABC0000004")
    assert parse_bates_query("ABC0001234") == (parse_bates("ABC0001234"),) * 2
    for query in ["ABC0001230-ABC0001240", "ABC0001230 - ABC0001240", "ABC0001230–ABC0001240",
                  "ABC0001230 to ABC0001240", "ABC0001230 - 1240", "abc0001230-1240"]:
        first, last = parse_bates_query(query)
        assert (first.number, last.number, last.text.upper()) == (1230, 1240, "ABC0001240"), query
    first, last = parse_bates_query("ABC-000123-ABC-000130")
    assert (first.text, last.text) == ("ABC-000123", "ABC-000130")
    for query in ["ABC0001240-ABC0001230", "ABC0001230-DEF0001240", "hello", "ABC0001230 -"]:
        assert parse_bates_query(query) is None, query


@pytest.mark.parametrize(("page", "stamp"), [
    ("Body text\nmore\nCONFIDENTIAL ABC0001234", "ABC0001234"),
    ("Body\n\nCONFIDENTIAL  SMITH_004211\nPage 3 of 10", "SMITH_004211"),
    ("ABC-0001234\nTitle\nbody\nbody\nbody\nbody", "ABC-0001234"),  # header stamp
    ("Page 3 of 10", None),
    ("Annual report\n2023", None),
    ("Call us\nTel 5551234567", None),
    ("TEL 5551234567\nFAX 5551234568", None),
    ("Case No. 2:23-cv-01234\nPage 0003", None),
    ("INVOICE 000123456", None),
    ("Title\nbody\nOrder ABC0001234 shipped\nbody\nbody\nbody\nPage 2", None),  # mid-page only
    ("ref abc0001234", None),  # lower case
])
def test_find_bates_stamp(page, stamp):
    assert find_bates_stamp(page) == stamp


def test_stamps_must_count_up_by_one_page():
    assert stamps_consistent(["ABC0000007"])
    assert stamps_consistent(["ABC0000007", "ABC0000008", "ABC0000009"])
    assert not stamps_consistent(["ABC0000007", "ABC0000009"])
    assert not stamps_consistent(["ABC0000007", None])
    assert not stamps_consistent(["ABC0000007", "DEF0000008"])
    assert not stamps_consistent([])


def test_document_stamps_from_a_stamped_pdf():
    document = pymupdf.open()
    for number in (41, 42):
        page = document.new_page(width=612, height=792)
        page.insert_text((72, 100), "Minutes of the meeting, Tel 5551234567, 2023.", fontsize=11)
        page.insert_text((72, 760), "CONFIDENTIAL", fontsize=9)
        page.insert_text((460, 760), f"ABC{number:07d}", fontsize=9)
    texts = [page.get_text() for page in document]
    assert document_stamps(texts) == ("ABC0000041", "ABC0000042")
    assert document_stamps([texts[1], texts[0]]) is None
    document.close()
