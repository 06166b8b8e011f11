"""Families of a production kept together: a parent, then its attachments in Bates order, where
the family's first member appears (see ``volume``'s decisions)."""

from __future__ import annotations

from dataclasses import replace

from app.productions.bates import bates_key
from app.productions.records import ProductionDocument


def family_order(documents: list[ProductionDocument]) -> list[ProductionDocument]:
    """Families together (parent first, then Bates order) where their first member appears; a
    family of one is no family. A parent named only by its children's PARENTBATES joins too, and
    nested PARENTBATES (an attachment of an attachment) join the top-level family, each document
    once."""
    by_bates = {d.begbates.upper(): d for d in documents}

    def top(family: str) -> str:
        seen: set[str] = set()
        while family not in seen:
            seen.add(family)
            parent = by_bates.get(family)
            if parent is None or not parent.family_id or parent.family_id.upper() == family:
                break
            family = parent.family_id.upper()
        return family

    named = {top(d.family_id.upper()) for d in documents if d.family_id}
    key_of = {id(d): top(d.family_id.upper()) if d.family_id else
              (d.begbates.upper() if d.begbates.upper() in named else None) for d in documents}
    members: dict[str, list[ProductionDocument]] = {}
    for document in documents:
        if key_of[id(document)] is not None:
            members.setdefault(key_of[id(document)], []).append(document)
    ordered: list[ProductionDocument] = []
    done: set[str] = set()
    for document in documents:
        family = key_of[id(document)]
        if family is None or len(members[family]) < 2:
            ordered.append(with_family(document, None))
        elif family not in done:
            done.add(family)
            group = sorted(members[family], key=lambda d: (d.begbates.upper() != family,
                                                           bates_key(d.begbates)))
            family_id = by_bates[family].begbates if family in by_bates else next(
                d.family_id for d in group if d.family_id)
            ordered.extend(with_family(d, family_id) for d in group)
    return ordered


def with_family(document: ProductionDocument, family_id: str | None) -> ProductionDocument:
    is_attachment = family_id is not None and document.begbates.upper() != family_id.upper()
    return replace(document, family_id=family_id, is_attachment=is_attachment)
