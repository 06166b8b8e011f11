"""A generated text-only production volume of any size, for the scale benchmark: a Concordance DAT
(Bates range, custodian, dates, from/to, subject, doc type, the TEXT file's path) and one text
file per document whose pages are split by form feeds. No page images: load files and text only.

Deterministic (seeded), written by streaming, and fast: 20,000 documents of five pages each
take a few seconds. About one page in a hundred mentions "lisinopril" (the benchmark's word
query and its 1,000-hit review set); one document in fifty quotes "quarterly inspection report".
"""

from __future__ import annotations

import random
from pathlib import Path

CUSTODIANS = ("Ellen Park", "Marcus Webb", "Priya Raman", "Dana Whitfield", "Tomas Ortega", "Hélène Durocq",
              "Grace Liu", "Samuel Okafor", "Ines Moreau", "Victor Hale")
WORDS = ("the", "shipment", "arrived", "at", "the", "warehouse", "on", "schedule", "and", "the", "invoice",
         "was", "approved", "by", "the", "regional", "manager", "after", "review", "of", "the", "pallet",
         "count", "contract", "delivery", "schedule", "payment", "terms", "dispute", "notice", "agreement",
         "amendment", "clause", "warranty", "inspection", "records", "customer", "account", "balance")
PAGE_WORDS = 160


def write_volume(root: Path, documents: int, pages_per_document: int = 5, seed: int = 7) -> Path:
    """``documents`` documents of ``pages_per_document`` pages under ``root``; returns ``root``."""
    rng = random.Random(seed)
    (root / "DATA").mkdir(parents=True)
    (root / "TEXT").mkdir()
    d, q = "\x14", "\u00fe"
    header = ("BEGBATES", "ENDBATES", "CUSTODIAN", "DATESENT", "FROM", "TO", "SUBJECT", "DOCTYPE", "TEXTPATH")
    with open(root / "DATA" / "SCALE001.dat", "w", encoding="utf-8", newline="") as dat:
        dat.write(d.join(f"{q}{h}{q}" for h in header) + "\r\n")
        for n in range(documents):
            first = n * pages_per_document + 1
            begin, end = f"SCL{first:08d}", f"SCL{first + pages_per_document - 1:08d}"
            pages = []
            for page in range(pages_per_document):
                words = rng.choices(WORDS, k=PAGE_WORDS)
                if (first + page) % 100 == 0:
                    words[rng.randrange(PAGE_WORDS)] = "lisinopril"
                if n % 50 == 0 and page == 0:
                    words[10:13] = ["quarterly", "inspection", "report"]
                pages.append(" ".join(words))
            (root / "TEXT" / f"{begin}.txt").write_text("\f".join(pages), encoding="utf-8")
            custodian = CUSTODIANS[n % len(CUSTODIANS)]
            sent = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
            row = (begin, end, custodian, sent, f"{custodian.split()[0].lower()}@example.com",
                   "records@example.com", f"Shipment {n}", "Email" if n % 3 else "Memo", f"TEXT\\{begin}.txt")
            dat.write(d.join(f"{q}{v}{q}" for v in row) + "\r\n")
    return root
