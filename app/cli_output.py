"""Small output helpers shared by the command modules."""

from __future__ import annotations

import json


def emit_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"
