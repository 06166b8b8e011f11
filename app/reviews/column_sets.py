"""Column sets: the built-in ones (``app.reviews.columns.BUILT_IN``) and the user's own, kept in
the vault (settings key ``review_column_sets``, never a file). Saving one under a built-in's name
keeps the user's version in its place; deleting it brings the built-in back."""

from __future__ import annotations

import hashlib

from app.errors import UserFacingError
from app.reviews.columns import BUILT_IN, ReviewColumn, columns_from_json
from storage.schema import SettingRow
from storage.vault import Vault

SETS_KEY = "review_column_sets"


def _saved(vault: Vault) -> dict[str, dict]:
    with vault.read() as session:
        row = session.get(SettingRow, SETS_KEY)
        return dict(row.value) if row and row.value else {}


def set_names(vault: Vault) -> list[str]:
    return list(dict.fromkeys([*BUILT_IN, *_saved(vault)]))


def column_set(vault: Vault, name: str) -> tuple[str, list[ReviewColumn]]:
    """(title, columns) of a saved set, or else of the built-in one of that name."""
    key = name.strip().lower()
    saved = _saved(vault).get(key)
    if saved is not None:
        return saved["title"], columns_from_json(saved["columns"])
    if key in BUILT_IN:
        title, columns = BUILT_IN[key]
        return title, list(columns)
    raise UserFacingError(f"No column set “{name}”. Sets: {', '.join(set_names(vault))}.")


def save_column_set(vault: Vault, name: str, title: str, columns: list[ReviewColumn]) -> None:
    key = name.strip().lower()
    if not key:
        raise UserFacingError("A column set needs a name.")
    data = [c.as_json() for c in columns]
    columns_from_json(data)  # the same rules as a columns file
    with vault.write() as session:
        row = session.get(SettingRow, SETS_KEY) or SettingRow(key=SETS_KEY)
        row.value = {**(row.value or {}), key: {"title": title.strip() or key, "columns": data}}
        session.add(row)
        vault.audit(session, "review.columns_saved",
                    objects={"columns": len(data),  # not its name: the user's words
                             "sha256": hashlib.sha256(repr(data).encode()).hexdigest()})


def delete_column_set(vault: Vault, name: str) -> bool:
    key = name.strip().lower()
    with vault.write() as session:
        row = session.get(SettingRow, SETS_KEY)
        if row is None or key not in (row.value or {}):
            return False
        row.value = {k: v for k, v in row.value.items() if k != key}
        vault.audit(session, "review.columns_deleted")
    return True
