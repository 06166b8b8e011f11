"""Write a synthetic eDiscovery production volume (fictional content) for tests and demos.

    python -m assets.production.make_production OUT_DIR [--encoding cp1252|utf-8] [--prefix ABC]
                                                        [--volume VOL001]

An invented dispute: Corvane Céramique SARL supplied glazed tiles to Bellwether Homes Inc.;
deliveries slipped and tiles cracked. Every name and fact is made up. The volume (``OUT_DIR/VOL001``)
has DATA (``VOL001.dat``, ``VOL001.opt``), IMAGES/001 (one 1-bit TIFF per page, named by Bates),
TEXT/001 and NATIVES/001, and on purpose a few of the faults real productions have:

- 30 DAT rows, ABC0000001–ABC0000060; ABC0000041–ABC0000044 are skipped (a Bates gap);
- an e-mail family: ABC0000022 (e-mail) with attachments ABC0000023–0024 and ABC0000025;
- per-page text for ABC0000016–0018, ABC0000020–0021 and ABC0000056–0057, except that
  ABC0000021 has no text file (its image holds readable text: it needs OCR);
- the image of ABC0000038 is listed in the OPT but missing;
- ABC0000052 (a spreadsheet produced natively) has a DAT row, text and native, but no images;
- metadata and text with CP1252 characters (é, ’, §, –) so that the encoding matters.

Paths in the load files use backslashes, mixed leading forms and ``.TIF`` for ``.tif`` files,
as Windows tools write them. The output is deterministic (no clock, no randomness).
"""

from __future__ import annotations

import argparse
import struct
import sys
import zlib
from pathlib import Path

import pymupdf

DAT_FIELDS = ("BEGBATES", "ENDBATES", "BEGATTACH", "ENDATTACH", "PGCOUNT", "CUSTODIAN", "FROM", "TO",
              "CC", "SUBJECT", "FILENAME", "AUTHOR", "DATESENT", "DATECREATED", "DOCTYPE",
              "CONFIDENTIALITY", "TEXTPATH", "NATIVEPATH")
GAP_BEFORE = 22  # the 0-based document that starts 4 numbers late (ABC0000041–0044 never used)
GAP_PAGES = 4
FAMILY = (11, 12, 13)  # parent e-mail, then two attachments
PER_PAGE_TEXT = (8, 10, 27)
NO_TEXT_PAGE = (10, 1)  # (document, page): its text file is not written
MISSING_IMAGE = (20, 1)  # (document, page): listed in the OPT, no TIFF
NATIVE_ONLY = 24  # a DAT row with text and a native but no page images
DPI = 120
WIDTH = 7

HD = "Hélène Durocq <h.durocq@corvane.example>"
RF = "Renée Falquet <r.falquet@corvane.example>"
TW = "Tobiah Wrenfield <t.wrenfield@bellwether.example>"
MA = "Marisol Ashdown <m.ashdown@bellwether.example>"
IP = "Ignatius Pell <i.pell@pellquarry-law.example>"
DUROCQ, WRENFIELD = "Durocq, Hélène", "Wrenfield, Tobiah"

# (doctype, custodian, from/author, to, subject or title, date, [page bodies])
DOCUMENTS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    ("Contract", WRENFIELD, "Ignatius Pell", "", "Supply Agreement – Opaline tiles", "01/08/2024", [
        "SUPPLY AGREEMENT between Corvane Céramique SARL (Seller) and Bellwether Homes Inc. (Buyer).",
        "§ 3. Seller supplies 40,000 glazed Opaline tiles, model OP-12, in eight monthly lots.",
        "§ 7.2. Late delivery: Buyer may claim 1.5% of the lot price for each week of delay.",
        "§ 9. Warranty: tiles are free of glaze cracking for 24 months. Signed by Hélène Durocq."]),
    ("Contract", WRENFIELD, "Renée Falquet", "", "Schedule A – specifications", "01/08/2024", [
        "Schedule A. Opaline OP-12: 300 x 300 mm, 9 mm thick, water absorption below 0.5%.",
        "Glaze: satin white, thermal shock tested to 10 cycles. Packing: 12 tiles per box."]),
    ("Contract", WRENFIELD, "Renée Falquet", "", "Schedule B – delivery schedule", "01/08/2024", [
        "Schedule B. Lot 1 due 03/01/2024; one lot on the first day of each month after that."]),
    ("E-mail", DUROCQ, TW, HD, "Signed agreement", "01/09/2024", [
        "Hélène, attached is the countersigned agreement. We look forward to Lot 1 in March. Tobiah"]),
    ("Purchase order", WRENFIELD, "Marisol Ashdown", "", "Purchase order PO-2291", "01/15/2024", [
        "PURCHASE ORDER PO-2291. 40,000 Opaline OP-12 tiles at EUR 3.80 each.",
        "Deliver to Bellwether Homes, Lakeview Terraces site, Unit 4 yard."]),
    ("Letter", DUROCQ, "Hélène Durocq", "", "Order confirmation PO-2291", "01/17/2024", [
        "Corvane confirms PO-2291 in full. Lot 1 will leave our Vaudrelle plant on 02/26/2024."]),
    ("E-mail", DUROCQ, HD, TW, "Kiln maintenance – possible delay", "02/20/2024", [
        "Tobiah, kiln 2 needs relining. Lot 1 may leave one week late. I’ll confirm Friday. Hélène"]),
    ("Minutes", WRENFIELD, "Marisol Ashdown", "", "Minutes – project meeting", "03/05/2024", [
        "MINUTES. Present: T. Wrenfield, M. Ashdown, H. Durocq (by phone).",
        "Lot 1 arrived 03/12/2024, eleven days late. Corvane to send a recovery plan.",
        "Action: Ashdown to inspect Lot 1 before the tilers start on Block C."]),
    ("Report", DUROCQ, "Renée Falquet", "", "Quality inspection – Lot 3", "05/06/2024", [
        "QUALITY INSPECTION REPORT, Lot 3. Inspector: Renée Falquet.",
        "Sample of 200 tiles: 14 show hairline crazing in the glaze after the thermal test.",
        "Conclusion: crazing rate 7%, above the 1% limit. Lot held for review."]),
    ("E-mail", WRENFIELD, MA, TW, "Cracked tiles at Lot 7", "05/14/2024", [
        "Tobiah, the tilers found cracked glaze on roughly one box in five on Block C. Marisol"]),
    ("Photo log", WRENFIELD, "Marisol Ashdown", "", "Site photo log – Block C", "05/15/2024", [
        "SITE PHOTO LOG, Block C, 15 May 2024. Photos 1-6: cracked tiles in bathrooms 3 and 4.",
        "HANDWRITTEN NOTE: Bathroom 4 floor relaid.\nSeventy tiles removed.\nSigned M. Ashdown"]),
    ("E-mail", WRENFIELD, TW, f"{HD}\u00ae{RF}", "Notice under § 7.2 – delivery delay", "05/20/2024", [
        "Hélène, Renée: please find our formal notice and the damages calculation attached. Tobiah"]),
    ("Letter", WRENFIELD, "Tobiah Wrenfield", "", "Notice of delay under § 7.2", "05/20/2024", [
        "NOTICE. Bellwether Homes gives notice under § 7.2 of the Supply Agreement.",
        "Lots 1 to 4 were 11, 9, 16 and 6 days late. We claim the late-delivery amounts."]),
    ("Spreadsheet", WRENFIELD, "Marisol Ashdown", "", "Bellwether’s damages calculation",
     "05/19/2024", ["DAMAGES CALCULATION. Weeks late: 6. Claim: EUR 13,680 under § 7.2."]),
    ("E-mail", DUROCQ, HD, TW, "Re: Notice under § 7.2 – delivery delay", "05/24/2024", [
        "Tobiah, we dispute the weeks counted: Lot 2 was delayed by your site closure.",
        "We also note that crazing follows improper grout curing, not our glaze. Hélène"]),
    ("Memo", DUROCQ, "Renée Falquet", "", "Root cause – glaze crazing", "06/03/2024", [
        "INTERNAL MEMO. Kiln 2 ran 40 °C below profile after the relining in February.",
        "Lots 3 to 5 were fired in kiln 2. The glaze did not fully mature.",
        "Recommendation: replace affected tiles without admitting liability."]),
    ("Invoice", DUROCQ, "Corvane Céramique SARL", "", "Invoice INV-5530", "06/10/2024", [
        "INVOICE INV-5530. Lots 5 and 6, 10,000 tiles, EUR 38,000. Payment due in 30 days."]),
    ("Credit note", DUROCQ, "Corvane Céramique SARL", "", "Credit note CN-118", "06/28/2024", [
        "CREDIT NOTE CN-118. EUR 2,660 credited for 700 replaced tiles."]),
    ("Letter", WRENFIELD, "Ignatius Pell", "", "Letter from counsel", "07/08/2024", [
        "Pell & Quarry LLP for Bellwether Homes. Our client rejects the grout explanation.",
        "Unless Corvane pays EUR 13,680 and replaces all Lot 3-5 tiles, we will sue."]),
    ("Letter", DUROCQ, "Hélène Durocq", "", "Response to counsel", "07/22/2024", [
        "Corvane Céramique SARL responds to the letter of 8 July 2024.",
        "We offer to replace tiles from Lots 3 to 5 and to pay EUR 4,000 in full settlement."]),
    ("Manifest", DUROCQ, "Corvane Céramique SARL", "", "Shipping manifest – Lot 8", "08/01/2024", [
        "SHIPPING MANIFEST, Lot 8. Carrier: Fennick Haulage. 417 boxes.",
        "Received at Lakeview Terraces on 08/06/2024, signed M. Ashdown."]),
    ("E-mail", WRENFIELD, MA, TW, "Replacement tiles", "08/12/2024", [
        "Tobiah, the replacement tiles for Block C arrived today.",
        "I checked 40 of them; none show crazing. Marisol"]),
    ("Report", WRENFIELD, "Ostrander Materials Lab", "", "Laboratory report OML-7731", "09/02/2024", [
        "OSTRANDER MATERIALS LAB, report OML-7731, for Pell & Quarry LLP.",
        "Ten tiles from Block C tested. Glaze thickness normal; firing temperature low.",
        "Crazing is consistent with under-firing, not with grout curing.",
        "Signed: Dr. Quentin Abernook, laboratory director."]),
    ("Presentation", DUROCQ, "Hélène Durocq", "", "Board update – Bellwether claim", "09/16/2024", [
        "BOARD UPDATE. Bellwether claim: delay damages and crazing replacement.",
        "Exposure estimate: EUR 13,680 delay plus EUR 55,000 replacement.",
        "Recommendation: mediate before the end of the year."]),
    ("Spreadsheet", DUROCQ, "Renée Falquet", "", "Kiln 2 firing log", "09/20/2024", [
        "KILN 2 FIRING LOG, February to May 2024. Mean peak 1,140 °C against a profile of 1,180 °C."]),
    ("Memo", WRENFIELD, "Ignatius Pell", "", "Settlement options", "10/01/2024", [
        "PRIVILEGE WAIVED BY AGREEMENT. Options: mediation, or suit in the Harbourgate court.",
        "Floor for settlement: EUR 40,000 plus replacement of all Lot 3-5 tiles."]),
    ("Calendar", WRENFIELD, TW, HD, "Mediation session", "10/15/2024", [
        "Invitation: mediation session, 11/05/2024, 10:00, Harbourgate Mediation Centre."]),
    ("Form", WRENFIELD, "Marisol Ashdown", "", "Warranty claim form W-44", "10/20/2024", [
        "WARRANTY CLAIM W-44 under § 9. Product: Opaline OP-12, Lots 3-5.",
        "Defect: glaze crazing. Tiles affected: 2,310. Claimed: EUR 55,000."]),
    ("E-mail", DUROCQ, HD, TW, "Final shipment", "11/01/2024", [
        "Tobiah, the last replacement lot left Vaudrelle today. Hélène"]),
    ("Letter", WRENFIELD, "Tobiah Wrenfield", "", "Termination of the Supply Agreement", "11/20/2024", [
        "Bellwether Homes terminates the Supply Agreement under § 12 for repeated breach.",
        "Mediation on 11/05/2024 failed. Our claim for EUR 68,680 stands."]),
]


def make_production(out_dir: Path, encoding: str = "cp1252", prefix: str = "ABC",
                    volume: str = "VOL001") -> Path:
    """Write the volume into ``out_dir/volume`` and return that folder (the volume root)."""
    if encoding not in ("cp1252", "utf-8"):
        raise ValueError(f"encoding must be cp1252 or utf-8, not {encoding!r}")
    root = Path(out_dir) / volume
    for folder in ("DATA", "IMAGES/001", "TEXT/001", "NATIVES/001"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    bates = _assign_bates(prefix)
    family_begin, family_end = bates[FAMILY[0]][0], bates[FAMILY[-1]][-1]
    dat_rows, opt_lines = [DAT_FIELDS], []
    for index, (doctype, custodian, author, to, title, date, pages) in enumerate(DOCUMENTS):
        numbers = bates[index]
        email = doctype in ("E-mail", "Calendar")
        text_path = ""
        if index in PER_PAGE_TEXT:
            for page, (number, body) in enumerate(zip(numbers, pages, strict=True)):
                if (index, page) != NO_TEXT_PAGE:
                    _write_text(root / "TEXT/001" / f"{number}.txt", body, encoding, bom=page % 2 == 1)
        else:
            # Each page ends in a form feed in some documents, only between pages in others.
            body = "\f".join(pages) + ("\f" if index % 2 == 0 else "")
            _write_text(root / "TEXT/001" / f"{numbers[0]}.txt", body, encoding, bom=False)
            text_path = (".\\", "\\", f"{volume}\\")[index % 3] + f"TEXT\\001\\{numbers[0]}.txt"
        native = ""
        if index in (FAMILY[0], NATIVE_ONLY):
            suffix = ".eml" if index == FAMILY[0] else ".csv"
            (root / "NATIVES/001" / f"{numbers[0]}{suffix}").write_text(
                _native(doctype, author, to, title, pages), encoding="utf-8")
            native = f"\\NATIVES\\001\\{numbers[0]}{suffix}"
        in_family = index in FAMILY
        dat_rows.append((
            numbers[0], numbers[-1], family_begin if in_family else "", family_end if in_family else "",
            str(len(pages)), custodian, author if email else "", to if email else "", "", title,
            _filename(doctype, title), "" if email else author, date if email else "",
            "" if email else date, doctype, "CONFIDENTIAL", text_path, native))
        if index == NATIVE_ONLY:
            continue
        for page, (number, body) in enumerate(zip(numbers, pages, strict=True)):
            opt_lines.append(f"{number},{volume},{volume}\\IMAGES\\001\\{number}.TIF,"
                             f"{'Y' if page == 0 else ''},,,{len(pages) if page == 0 else ''}")
            if (index, page) != MISSING_IMAGE:
                ocr = (index, page) == NO_TEXT_PAGE
                (root / "IMAGES/001" / f"{number}.tif").write_bytes(_page_tiff(body, number, ocr))
    _write_dat(root / "DATA" / f"{volume}.dat", dat_rows, encoding)
    (root / "DATA" / f"{volume}.opt").write_bytes(("\r\n".join(opt_lines) + "\r\n").encode("ascii"))
    return root


def _assign_bates(prefix: str) -> list[list[str]]:
    numbers, next_number = [], 1
    for index, (*_, pages) in enumerate(DOCUMENTS):
        if index == GAP_BEFORE:
            next_number += GAP_PAGES
        numbers.append([f"{prefix}{n:0{WIDTH}d}" for n in range(next_number, next_number + len(pages))])
        next_number += len(pages)
    return numbers


def _filename(doctype: str, title: str) -> str:
    if doctype in ("E-mail", "Calendar"):
        return f"{title}.msg"
    suffix = ".xlsx" if doctype == "Spreadsheet" else ".pdf" if doctype == "Report" else ".docx"
    return title.replace("/", "-") + suffix


def _native(doctype: str, author: str, to: str, title: str, pages: list[str]) -> str:
    if doctype == "E-mail":
        recipients = to.replace("\u00ae", ", ")
        return f"From: {author}\nTo: {recipients}\nSubject: {title}\n\n" + "\n\n".join(pages) + "\n"
    return "item,value\n" + "".join(f"line {i},{p.replace(',', '')}\n" for i, p in enumerate(pages, 1))


def _write_text(path: Path, text: str, encoding: str, bom: bool) -> None:
    data = text.replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom and encoding == "utf-8" else b"") + data)


def _write_dat(path: Path, rows: list[tuple[str, ...]], encoding: str) -> None:
    """Concordance style: þ quotes, ASCII 20 between fields, ® for in-field newlines, CRLF."""
    lines = ["\x14".join(f"\u00fe{value}\u00fe" for value in row) for row in rows]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if encoding == "utf-8" else b"") + data)


def _page_tiff(body: str, bates: str, ocr: bool) -> bytes:
    """A letter page with the body, a CONFIDENTIAL legend and the Bates stamp, as a 1-bit TIFF."""
    document = pymupdf.open()
    page = document.new_page(width=612, height=792)
    size = 16 if ocr else 12  # the page without text must OCR well even at this resolution
    page.insert_textbox(pymupdf.Rect(72, 72, 540, 700), body, fontsize=size, fontname="helv")
    page.insert_text(pymupdf.Point(72, 760), "CONFIDENTIAL", fontsize=10, fontname="helv")
    page.insert_text(pymupdf.Point(460, 760), bates, fontsize=10, fontname="helv")
    pixmap = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
    document.close()
    return tiff_bilevel(pixmap.samples, pixmap.width, pixmap.height, pixmap.stride, DPI)


def tiff_bilevel(gray: bytes, width: int, height: int, stride: int, dpi: int) -> bytes:
    """A single-strip, Deflate-compressed 1-bit TIFF (WhiteIsZero) from 8-bit gray samples.

    Deflate, not CCITT G4 as real productions use: it is one zlib call, MuPDF and libtiff read it,
    and 1-bit Deflate keeps a page near 15 KB where uncompressed it would be about 170 KB.
    """
    ink = bytes(0x31 if value < 160 else 0x30 for value in range(256))  # dark pixel -> "1"
    row_bytes = (width + 7) // 8
    padding = b"0" * (row_bytes * 8 - width)
    rows = []
    for y in range(height):
        bits = gray[y * stride: y * stride + width].translate(ink) + padding
        rows.append(int(bits, 2).to_bytes(row_bytes, "big"))
    strip = zlib.compress(b"".join(rows), 9)
    entries = [  # (tag, type, value); types: 3 SHORT, 4 LONG, 5 RATIONAL (value = offset)
        (256, 4, width), (257, 4, height), (258, 3, 1), (259, 3, 8), (262, 3, 0), (273, 4, 0),
        (277, 3, 1), (278, 4, height), (279, 4, len(strip)), (282, 5, 0), (283, 5, 0), (296, 3, 2),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    rational_at = 8 + ifd_size
    strip_at = rational_at + 8
    fixed = {273: strip_at, 282: rational_at, 283: rational_at}
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        value = fixed.get(tag, value)
        packed = struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, kind, 1) + packed
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<II", dpi, 1) + strip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic (fictional) production volume.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--encoding", choices=("cp1252", "utf-8"), default="cp1252")
    parser.add_argument("--prefix", default="ABC")
    parser.add_argument("--volume", default="VOL001")
    args = parser.parse_args(argv)
    print(make_production(args.out_dir, args.encoding, args.prefix, args.volume))
    return 0


if __name__ == "__main__":
    sys.exit(main())
