"""The generated qualification suite: fictional legal and clinical documents the project writes
itself, seeded and deterministic (no downloads), each question with its gold.

A *set* is one case: its documents are read once and all its questions reuse the kept prefix.
Sets come in lengths (padding pages of routine correspondence around the documents that matter)
and depths (where, in the set's reading order, the document holding the fact sits). Families:

- ``fact``: one fact among near-duplicate distractors (similar units, names, amounts);
- ``aggregate``: a total across several documents;
- ``conflict``: two documents that disagree; a right answer names both;
- ``absent``: the documents do not say; a right answer says so;
- ``medication``: the dose at a given visit, across visits that change it;
- ``bates``: which page of a stamped production says something, by its Bates number;
- ``chronology``: three events from three documents, in the order they happened.

Every answer's citations and quotes are scored too (``scoring``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from app.evaluation.scoring import Gold

# Padding as a share of the model's window (the set's own documents take ``BASE_TOKENS`` more), and
# depths: where the documents that matter sit in the reading order.
SIZES = {"quick": ((0.0,), (0.5,)), "standard": ((0.1, 0.4, 0.7), (0.0, 0.5, 1.0)),
         "full": ((0.05, 0.25, 0.45, 0.65), (0.0, 0.25, 0.5, 0.75, 1.0))}
BASE_TOKENS = 1450  # a set with no padding, its instruction and markup (1,416 measured, SmolLM2)
ANSWER_ROOM = 400  # the question, the answer and the chat template: a length never crowds them out
WORDS_PER_TOKEN = 0.9  # the padding's prose (SmolLM2's tokenizer: 3,286 words were 3,600 tokens)
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
    stamps: tuple[str, ...] = ()  # a Bates stamp in each page's footer (a production)


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
            for number, text in enumerate(spec.pages):
                page = document.new_page()
                page.insert_textbox(pymupdf.Rect(72, 72, 540, 700), text, fontsize=10.5)
                if spec.stamps:
                    page.insert_text((430, 760), spec.stamps[number], fontsize=9)
            path = folder / spec.name
            document.save(path)
            document.close()
            paths.append(path)
        return paths


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def build_suite(size: str = "quick", seed: int = 7, window: int = 8192,
                lengths: tuple[int, ...] = ()) -> list[EvalSet]:
    """The sets of ``size`` for a model whose window holds ``window`` tokens: at the size's own
    lengths (shares of the window), or at ``lengths`` (tokens of case; one longer than the window
    leaves room for the question and is said so in its label) at the size's depths."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}")
    shares, depths = SIZES[size]
    if lengths:
        return [_build_set(padding_for(length, window), depth, random.Random(f"{seed}-{length}-{depth}"),
                           f"{length:,} tokens")
                for length in lengths for depth in depths]
    paddings = [int(share * window * WORDS_PER_TOKEN) for share in shares]
    return [_build_set(padding, depth, random.Random(f"{seed}-{share}-{depth}"))
            for share, padding in zip(shares, paddings, strict=True) for depth in depths]


def padding_for(length: int, window: int) -> int:
    """Words of padding that bring a set to about ``length`` tokens (never past what ``window``
    can read with a question and its answer)."""
    target = min(length, window - ANSWER_ROOM)
    return max(0, int((target - BASE_TOKENS) * WORDS_PER_TOKEN))


def parse_lengths(text: str) -> tuple[int, ...]:
    """``"4k,8k,32000,1m"`` as token counts, or a ValueError that names the part it cannot read."""
    lengths = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        scale = {"k": 1024, "m": 1024 * 1024}.get(part[-1], 1)
        number = part[:-1] if scale > 1 else part
        try:
            lengths.append(int(float(number) * scale))
        except ValueError:
            raise ValueError(f"{part!r} is not a length (write e.g. 4k, 32k, 1m or 6000)") from None
    if not lengths or min(lengths) <= 0:
        raise ValueError("give at least one length, e.g. --lengths 2k,4k,8k")
    return tuple(sorted(set(lengths)))


def _build_set(padding: int, depth: float, rng: random.Random, length: str = "") -> EvalSet:
    label = f"{length or f'padding {padding:,} words'}, depth {depth:.0%}"
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
        *_production(rng),
        *_chronology(rng),
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
        _bates_item(middle), _chronology_item(middle),
    ]
    documents = sorted([*middle, *padding_doc], key=lambda d: d.name)
    return EvalSet(label, padding, depth, documents, items)


PALLETS = (40, 44, 48)  # near-duplicate shipments on neighbouring pages


def _production(rng: random.Random) -> list[DocumentSpec]:
    """A stamped production: three shipment pages that differ only in their count and date."""
    first = rng.randrange(1000, 9000)
    stamps = tuple(f"HARBOR{first + n:07d}" for n in range(len(PALLETS)))
    order = rng.sample(PALLETS, len(PALLETS))
    pages = tuple(f"SHIPPING RECORD\nHarbor Supply delivered {count} pallets of roofing tiles to 120 "
                  f"Harbor Street on June {10 + n}, 2025." for n, count in enumerate(order))
    return [DocumentSpec("production-harbor.pdf", pages, stamps)]


def _bates_item(documents: list[DocumentSpec]) -> Item:
    production = next(d for d in documents if d.stamps)
    page = next(n for n, text in enumerate(production.pages) if f" {PALLETS[0]} pallets" in text)
    return Item("bates", f"Which page of the Harbor Supply production, by its Bates number, records the "
                         f"delivery of {PALLETS[0]} pallets?",
                Gold((production.stamps[page],), ((production.name, page + 1),)))


EVENTS = (("notice-of-default.pdf", "NOTICE OF DEFAULT", "the notice of default"),
          ("site-inspection.pdf", "SITE INSPECTION REPORT", "the site inspection"),
          ("termination-letter.pdf", "LETTER OF TERMINATION", "the termination letter"))
MONTHS = ("January", "February", "April", "May", "July", "August", "September", "October")


def _chronology(rng: random.Random) -> list[DocumentSpec]:
    """Three dated documents whose order by name is not the order they happened in."""
    months = rng.sample(MONTHS, len(EVENTS))
    if months == sorted(months, key=MONTHS.index):  # the names' order would be the right answer
        months.reverse()
    return [DocumentSpec(name, (f"{title}\nDated {month} {rng.randrange(2, 27)}, 2024.\nThis document "
                                f"concerns the roof repair contract for 120 Harbor Street.",))
            for (name, title, _), month in zip(EVENTS, months, strict=True)]


def _chronology_item(documents: list[DocumentSpec]) -> Item:
    by_name = {d.name: d for d in documents}
    dated = sorted(((MONTHS.index(_month_of(by_name[name])), by_name[name]) for name, _, _ in EVENTS),
                   key=lambda pair: pair[0])
    dates = tuple(spec.pages[0].split("\n")[1].removeprefix("Dated ").rstrip(".") for _, spec in dated)
    events = ", ".join(what for _, _, what in EVENTS)
    return Item("chronology",
                f"In what order did these happen: {events}? Give each one's date, earliest first.",
                Gold(dates, tuple((spec.name, 1) for _, spec in dated), ordered=True))


def _month_of(spec: DocumentSpec) -> str:
    return spec.pages[0].split("\n")[1].split()[1]
