"""The generated qualification suite: fictional legal and clinical documents the project writes
itself, seeded and deterministic (no downloads), each question with its gold.

A *set* is one case: its documents are read once and all its questions reuse the kept prefix.
Sets come in lengths (padding pages of routine correspondence around the documents that matter)
and depths (where, in the set's reading order, the document holding the fact sits). Families:

- ``fact``: one fact among near-duplicate distractors (similar units, names, amounts);
- ``aggregate``: a total across several documents;
- ``conflict``: two documents that disagree; a right answer names both;
- ``absent``: the documents do not say; a right answer says so;
- ``medication``: the dose at a given visit, across visits that change it.

Every answer's citations and quotes are scored too (``scoring``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from app.evaluation.scoring import Gold

# Padding as a share of the model's window (the set's own documents take ~1,500 tokens more), and
# depths: where the documents that matter sit in the reading order.
SIZES = {"quick": ((0.0,), (0.5,)), "standard": ((0.1, 0.4, 0.7), (0.0, 0.5, 1.0))}
WORDS_PER_TOKEN = 0.7  # English prose, roughly, for sizing the padding
PAGE_WORDS = 260  # words of padding on one page
FIRST_NAMES = ("Dana", "Omar", "Priya", "Jonas", "Mei", "Elena", "Tariq", "Grace")
SURNAMES = ("Whitfield", "Reyes", "Raman", "Albrecht", "Okafor", "Lindqvist", "Moreau", "Castillo")
ROUTINE = ("The parties confirmed the schedule for the next inspection and agreed to exchange the "
           "usual monthly reports. No issues were raised about access to the premises, the keys were "
           "returned to the front desk, and the maintenance log was signed by both representatives. ")


@dataclass(frozen=True)
class DocumentSpec:
    name: str  # the file name; the set's reading order is by name
    pages: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    family: str
    question: str
    gold: Gold


@dataclass
class EvalSet:
    label: str  # "padding 2,500 words, depth 50%"
    padding_words: int
    depth: float
    documents: list[DocumentSpec] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def write(self, folder: Path) -> list[Path]:
        """The set's documents as PDFs (real pages, so page citations are real)."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for spec in self.documents:
            document = pymupdf.open()
            for text in spec.pages:
                document.new_page().insert_textbox(pymupdf.Rect(72, 72, 540, 740), text, fontsize=10.5)
            path = folder / spec.name
            document.save(path)
            document.close()
            paths.append(path)
        return paths


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def build_suite(size: str = "quick", seed: int = 7, window: int = 8192) -> list[EvalSet]:
    """The sets of ``size`` for a model whose window holds ``window`` tokens."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}")
    shares, depths = SIZES[size]
    paddings = [int(share * window * WORDS_PER_TOKEN) for share in shares]
    return [_build_set(padding, depth, random.Random(f"{seed}-{share}-{depth}"))
            for share, padding in zip(shares, paddings, strict=True) for depth in depths]


def _build_set(padding: int, depth: float, rng: random.Random) -> EvalSet:
    label = f"padding {padding:,} words, depth {depth:.0%}"
    tenant, landlord, patient = _name(rng), _name(rng), _name(rng)
    rent = rng.randrange(1800, 3200, 10)
    other_rent = rent + rng.choice((90, 110, 130))
    invoices = [rng.randrange(800, 4000) + rng.choice((0, 0.5, 0.25)) for _ in range(3)]
    first, second = rng.sample(range(3, 27), 2)
    dose_before, dose_after = rng.choice(((25, 50), (50, 100), (12.5, 25)))
    middle = [
        DocumentSpec("lease-unit-4b.pdf", (
            f"RESIDENTIAL LEASE\nThis lease is made between {landlord} (\"Landlord\") and {tenant} "
            "(\"Tenant\") for Unit 4B, 120 Harbor Street.",
            f"2. Rent. The monthly rent for Unit 4B is ${rent:,} payable on the first day of each month. "
            f"Parking space P-12 is rented separately at ${rent // 10:,} a month.")),
        DocumentSpec("lease-unit-4c.pdf", (
            f"RESIDENTIAL LEASE\nThis lease is made between {landlord} and {_name(rng)} for Unit 4C, 120 "
            f"Harbor Street. The monthly rent for Unit 4C is ${other_rent:,}.",)),
        *[DocumentSpec(f"invoice-{1041 + i}.pdf", (
            f"INVOICE {1041 + i}\nBilled to {tenant} for repairs at Unit 4B.\nAmount due: ${amount:,.2f}",))
          for i, amount in enumerate(invoices)],
        DocumentSpec("letter-contractor.pdf", (
            f"Dear {tenant},\nThe replacement windows were delivered on March {first}, 2025, as agreed.",)),
        DocumentSpec("letter-tenant.pdf", (
            f"Dear {landlord},\nFor the record, the replacement windows were not delivered until March "
            f"{second}, 2025.",)),
        DocumentSpec("visit-2025-01.pdf", (
            f"CLINIC VISIT, January 14, 2025\nPatient: {patient}\nStarted metoprolol {dose_before:g} mg by "
            "mouth twice daily for hypertension.",)),
        DocumentSpec("visit-2025-03.pdf", (
            f"CLINIC VISIT, March 11, 2025\nPatient: {patient}\nBlood pressure still high: metoprolol "
            f"increased to {dose_after:g} mg twice daily.",)),
    ]
    pages = max(0, round(padding / PAGE_WORDS))
    before, after = round(pages * depth), pages - round(pages * depth)
    padding_doc = [DocumentSpec(f"{prefix}-correspondence.pdf", tuple(
        f"Routine correspondence, item {n + 1}.\n" + ROUTINE * (PAGE_WORDS // 50) for n in range(count)))
        for prefix, count in (("a", before), ("z", after)) if count]
    total = sum(invoices)
    items = [
        Item("fact", "What is the monthly rent for Unit 4B under its lease?",
             Gold((f"${rent:,}",), (("lease-unit-4b.pdf", 2),))),
        Item("aggregate", "What is the total amount due on invoices 1041, 1042 and 1043 together?",
             Gold((f"${total:,.2f}",), tuple((f"invoice-{1041 + i}.pdf", 1) for i in range(3)))),
        Item("conflict", "On what date were the replacement windows delivered?",
             Gold((f"March {first}, 2025", f"March {second}, 2025"),
                  (("letter-contractor.pdf", 1), ("letter-tenant.pdf", 1)))),
        Item("absent", f"What is {tenant}'s date of birth?", Gold(absent=True)),
        Item("medication", f"What dose of metoprolol was {patient} taking after the March 11, 2025 visit?",
             Gold((f"{dose_after:g} mg",), (("visit-2025-03.pdf", 1),))),
    ]
    documents = sorted([*middle, *padding_doc], key=lambda d: d.name)
    return EvalSet(label, padding, depth, documents, items)
