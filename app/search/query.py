"""What a reviewer types into the search box, read into an FTS5 MATCH expression and filters.

The language (README, "Search"): words and "exact phrases" (every page word is matched whole,
case, accents and punctuation aside), ``contract*`` for a prefix, ``AND`` / ``OR`` / ``NOT``
(upper case only: "and" and "or" are words), parentheses, ``NEAR(a b, 10)`` and ``a w/10 b``
(within ten words, either order), and fields that filter documents or pages: ``custodian:``,
``author:``, ``from:``, ``to:`` (with cc and bcc), ``subject:``, ``type:``, ``date:``, ``bates:`` and
``doc:``, each with a bare or "quoted" value. A NOT before a field excludes what it names.

Every word reaches FTS5 as a quoted string, so no word of the user's can be read by SQLite as
an operator or column name: the only FTS5 syntax in the expression is the syntax built here.
Every mistake is one sentence (UserFacingError) that says what to type instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise, product

from app.errors import UserFacingError
from app.search.fields import EXAMPLES, FIELD_LIST, FIELDS, FieldFilter, field_filter

MAX_QUERY = 2000
MAX_DEPTH = 32  # nested parentheses; deeper is never typed by a person
MAX_EXPANSION = 64  # NEAR clauses one proximity may expand to ((a OR b) w/5 (c OR d) is four)
MAX_DISTANCE = 1000
DEFAULT_NEAR = 10  # FTS5's own default

_PROXIMITY = re.compile(r"w/(\d+)", re.IGNORECASE)
# Other connectors Westlaw and Lexis users type, refused with a word on what to use instead.
_OTHER_PROXIMITY = re.compile(r"(?:w|pre|notw)/(?:s|p|seg|para|sent|\d+)|/(?:s|p|\d+)", re.IGNORECASE)
_FIELD = re.compile(r"([A-Za-z_]+):(.*)", re.DOTALL)
_BREAK = frozenset('()",')  # what ends a bare word besides white space


@dataclass(frozen=True)
class ParsedQuery:
    match: str | None  # the FTS5 expression pages must match; None for a search by fields alone
    exclude: str | None  # a search that is only NOT ...: the FTS5 expression of the pages left out
    filters: tuple[FieldFilter, ...]
    highlight: tuple[str, ...]  # the plain words and phrases searched for, to mark on the page


# ----- tokens -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Token:
    kind: str  # word | phrase | field | ( | ) | , | AND | OR | NOT | NEAR | prox
    text: str = ""
    prefix: bool = False
    field: str = ""
    distance: int = 0


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _quoted(query: str, start: int) -> tuple[str, int]:
    """The text of the quotes opening at ``start`` and the index after them."""
    end = query.find('"', start + 1)
    if end < 0:
        raise UserFacingError(f'The search has an unclosed quote: "{_shorten(query[start + 1:])}')
    return query[start + 1:end], end + 1


def _has_word(text: str) -> bool:
    # What FTS5's unicode61 tokenizer keeps: letters and digits. "&" or "-" alone is no word.
    return any(ch.isalnum() for ch in text)


def tokenize(query: str) -> list[_Token]:
    tokens, i = [], 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "(),":
            tokens.append(_Token(ch))
            i += 1
        elif ch == '"':
            text, i = _quoted(query, i)
            prefix = query.startswith("*", i)
            i += prefix
            if _has_word(text):
                tokens.append(_Token("phrase", " ".join(text.split()), prefix))
        else:
            start = i
            while i < len(query) and not query[i].isspace() and query[i] not in _BREAK:
                i += 1
            token, i = _bare(query, query[start:i], i)
            if token is not None:
                tokens.append(token)
    return tokens


def _bare(query: str, word: str, end: int) -> tuple[_Token | None, int]:
    """A bare run of characters as a token (a field reads its quoted value from ``end``)."""
    if word in ("AND", "OR", "NOT"):
        return _Token(word), end
    if word == "NEAR" and query.startswith("(", end):
        return _Token("NEAR"), end
    if match := _PROXIMITY.fullmatch(word):
        return _Token("prox", word, distance=int(match[1])), end
    if _OTHER_PROXIMITY.fullmatch(word):
        raise UserFacingError(f"“{word}” is not supported: use w/N (within N words, either order), "
                              "e.g. contract w/10 breach.")
    if field := _FIELD.fullmatch(word):
        name, value = field[1].lower(), field[2]
        if name in FIELDS:
            if not value and query.startswith('"', end):
                value, end = _quoted(query, end)
            if not value.strip():
                raise UserFacingError(f"{name}: needs a value right after the colon, e.g. "
                                      f"{EXAMPLES[name]}.")
            return _Token("field", " ".join(value.split()), field=name), end
        if value:  # "re:" or "Note:" ending a word is punctuation; "custodain:Park" is a typo
            raise UserFacingError(f"The search has an unknown field “{field[1]}:”: the fields are "
                                  f"{FIELD_LIST} (put text with a colon in quotes to search for it).")
    prefix = word.endswith("*")
    stem = word.rstrip("*")
    if "*" in stem or (prefix and not _has_word(stem)):
        raise UserFacingError(f"“{word}”: a * goes at the end of a word, e.g. contract*.")
    return (_Token("word", stem, prefix) if _has_word(stem) else None), end


# ----- the tree ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class _Near:
    terms: tuple[_Term, ...]
    distance: int


@dataclass(frozen=True)
class _Or:
    items: tuple


@dataclass(frozen=True)
class _And:
    positive: tuple
    negative: tuple


class _Parser:
    """Recursive descent: OR binds loosest, then AND (or words side by side), then NOT (which
    takes the word or group after it out of what the rest matches), then w/N, then a word."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens, self.at, self.depth = tokens, 0, 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self):
        node = self.or_expr(nested=False)
        if self.peek() is not None:  # only a stray ")" stops or_expr early
            raise UserFacingError("The search has a “)” with no “(” before it.")
        return node

    def or_expr(self, *, nested: bool):
        items = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            items.append(self.and_expr())
        if len(items) > 1 and None in items:
            raise UserFacingError("“OR” needs a word or group on each side.")
        if items[0] is None:
            raise UserFacingError("The search has empty parentheses." if nested else
                                  "Type words to search for, or a field such as custodian:Park.")
        return items[0] if len(items) == 1 else _Or(tuple(items))

    def and_expr(self):
        positive, negative, dangling = [], [], False
        while (token := self.peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind in ("AND", ","):  # a comma between words is a space ("Smith, John")
                self.take()
                if token.kind == "AND":
                    if dangling or not (positive or negative):
                        raise UserFacingError("“AND” needs a word or group on each side.")
                    dangling = True
                continue
            dangling = False
            negated = token.kind == "NOT"
            if negated:
                self.take()
            item = self.unary()
            if isinstance(item, _And) and not negated:  # (a NOT b) c is a c NOT b
                positive.extend(item.positive)
                negative.extend(item.negative)
            else:
                (negative if negated else positive).append(item)
        if dangling:
            raise UserFacingError("“AND” needs a word or group on each side.")
        if not (positive or negative):
            return None
        if not negative and len(positive) == 1:
            return positive[0]
        return _And(tuple(positive), tuple(negative))

    def unary(self):
        token = self.peek()
        if token is None or token.kind in ("OR", ")", "AND"):
            raise UserFacingError("“NOT” needs a word or group after it, e.g. contract NOT draft.")
        if token.kind == "NOT":
            raise UserFacingError("“NOT NOT” cancels out: leave both out.")
        return self.proximity()

    def proximity(self):
        operands, distances = [self.primary()], []
        while (token := self.peek()) is not None and token.kind == "prox":
            self.take()
            if not 0 < token.distance <= MAX_DISTANCE:
                raise UserFacingError(f"“{token.text}”: the distance must be 1 to {MAX_DISTANCE} words.")
            following = self.peek()
            if following is None or following.kind not in ("word", "phrase", "("):
                raise UserFacingError(f"“{token.text}” needs a word on each side, e.g. contract "
                                      f"{token.text} breach.")
            distances.append(token.distance)
            operands.append(self.primary())
        if not distances:
            return operands[0]
        # a w/5 b w/10 c: a within 5 words of b, and b within 10 of c (each pair, as Lexis reads
        # it left to right); an OR group of words on either side is expanded into NEAR clauses.
        clauses = []
        for (left, right), distance in zip(pairwise(operands), distances, strict=True):
            pairs = list(product(_alternatives(left), _alternatives(right)))
            if len(pairs) > MAX_EXPANSION:
                raise UserFacingError("The proximity search combines too many alternatives: use fewer "
                                      "words in the OR groups beside w/N.")
            near = [_Near((a, b), distance) for a, b in pairs]
            clauses.append(near[0] if len(near) == 1 else _Or(tuple(near)))
        return clauses[0] if len(clauses) == 1 else _And(tuple(clauses), ())

    def primary(self):
        token = self.peek()
        if token is None:
            raise UserFacingError("The search ends with an operator: add a word after it.")
        self.take()
        if token.kind in ("word", "phrase"):
            return _Term(token.text, token.prefix)
        if token.kind == "NEAR":
            return self.near()
        if token.kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise UserFacingError("The search nests parentheses too deeply.")
            inner = self.or_expr(nested=True)
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise UserFacingError("The search has a “(” that is never closed.")
            self.take()
            self.depth -= 1
            return inner
        if token.kind == "prox":
            raise UserFacingError(f"“{token.text}” needs a word on each side, e.g. contract "
                                  f"{token.text} breach.")
        raise UserFacingError(f"“{token.kind}” needs a word or group on each side.")

    def near(self) -> _Near:
        self.take()  # its "("
        terms, distance = [], DEFAULT_NEAR
        usage = "NEAR takes two or more words and a distance: NEAR(contract breach, 10)."
        while (token := self.peek()) is not None and token.kind in ("word", "phrase"):
            terms.append(_Term(self.take().text, token.prefix))
        if (token := self.peek()) is not None and token.kind == ",":
            self.take()
            number = self.peek()
            if number is None or number.kind != "word" or not number.text.isdigit() or number.prefix:
                raise UserFacingError(usage)
            distance = int(self.take().text)
            if not 0 < distance <= MAX_DISTANCE:
                raise UserFacingError(f"NEAR: the distance must be 1 to {MAX_DISTANCE} words.")
        closing = self.peek()
        if closing is None or closing.kind != ")" or len(terms) < 2:
            raise UserFacingError(usage)
        self.take()
        return _Near(tuple(terms), distance)


def _alternatives(node) -> list[_Term]:
    if isinstance(node, _Term):
        return [node]
    if isinstance(node, _Or) and all(isinstance(item, _Term) for item in node.items):
        return list(node.items)
    raise UserFacingError("w/N joins words, phrases or (a OR b) groups of them; for more, use NEAR "
                          "or AND.")


# ----- from the tree to FTS5 and filters --------------------------------------------------

def parse_query(query: str) -> ParsedQuery:
    """Read a search; raises UserFacingError with one sentence for anything it cannot read."""
    if len(query) > MAX_QUERY:
        raise UserFacingError(f"The search is too long: at most {MAX_QUERY:,} characters.")
    tokens, filters = lift_fields(tokenize(query))
    if not tokens and not filters:
        raise UserFacingError("Type words to search for, or a field such as custodian:Park.")
    text = _Parser(tokens).parse() if tokens else None
    match = exclude = None
    if isinstance(text, _And) and not text.positive:  # "NOT draft": every page but those
        exclude = _fts(text.negative[0] if len(text.negative) == 1 else _Or(text.negative))
    elif text is not None:
        match = _fts(text)
    highlight = tuple(dict.fromkeys(_highlight(text))) if text is not None else ()
    return ParsedQuery(match, exclude, tuple(filters), highlight)


def lift_fields(tokens: list[_Token]) -> tuple[list[_Token], list[FieldFilter]]:
    """The fields, out of the words: each applies to the whole search wherever it stands, as a
    reviewer means "a OR b custodian:Park". NOT before a field excludes it; AND beside one is
    dropped; OR only joins two values of one field (custodian:Park OR custodian:Lee, which is
    what the field given twice means anyway). Inside parentheses a field would have to be part of
    the words' logic, which the index cannot do: refused."""
    def refuse(token: _Token) -> UserFacingError:
        return UserFacingError(f"{token.field}: applies to the whole search: put fields outside parentheses "
                               "and away from OR (repeat a field for either value: custodian:Park "
                               "custodian:Lee).")

    def field_at(index: int) -> str | None:
        return tokens[index].field if 0 <= index < len(tokens) and tokens[index].kind == "field" else None

    kept: list[_Token] = []
    filters: list[FieldFilter] = []
    depth, skip = 0, set()
    for index, token in enumerate(tokens):
        depth += {"(": 1, ")": -1}.get(token.kind, 0)
        if index in skip:
            continue
        if token.kind == "OR" and field_at(index - 1) and field_at(index - 1) == field_at(index + 1):
            continue  # custodian:Park OR custodian:Lee
        if token.kind != "field":
            kept.append(token)
            continue
        if depth > 0:
            raise refuse(token)
        negated = bool(kept) and kept[-1].kind == "NOT"
        if negated:
            kept.pop()
        before = kept[-1].kind if kept else None
        after = tokens[index + 1].kind if index + 1 < len(tokens) else None
        if "OR" in (before, after) and not (after == "OR" and field_at(index + 2) == token.field):
            raise refuse(token)
        if before == "AND":
            kept.pop()
        elif after == "AND":
            skip.add(index + 1)
        filters.append(field_filter(FieldFilter(token.field, token.text), negated=negated))
    return kept, filters


def _fts(node) -> str:
    if isinstance(node, _Term):
        return '"' + node.text.replace('"', '""') + '"' + ("*" if node.prefix else "")
    if isinstance(node, _Near):
        return f"NEAR({' '.join(_fts(term) for term in node.terms)}, {node.distance})"
    if isinstance(node, _Or):
        return "(" + " OR ".join(_fts(item) for item in node.items) + ")"
    if not node.positive:
        raise UserFacingError("NOT needs something to take from inside parentheses or after OR: "
                              "write (contract NOT draft); a search may start with NOT only as a whole.")
    positive = "(" + " AND ".join(_fts(item) for item in node.positive) + ")"
    if not node.negative:
        return positive
    return f"({positive}{''.join(' NOT ' + _fts(item) for item in node.negative)})"


def _highlight(node) -> list[str]:
    """The words and phrases to mark on an opened page: only what the search looks for, never
    what it excludes."""
    if isinstance(node, _Term):
        return [node.text]
    if isinstance(node, _Near):
        return [term.text for term in node.terms]
    items = node.items if isinstance(node, _Or) else node.positive
    return [text for item in items for text in _highlight(item)]
