"""The site's search index: built from the records, split into small files that a reader's
browser fetches only when they search, and only those a query needs.

What is indexed is what readers search for: a claim's title, its words as said, the
claimant's names in every script, the verdict and the summary; a person's or an
organisation's names and description; a source's title, publisher and authors; the titles
(and, for hand-written pages, the text) of the other pages. Not the boilerplate every page
repeats. Each result shows a verdict (claims) or what kind of record it is, and a snippet
from the summary or description.

The files (paths in `rendering.urls`):

- `search/index.json`, the manifest: the number of documents, of term shards and of
  documents per block, the stop words, and a version that changes with the content;
- `search/terms/<n>.json`: term → postings (document numbers, delta-coded, each with a
  weight from the fields the term is in), for the terms whose key hashes to shard `n`;
- `search/docs/<n>.json`: what a result shows (address, title, kind, verdict, snippet, and
  a claim's rating for its chip's colours) for documents `n * block` up to the next block.

How a query chooses its shards: each word of the query is keyed by its first two
characters (a Chinese word by its first character), and the key's FNV-1a hash modulo the
number of shards names the one file that holds every indexed word starting with that key,
so prefixes and stems ("investigat", "countries" for "country") are found in it. A run of
Chinese characters in a query is segmented as mkdocs-material does it, by the longest words
of the index inside it, so it loads the shard of each of its characters. Then only the
document blocks holding the matches are fetched.

How text is cut into words, and how a word chooses its shard: `publishing.search_words`.
Chinese text is segmented into words at build time with rjieba, which gives the same words
as jieba (tested on the real data).
"""

from __future__ import annotations

import gzip
import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import orjson

from ..loading.catalog import Catalog, EachClaim, each_claim
from ..records.models import Claim, Entity, Source
from ..rendering import urls
from ..rendering.dates import format_date
from ..rendering.escape import clean, plain_title
from ..rendering.i18n import N_, SOURCE_LANGUAGE, gettext_for
from ..rendering.localize import entity_name, published_title
from .search_words import STOP_WORDS, name_key, shard_of, terms

# Kinds of result, in the order results of equal match are listed: claims first, then people
# and organisations, then sources, then the site's other pages.
CLAIM, ENTITY, SOURCE, PAGE = 0, 1, 2, 3

ENTITY_LABELS = {
    "person": N_("Person"),
    "organisation": N_("Organisation"),
    "unnamed": N_("Unnamed source"),
}
SOURCE_LABEL = N_("Source")

SNIPPET_CHARS = 220
"""About two lines of a result; the rest of a summary is searched but not shown."""

DOCS_PER_BLOCK = 128
POSTINGS_PER_SHARD = 4096
"""About 20 KB of JSON (6-8 KB compressed) a shard: small enough that a query costs little,
large enough that a site of 10,000 claims has a few hundred files, not tens of thousands."""

MAX_WEIGHT = 255

# Field weights: a word in a title or a name says more about a document than one in its
# summary.
TITLE, NAME, STATEMENT, VERDICT, RELAYED, BODY = 10, 8, 3, 3, 2, 1

_LINK_TARGET = re.compile(r"\]\([^)]*\)")
"""Where a Markdown link points: not words a reader searches for."""


@dataclass(frozen=True)
class SearchDoc:
    """One result: what it shows and the text it is found by."""

    location: str
    """The page's address relative to the site's root, as links on the site name it."""
    title: str
    kind: int
    label: str | None
    """The chip a result shows: the verdict of a claim, or what kind of record it is."""
    snippet: str
    fields: tuple[tuple[str, int], ...] = field(repr=False)
    """(text, weight) pairs to index."""
    names: tuple[str, ...] = ()
    """What a reader may type to mean exactly this page (a person's names, a page's title):
    such a result comes first."""
    rating: str | None = None
    """A claim's rating id: its chip takes the verdict's colours (`.rating-<id>`)."""

    def row(self) -> list[Any]:
        """[address, title, kind, chip, snippet], then the names (empty if none) when there
        are names or a rating, then the rating if any."""
        row = [self.location, self.title, self.kind, self.label or "", self.snippet]
        if self.names or self.rating:
            row.append([name_key(name) for name in self.names])
        if self.rating:
            row.append(self.rating)
        return row

    def weights(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for text, weight in self.fields:
            for term in terms(text):
                found[term] = min(MAX_WEIGHT, found.get(term, 0) + weight)
        return found


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of `text` up to a word boundary within `limit` characters."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def page_location(page_path: str) -> str:
    """`claims/x.md` → `claims/x/`: a page's address relative to the site's root."""
    return urls.page_url("", page_path).lstrip("/")


def _names(entity: Entity) -> list[str]:
    return [entity.name, *([entity.native_name] if entity.native_name else []), *entity.aliases]


def claim_doc(
    catalog: Catalog, claim_id: str, claim: Claim, language: str | None = None
) -> SearchDoc:
    """A claim's search document; in another edition than the original (`language`), found
    by its translated text as well as by the original's, and shown translated."""
    dossier = catalog.dossier.model
    claimant = catalog.entities[claim.claimant].model
    verdict = dossier.rating(claim.rating).label
    t = claim.translations.get(language) if language else None
    rated = dossier.rating(claim.rating).translations.get(language) if language else None
    if rated is not None:
        verdict = rated.label
    fields: list[tuple[str, int]] = [
        (claim.title, TITLE),
        (claim.claim_reviewed or "", TITLE),
        (claim.statement.text, STATEMENT),
        *((name, NAME) for name in _names(claimant)),
        *(
            (name, RELAYED)
            for eid in claim.relayed_by
            for name in _names(catalog.entities[eid].model)
        ),
        (verdict, VERDICT),
        (claim.summary, BODY),
        (claim_id, BODY),
        # The words around the claim that readers look for too (names in Chinese are mostly
        # in quotes), at the weight of the summary.
        *(((claim.appeared_in.quote, BODY),) if claim.appeared_in else ()),
        *((f"{item.quote} {item.note or ''}", BODY) for item in claim.evidence),
        (_LINK_TARGET.sub("]", claim.analysis), BODY),
        *((update.note, BODY) for update in claim.updates),
    ]
    if t is not None:
        fields += [
            (t.title, TITLE),
            (t.claim_reviewed or "", TITLE),
            (t.statement or "", STATEMENT),
            (t.summary, BODY),
            (t.conclusion or "", BODY),
            (_LINK_TARGET.sub("]", t.analysis or ""), BODY),
        ]
    return SearchDoc(
        page_location(urls.claim_page(claim_id)),
        plain_title(t.title if t else claim.title),
        CLAIM,
        verdict,
        snippet(t.summary if t else claim.summary),
        tuple(fields),
        rating=claim.rating,
    )


def _claim_doc(catalog: Catalog, claim_id: str, language: str | None) -> SearchDoc:
    return claim_doc(catalog, claim_id, catalog.claims[claim_id].model, language)


def entity_doc(entity_id: str, entity: Entity, language: str | None = None) -> SearchDoc:
    t = entity.translations.get(language) if language else None
    _ = gettext_for(language) if language else str
    kind = ENTITY_LABELS.get(entity.kind)
    description = t.description if t else entity.description
    title = entity.name
    if entity.native_name:
        title += f" ({entity.native_name})"
    shown = entity_name(entity, language) if language else entity.name
    if shown == entity.native_name:
        title = f"{shown} ({entity.name})"  # the Chinese edition leads with the characters
    elif shown != entity.name:
        title = shown  # an unnamed source, described in the edition's language
    return SearchDoc(
        page_location(urls.entity_page(entity_id)),
        plain_title(title),
        ENTITY,
        _(kind) if kind else None,
        snippet(description),
        (
            *((name, TITLE) for name in _names(entity)),
            *(((t.name, TITLE),) if t and t.name else ()),
            (entity.description, BODY),
            *(((t.description, BODY),) if t else ()),
            *((citation.quote, BODY) for citation in entity.citations),
            *((f"{d.text} {d.quote}", BODY) for d in entity.developments),
            *((update.note, BODY) for update in entity.updates),
        ),
        names=tuple(_names(entity)),
    )


def source_doc(source_id: str, source: Source, language: str | None = None) -> SearchDoc:
    t = source.translations.get(language) if language else None
    _ = gettext_for(language) if language else str
    about = source.publisher
    if source.published_on:
        about += f", {format_date(source.published_on, language or SOURCE_LANGUAGE)}"
    # A descriptive title is the dossier's own words: the edition's translation of it.
    shown = t.title if t and t.title and not published_title(source) else source.title
    return SearchDoc(
        page_location(urls.source_page(source_id)),
        plain_title(shown),
        SOURCE,
        _(SOURCE_LABEL),
        snippet(about),
        (
            (source.title, TITLE),
            *(((t.title, TITLE),) if t and t.title else ()),
            (source.publisher, STATEMENT),
            *((author, STATEMENT) for author in source.authors),
        ),
    )


def page_doc(page_path: str, title: str, text: str = "") -> SearchDoc:
    """Another page of the site: found by its title, and by its text if it has any worth
    searching (hand-written pages)."""
    return SearchDoc(
        page_location(page_path),
        plain_title(title),
        PAGE,
        None,
        snippet(text) if text else "",
        ((title, TITLE), (text, BODY)),
        names=(title,),
    )


class _Text(HTMLParser):
    """The words of a page's HTML as a reader sees them: no scripts, styles or the
    permalink marks beside headings."""

    SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._skipping or tag in self.SKIP or "headerlink" in classes:
            self._skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text of a hand-written page's HTML, for the index (a few pages a site)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return clean(" ".join(parser.parts))


def record_docs(
    catalog: Catalog, language: str | None = None, each: EachClaim = each_claim
) -> dict[str, SearchDoc]:
    """Page path → its search document, for every record's page of the edition in
    `language` (by default the original)."""
    if language == catalog.dossier.model.language:
        language = None
    docs: dict[str, SearchDoc] = {}
    for cid, doc in each(_claim_doc, catalog, language).items():
        docs[urls.claim_page(cid)] = doc
    for eid, entity in catalog.entities.items():
        docs[urls.entity_page(eid)] = entity_doc(eid, entity.model, language)
    for sid, source in catalog.sources.items():
        docs[urls.source_page(sid)] = source_doc(sid, source.model, language)
    return docs


def shard_count(postings: int) -> int:
    """How many term shards an index of this many postings is split into."""
    return max(1, math.ceil(postings / POSTINGS_PER_SHARD))


def delta_coded(postings: Iterable[tuple[int, int]]) -> list[int]:
    """(document number, weight) pairs in ascending order → [gap, weight, gap, weight…]."""
    coded: list[int] = []
    previous = 0
    for number, weight in postings:
        coded += (number - previous, weight)
        previous = number
    return coded


def encode(value: Any) -> bytes:
    """An index file's bytes (terms in a shard in sorted order, as they were added)."""
    return orjson.dumps(value)


def with_manifest(files: dict[str, bytes], docs: int, shards: int) -> dict[str, bytes]:
    """`files` (the shards and blocks) and the manifest, whose version hashes them all."""
    version = hashlib.blake2b(digest_size=8)
    for path in sorted(files):
        version.update(path.encode() + b"\0" + files[path])
    files[urls.SEARCH_MANIFEST] = encode(
        {
            "version": version.hexdigest(),
            "docs": docs,
            "shards": shards,
            "block": DOCS_PER_BLOCK,
            "stop": sorted(STOP_WORDS),
        }
    )
    return files


def ordered(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """Documents in the order they are numbered: by kind (claims first), then as given."""
    return sorted(docs, key=lambda doc: doc.kind)


def index_files(
    docs: Iterable[SearchDoc], weights: Mapping[str, Mapping[str, int]] | None = None
) -> dict[str, bytes]:
    """The index's files by site path (`search/index.json`, its shards and blocks).

    Documents are numbered by `ordered`. `weights` holds each document's term weights by
    location when they were worked out already; any missing are computed here. A preview
    keeps an index between rebuilds and re-encodes only what an edit changes
    (`speed.search_index`), to the same files."""
    numbered = ordered(docs)
    postings: dict[str, list[int]] = {}
    for number, doc in enumerate(numbered):
        found = weights.get(doc.location) if weights is not None else None
        for term, weight in (found if found is not None else doc.weights()).items():
            postings.setdefault(term, []).extend((number, weight))
    shards = shard_count(sum(len(p) for p in postings.values()) // 2)
    by_shard: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for term in sorted(postings):
        flat = postings[term]
        pairs = zip(flat[::2], flat[1::2], strict=True)
        by_shard[shard_of(term, shards)][term] = delta_coded(pairs)
    files: dict[str, bytes] = {}
    for n, shard in enumerate(by_shard):
        files[urls.search_terms(n)] = encode(shard)
    for n in range(0, len(numbered), DOCS_PER_BLOCK):
        block = [doc.row() for doc in numbered[n : n + DOCS_PER_BLOCK]]
        files[urls.search_docs(n // DOCS_PER_BLOCK)] = encode(block)
    return with_manifest(files, len(numbered), shards)


def gzipped_size(data: bytes) -> int:
    """What a file costs a reader over a compressing server (for the benchmark's report)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))
