"""Small output helpers shared by the command modules."""

from __future__ import annotations

from app.safe_text import dumps


def emit_json(data: object) -> None:
    # Read on a terminal too (piped to less, pasted into a ticket): controls and bidi characters
    # from a file name or a load file leave as \u escapes, which a JSON reader turns back.
    print(dumps(data, indent=2))


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def add_reading_choices(parser) -> None:
    """The user's choices for a set larger than the window, shared by `ask` and `task`."""
    parser.add_argument("--exclude", metavar="D3,D5", default="",
                        help="leave these documents out (ids as `plan` shows them); the result says so")
    parser.add_argument("--staged", action="store_true",
                        help="a set larger than the window: read it in passes over window-sized parts")


def add_model_choice(parser) -> None:
    parser.add_argument("--model", metavar="ID",
                        help="a model from `models list` (default: the one set by `models default`)")


def document_ids(text: str) -> list[str]:
    """ "D3, D5" -> ["D3", "D5"] """
    return [i.strip() for i in text.split(",") if i.strip()]
