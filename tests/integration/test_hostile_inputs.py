"""Hostile and oversized inputs through the real command line, each under a memory cap: links
that lead out of a volume or a folder, damaged and giant page images, Word and e-mail bombs, a
100 MB load-file field, an RTF body with an undefined byte. Every one costs its own item (with a
one-line reason or a finding), never the command, and no process of the command passes 1.5 GiB
of resident memory. Then a sweep: no name or text of the inputs anywhere outside the vault."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from app import cases
from tests.conftest import TEST_PASSPHRASE
from tests.fixtures import hostile
from tests.fixtures.documents import write_docx, write_pdf

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the memory cap and peak use Linux's rlimits")

GOAL = int(1.5 * 1024**3)  # no Casefile process past this while reading
CAP = 4 * 1024**3  # address space: a runaway is stopped here instead of taking the machine
SECRET = "root:x:0:0:Zq7-outside-secret"  # what a link leads to; must never be read


@pytest.fixture
def env(casefile_home, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    return {**os.environ, "CASEFILE_HOME": str(casefile_home), "CASEFILE_PASSPHRASE": TEST_PASSPHRASE,
            "TMPDIR": str(temp)}


def ingest(env, *paths: Path, case: str = "Hostile") -> tuple[dict, int, int]:
    done, peak = hostile.run_measured("ingest", "--case", case, "--json", *map(str, paths), cap_bytes=CAP,
                                      env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout), done.returncode, peak


def by_name(report: dict) -> dict[str, dict]:
    return {Path(f["path"]).name: f for f in report["files"]}


def all_page_text(vault, case: str = "Hostile") -> str:
    record = cases.open_case(vault, case)
    return "\n".join(p.text for _, pages in cases.documents_with_pages(vault, record) for p in pages)


def test_links_out_of_a_volume_or_a_folder_are_refused_and_never_read(vault, env, tmp_path):
    outside = tmp_path / "elsewhere" / "passwd.txt"
    outside.parent.mkdir()
    outside.write_text(SECRET + "\n")
    incoming = tmp_path / "incoming"
    volume = hostile.volume(incoming / "VOL001")
    (volume / "TEXT" / "HOS0000002.txt").unlink()
    (volume / "TEXT" / "HOS0000002.txt").symlink_to(outside)  # the load file's TEXT file
    (volume / "cover-letter.txt").symlink_to(outside)  # a loose file of the volume
    (incoming / "notes.txt").symlink_to(outside)  # a loose file of the folder
    (incoming / "inside.txt").write_text("A plain note inside the folder.")
    (incoming / "alias.txt").symlink_to(incoming / "inside.txt")  # a link that stays inside

    report, code, peak = ingest(env, incoming)
    files = by_name(report)
    assert code == 1  # something was not added
    for name in ("cover-letter.txt", "notes.txt"):
        assert files[name]["status"] == "rejected" and "link to a file outside" in files[name]["reason"]
    # A link that stays inside is read like the file it leads to (sorted first, so the file is the copy).
    assert (files["alias.txt"]["status"], files["inside.txt"]["status"]) == ("ingested", "duplicate")
    (production,) = report["productions"]
    links = [f for f in production["findings"] if f["kind"] == "link_outside"]
    assert sorted(f["message"] for f in links) == [
        "TEXT/HOS0000002.txt is a link leading outside the volume; not read",
        "cover-letter.txt is a link leading outside the volume; not read"]
    assert files["HOS0000002"]["status"] == "ingested"  # its page image is still read (OCR)
    assert "Zq7-outside-secret" not in all_page_text(vault)
    assert peak < GOAL

    named = tmp_path / "chosen.txt"  # a file named on its own is read where it points: the user chose it
    named.symlink_to(outside)
    report, code, _ = ingest(env, named, case="Chosen")
    assert code == 0 and "Zq7-outside-secret" in all_page_text(vault, "Chosen")


def test_damaged_and_giant_page_images_cost_their_picture_not_the_command(vault, env, tmp_path):
    volume = hostile.volume(tmp_path / "VOL001", documents=4)
    hostile.png(volume / "IMAGES" / "HOS0000002.png", 300, 400, truncate=True)
    hostile.png(volume / "IMAGES" / "HOS0000003.png", 11_000, 11_000)  # valid, 363 MB decoded
    lying = hostile.png(tmp_path / "header.png", 46_000, 1)  # a header promising 46000 x 46000
    data = bytearray(lying.read_bytes())
    data[20:24] = (46_000).to_bytes(4, "big")  # IHDR height (the CRC is MuPDF's to catch, or not)
    (volume / "IMAGES" / "HOS0000004.png").write_bytes(bytes(data))
    other = write_pdf(tmp_path / "other.pdf", ["Another file of the same command."])

    report, code, peak = ingest(env, volume, other)
    files = by_name(report)
    assert code == 0, report
    assert all(files[n]["status"] == "ingested" for n in ("HOS0000001", "HOS0000002", "HOS0000003",
                                                         "HOS0000004", "other.pdf"))
    assert any("could not be read" in w for w in files["HOS0000002"]["warnings"])
    assert any("could not be read" in w for w in files["HOS0000003"]["warnings"])
    text = all_page_text(vault)
    assert "Page HOS0000003: the shipment left on 4 May." in text  # the produced text is kept
    assert "Another file of the same command." in text
    assert peak < GOAL, f"peak {peak / 2**30:.2f} GiB"


def test_a_giant_image_file_is_refused_by_its_header_and_the_rest_is_read(vault, env, tmp_path):
    giant = hostile.png(tmp_path / "scan.png", 11_000, 11_000)
    small = hostile.png(tmp_path / "small.png", 400, 300)
    report, code, peak = ingest(env, giant, small)
    files = by_name(report)
    assert code == 1
    assert files["scan.png"]["status"] == "rejected"
    assert "11,000 × 11,000 pixels" in files["scan.png"]["reason"] and "limit" in files["scan.png"]["reason"]
    assert files["small.png"]["status"] == "ingested"
    assert peak < GOAL


def test_word_bombs_are_refused_from_the_zip_directory(vault, env, tmp_path):
    real = write_docx(tmp_path / "real.docx")
    big = hostile.docx_bomb(tmp_path / "big.docx", 600 * 1024**2, valid_from=real)
    dense = hostile.docx_bomb(tmp_path / "dense.docx", 40 * 1024**2, valid_from=real)
    assert big.stat().st_size < 8 * 1024**2  # small on disk: the danger is what it becomes
    report, code, peak = ingest(env, big, dense, real)
    files = by_name(report)
    assert files["big.docx"]["status"] == "rejected" and "over Casefile's" in files["big.docx"]["reason"]
    assert files["dense.docx"]["status"] == "rejected" and "compression bomb" in files["dense.docx"]["reason"]
    assert files["real.docx"]["status"] == "ingested"
    assert peak < GOAL


def test_a_100_mb_load_file_field_is_a_finding_and_a_10_mb_one_is_read(vault, env, tmp_path):
    huge = hostile.volume(tmp_path / "huge", text_field="word " * (20 * 1024**2))  # 100 MB
    report, code, peak = ingest(env, huge)
    files = by_name(report)
    assert code == 0 and files["HOS0000001"]["status"] == "ingested"
    findings = report["productions"][0]["findings"]
    assert any(f["kind"] == "missing_text" and "over Casefile's 16 M limit" in f["message"] for f in findings)
    assert peak < GOAL, f"peak {peak / 2**30:.2f} GiB"

    oversized = hostile.volume(tmp_path / "oversized")
    with open(oversized / "DATA" / "VOL001.dat", "r+b") as dat:
        dat.truncate(321 * 1024**2)  # sparse: nothing is written, the size is what is checked
    report, code, _ = ingest(env, oversized, case="Oversized")
    (outcome,) = report["files"]
    assert code == 1 and outcome["status"] == "rejected"
    assert outcome["reason"] == ("The load file VOL001.dat is 321 MB, over Casefile's 320 MB limit: split "
                                 "the production into volumes.")

    large = hostile.volume(tmp_path / "large", text_field="lisinopril 10 mg " * (600 * 1024))  # 10 MB
    report, code, peak = ingest(env, large, case="Large")
    assert code == 0 and by_name(report)["HOS0000001"]["pages"] == 1
    assert peak < GOAL, f"peak {peak / 2**30:.2f} GiB"  # counted in pieces, not all at once


def test_an_rtf_body_with_an_undefined_cp1252_byte_is_read(vault, env, tmp_path):
    import base64

    rtf = r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Metformin 500 mg twice daily \'81 since 2019.\par}"
    ccda = tmp_path / "note.xml"
    ccda.write_text(
        '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>Note</title>'
        '<component><nonXMLBody><text mediaType="text/rtf" representation="B64">'
        + base64.b64encode(rtf.encode("latin-1")).decode()
        + "</text></nonXMLBody></component></ClinicalDocument>")
    report, code, _ = ingest(env, ccda)
    assert code == 0, report
    text = all_page_text(vault)
    assert "Metformin 500 mg twice daily \ufffd since 2019." in text


def test_a_file_name_with_undecodable_bytes_is_kept_with_a_replacement_character(vault, env, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder))) / os.fsdecode(b"lab-\xff\xfe.txt")).write_text("Potassium 4.1 mmol/L.")
    report, code, _ = ingest(env, folder)
    assert code == 0, report
    record = cases.open_case(vault, "Hostile")
    (document, _), = cases.documents_with_pages(vault, record)
    assert document.name == "lab-\ufffd\ufffd.txt"


def test_an_email_with_too_many_parts_is_refused(vault, env, tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = "Many", "a@example.com", "b@example.com"
    message.set_content("See attached.")
    for n in range(2_100):
        message.add_attachment(b"x", maintype="application", subtype="octet-stream", filename=f"{n}.bin")
    path = tmp_path / "many.eml"
    path.write_bytes(bytes(message))
    report, code, peak = ingest(env, path)
    (outcome,) = report["files"]
    assert outcome["status"] == "rejected" and "parts" in outcome["reason"] and "limit" in outcome["reason"]
    assert peak < GOAL


def test_audit_events_and_their_export_carry_no_names_or_field_values(vault, env, tmp_path, casefile_home):
    from email.message import EmailMessage

    import pymupdf

    canary = hostile.CANARY
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / f"{canary}-note.txt").write_text("The visit was on 4 May.")
    (folder / f"{canary}-copy.txt").write_text("The visit was on 4 May.")  # a duplicate
    (folder / f"{canary}-empty.txt").write_bytes(b"")  # rejected
    (folder / f"{canary}-link.txt").symlink_to(tmp_path / "nowhere.txt")  # a link leading out
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = "Results", "lab@example.com", "dr@example.com"
    message.set_content("Attached.")
    message.add_attachment(b"", maintype="application", subtype="pdf", filename=f"{canary}-HIV.pdf")
    (folder / "mail.eml").write_bytes(bytes(message))
    volume = hostile.volume(folder / "VOL001", custodian=canary)
    opt = volume / "DATA" / "VOL001.opt"
    opt.write_text(opt.read_text().replace(",VOL001,", f",{canary},"))  # the volume's name, from the OPT
    report, code, _ = ingest(env, folder)
    assert code == 1 and {f["status"] for f in report["files"]} == {"ingested", "duplicate", "rejected"}
    assert any(canary in f["path"] for f in report["files"])  # the user is shown the names...

    out = tmp_path / "audit-export"
    done, _ = hostile.run_measured("audit", "export", "--out", str(out), cap_bytes=CAP, env=env)
    assert done.returncode == 0, done.stderr
    exported = [(path.name, path.read_bytes()) for path in out.iterdir()]
    with pymupdf.open(out / "report.pdf") as pdf:
        exported.append(("report.pdf text", "".join(page.get_text() for page in pdf).encode()))
    assert len(exported) == 6
    for name, data in exported:  # ...the auditors are not
        assert canary.encode() not in data, name
    from storage.audit import iter_events

    with vault.read() as session:
        rows = json.dumps(list(iter_events(session)), ensure_ascii=False)
    assert '"doc.ingest"' in rows and canary not in rows

    # The sweep: nothing of the inputs anywhere on disk but inside the encrypted vault.
    for root in (casefile_home, Path(env["TMPDIR"])):
        for path in (p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            assert canary.encode() not in data and b"The visit was on 4 May" not in data, path
