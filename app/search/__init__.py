"""Full-text search of every page of a case, inside the vault: a reviewer's query language
(``query``, ``fields``) run over the FTS5 index and the Bates index (``run``)."""

from app.search.fields import FieldFilter
from app.search.query import ParsedQuery, parse_query
from app.search.run import DEFAULT_LIMIT, DocumentHits, SearchHit, SearchResult, search

__all__ = ["DEFAULT_LIMIT", "DocumentHits", "FieldFilter", "ParsedQuery", "SearchHit", "SearchResult",
           "parse_query", "search"]
