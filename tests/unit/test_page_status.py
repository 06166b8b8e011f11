"""Page statuses: exactly one per page, whatever the page holds; damaged is never blank."""

from itertools import product

from app.extract import Source, extract
from app.extract.wording import count_of, numbered_pages
from app.page_report import status_counts
from storage.records import PageRecord, PageStatus
from tests.fixtures import scans


def test_every_combination_settles_to_exactly_one_status():
    flags = [False, True]
    for status, text, ocr, needs_ocr in product(["", *PageStatus], ["", "words"], flags, flags):
        page = PageRecord(1, text, status=status, ocr=ocr, needs_ocr=needs_ocr).settled()
        assert page.status in set(PageStatus)
        if status:
            assert page.status == status  # what the reader decided is never overridden
        if page.status == PageStatus.BLANK and not status:
            assert not text and not ocr and not needs_ocr
        assert sum(status_counts([page]).values()) == 1


def test_a_damaged_page_is_unreadable_with_its_reason_never_blank(tmp_path):
    path = scans.write_damaged_page(tmp_path / "ledger.pdf")
    read = extract(Source(path.name, path=path))
    assert [p.status for p in read.pages] == [PageStatus.TEXT, PageStatus.UNREADABLE, PageStatus.TEXT]
    assert "content is damaged" in read.pages[1].note
    assert read.warnings == ("1 damaged page could not be read (page 2; the `pages` command shows why).",)


def test_counts_and_page_numbers_read_as_sentences():
    assert count_of(1, "page") == "1 page" and count_of(3, "page") == "3 pages"
    assert numbered_pages([4]) == "page 4" and numbered_pages([1, 2, 3, 7]) == "pages 1-3, 7"
