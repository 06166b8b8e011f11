"""Word 97-2003, WordPerfect and friends through LibreOffice headless: read page by page, with no
network, no plaintext left behind, and a clear sentence where LibreOffice is missing."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx as python_docx
import pytest

from app.errors import IngestError
from app.extract import Source, extract, legacy
from tests.conftest import ROOT, run_cli
from tests.fixtures.documents import write_docx

needs_soffice = pytest.mark.skipif(legacy.soffice_program() is None, reason="LibreOffice is not installed")
CANARY = "Quillfeather-Marrowstone-5521"


def soffice_convert(source, to: str, out_dir):
    """A file in another format, written by LibreOffice itself (as a firm's old files were)."""
    profile = f"-env:UserInstallation={(out_dir / 'profile').as_uri()}"
    done = subprocess.run([legacy.soffice_program(), profile, "--headless", "--convert-to", to, "--outdir",
                           str(out_dir), str(source)], capture_output=True, timeout=120, check=False)
    converted = out_dir / f"{source.stem}.{to.split(':')[0]}"
    assert converted.is_file(), done.stderr
    return converted


@pytest.fixture(scope="module")
def old_word_file(tmp_path_factory):
    if legacy.soffice_program() is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("doc")
    docx = write_docx(folder / "deposition.docx")
    edited = python_docx.Document(docx)
    edited.add_paragraph(f"Reference {CANARY} appears only in this file.")
    edited.save(docx)
    made = soffice_convert(docx, "doc:MS Word 97", folder / "made")
    shutil.rmtree(folder / "made" / "profile", ignore_errors=True)
    return made


@needs_soffice
def test_a_word_97_file_is_read_page_by_page(old_word_file):
    read = extract(Source(old_word_file.name, path=old_word_file))
    text = "\n".join(p.text for p in read.pages)
    assert read.kind == "doc" and "Dana Whitfield" in text and "March 19, 2025" in text and CANARY in text
    assert {p.status for p in read.pages} == {"text"}
    assert legacy.LAYOUT_NOTE in read.warnings


@needs_soffice
def test_the_corpus_wordperfect_file_is_read(corpus):
    path = corpus / "legal-court-docs" / "word-perfect.wpd"
    read = extract(Source(path.name, path=path))
    assert read.kind == "wpd" and sum(len(p.text) for p in read.pages) > 200


@needs_soffice
def test_conversion_leaves_no_plaintext_and_opens_no_internet_socket(old_word_file, tmp_path, monkeypatch):
    """The canary is only in the .doc: after ingest it is nowhere under the temp folder or the
    home the conversion could write to (profile, converted PDF), nor in the data folder."""
    watched_tmp, watched_home = tmp_path / "tmp", tmp_path / "home"
    watched_tmp.mkdir()
    watched_home.mkdir()
    monkeypatch.setenv("TMPDIR", str(watched_tmp))
    monkeypatch.setenv("HOME", str(watched_home))
    command = [sys.executable, str(ROOT / "main.py"), "ingest", "--case", "Old", str(old_word_file), "--json"]
    if shutil.which("strace"):
        command = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(tmp_path / "strace.log"),
                   *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"][0]["status"] == "ingested"
    if shutil.which("strace"):
        calls = (tmp_path / "strace.log").read_text()
        assert [line for line in calls.splitlines() if re.search(r"AF_INET6?\b", line)] == []
    for folder in (watched_tmp, watched_home, Path(os.environ["CASEFILE_HOME"])):
        for path in (p for p in folder.rglob("*") if p.is_file()):
            assert CANARY.encode() not in path.read_bytes(), path
    shown = json.loads(run_cli("pages", "--case", "Old", "--text", "--json").stdout)
    assert any(CANARY in page["text"] for page in shown["documents"][0]["pages"])  # it was read


def test_without_libreoffice_these_files_are_refused_with_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "soffice_program", lambda: None)
    path = tmp_path / "brief.wpd"
    path.write_bytes(b"\xffWPC fake WordPerfect bytes")
    with pytest.raises(IngestError) as caught:
        extract(Source(path.name, path=path))
    message = caught.value.user_message
    assert message.startswith("Cannot read .wpd files yet") and "LibreOffice" in message
    assert "\n" not in message
