"""Small output helpers shared by the command modules."""

from __future__ import annotations

from app.safe_text import dumps


def emit_json(data: object) -> None:
    # Read on a terminal too (piped to less, pasted into a ticket): controls and bidi characters
    # from a file name or a load file leave as \u escapes, which a JSON reader turns back.
    print(dumps(data, indent=2))


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def add_reading_choices(parser, *, staged: bool = True) -> None:
    """The user's choices of what to read, shared by `ask`, `task`, `review` and `plan`."""
    add_review_set_choice(parser)
    parser.add_argument("--exclude", metavar="D3,D5", default="",
                        help="leave these documents out (ids as `plan` shows them); the result says so")
    if staged:
        parser.add_argument("--staged", action="store_true",
                            help="a set larger than the window: read it in passes over window-sized parts")


def add_review_set_choice(parser) -> None:
    parser.add_argument("--review-set", metavar="NAME", default="",
                        help="read only the documents of this review set (`sets list`); the result names it")


def reading_choice(vault, case, args) -> tuple[list[str], str]:
    """(documents to leave out, review set name) from ``--review-set`` and ``--exclude``."""
    from app.review_sets import left_out_by

    exclude = document_ids(getattr(args, "exclude", ""))
    if not args.review_set:
        return exclude, ""
    chosen, outside = left_out_by(vault, case, args.review_set)
    return list(dict.fromkeys([*outside, *(d.upper() for d in exclude)])), chosen.name


def add_model_choice(parser) -> None:
    parser.add_argument("--model", metavar="ID",
                        help="a model from `models list` (default: the one set by `models default`)")


def document_ids(text: str) -> list[str]:
    """ "D3, D5" -> ["D3", "D5"] """
    return [i.strip() for i in text.split(",") if i.strip()]
