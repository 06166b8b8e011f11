"""Render the demo case (fictional documents written for Casefile) to PDF with PyMuPDF.

    python -m assets.demo.make_demo_pdfs OUT_DIR

Every fact in these documents is invented, and the tests know them (``FACTS``): the demo case
is how a new user sees Casefile work, and how the tests check real answers from a real model.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf

# name -> list of pages (each page one string)
DOCUMENTS: dict[str, list[str]] = {
    "supply-agreement.pdf": [
        "SUPPLY AGREEMENT\n\n"
        "This Supply Agreement is made between Harbor Valley Foods LLC (\"Buyer\") and "
        "Northgate Packaging Inc. (\"Seller\"), effective January 6, 2025.\n\n"
        "1. Products. Seller shall supply corrugated shipping boxes, model NG-40, as described "
        "in Schedule A.\n\n"
        "2. Term. The agreement runs for two years from the effective date.",
        "3. Price and Delivery. The price is $4.15 per box. Seller shall deliver the first "
        "shipment of 12,000 boxes no later than March 14, 2025, to Buyer's warehouse at "
        "88 Quarry Road, Millbrook.\n\n"
        "4. Late delivery. For each week of delay Buyer may deduct 2% of the shipment price.",
        "5. Governing law. This agreement is governed by the laws of the State of Vermont.\n\n"
        "Signed: Dana Whitfield, for Buyer. Omar Reyes, for Seller.",
    ],
    "letter-2025-03-20.pdf": [
        "Harbor Valley Foods LLC\n88 Quarry Road, Millbrook\n\nMarch 20, 2025\n\n"
        "Dear Mr. Reyes,\n\nThe first shipment of NG-40 boxes arrived on March 19, 2025, five days "
        "after the date in section 3 of our agreement. We will deduct the late-delivery amount "
        "under section 4 from your invoice.\n\nSincerely,\nDana Whitfield",
    ],
    "clinic-note-2025-04-02.pdf": [
        "MILLBROOK FAMILY CLINIC - VISIT NOTE\n\nPatient: Jordan Pike (fictional)\n"
        "Date of visit: April 2, 2025\nClinician: Dr. Amara Osei\n\n"
        "Reason for visit: follow-up of type 2 diabetes.\n"
        "HbA1c today: 7.9%.\n\n"
        "Plan: start metformin 500 mg twice daily with meals. Recheck HbA1c in three months.",
    ],
}

# Facts the tests assert the real model finds, and a canary that must never leave the vault.
FACTS = {
    "price_question": "What is the price of one box under the supply agreement?",
    "price_answer": "$4.15",
    "price_document": "supply-agreement.pdf",
    "price_page": 2,
    "canary": "Harbor Valley Foods",
}

PAGE_RECT = pymupdf.paper_rect("letter")
MARGIN = 72


def render(out_dir: Path) -> list[Path]:
    """Write every demo document into ``out_dir``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, pages in DOCUMENTS.items():
        document = pymupdf.open()
        for number, text in enumerate(pages, start=1):
            page = document.new_page(width=PAGE_RECT.width, height=PAGE_RECT.height)
            box = pymupdf.Rect(MARGIN, MARGIN, PAGE_RECT.width - MARGIN, PAGE_RECT.height - MARGIN)
            if page.insert_textbox(box, text, fontsize=11, fontname="helv") < 0:
                raise ValueError(f"demo text does not fit on page {number} of {name}")
            footer = pymupdf.Point(PAGE_RECT.width / 2 - 20, PAGE_RECT.height - 36)
            page.insert_text(footer, f"Page {number} of {len(pages)}", fontsize=9, fontname="helv")
        path = out_dir / name
        document.save(path, garbage=3, deflate=True)
        document.close()
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("demo-case")
    for written_path in render(target):
        print(written_path)
