"""The search index a preview keeps between rebuilds, re-encoding only what an edit changes.

Writing the whole index took 0.06 s of a one-claim edit at 1,000 claims, and MkDocs holds
back the edited page until the build ends. An edit changes a few documents' words: only the
shards holding those words and the blocks holding those documents are encoded and written
again, giving the files `publishing.search.index_files` would give (tested). When documents
come, go or change places, or the index needs another number of shards, everything is
encoded again, as a one-shot build does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..publishing import search
from ..publishing.search import SearchDoc, delta_coded, encode, ordered, shard_count, with_manifest
from ..publishing.search_words import shard_of
from ..rendering import urls


class KeptIndex:
    """One edition's search index across a preview's rebuilds."""

    def __init__(self) -> None:
        self._docs: list[SearchDoc] = []
        self._weights: list[Mapping[str, int]] = []
        self._postings: dict[str, dict[int, int]] = {}
        """Term → {document number: weight}."""
        self._total = 0
        self._shards: list[dict[str, list[int]]] = []
        self._files: dict[str, bytes] = {}
        """Every file of the index, as the last update left it."""

    def update(
        self, docs: Iterable[SearchDoc], weights: Mapping[str, Mapping[str, int]]
    ) -> dict[str, bytes]:
        """The files that differ from the last call's (every file on the first), by site
        path. `weights` holds every document's term weights by location."""
        previous = dict(self._files)
        numbered = ordered(docs)
        new_weights = [weights[doc.location] for doc in numbered]
        if [d.location for d in numbered] != [d.location for d in self._docs]:
            self._postings, self._total = {}, 0
            self._shards, self._files = [], {}  # every file is encoded again
            changed: Sequence[int] = range(len(numbered))
            old_weights: list[Mapping[str, int]] = [{} for _ in numbered]
        else:
            changed = [
                n
                for n, (doc, w) in enumerate(zip(numbered, new_weights, strict=True))
                if doc != self._docs[n] or w != self._weights[n]
            ]
            old_weights = self._weights
        terms: set[str] = set()
        for n in changed:
            for term in old_weights[n]:
                held = self._postings[term]
                del held[n]
                if not held:
                    del self._postings[term]
            for term, weight in new_weights[n].items():
                self._postings.setdefault(term, {})[n] = weight
            self._total += len(new_weights[n]) - len(old_weights[n])
            terms.update(old_weights[n], new_weights[n])
        self._docs, self._weights = numbered, new_weights

        files: dict[str, bytes] = {}
        shards = shard_count(self._total)
        touched: set[int] = set()
        if shards != len(self._shards):
            self._shards, self._files = [{} for _ in range(shards)], {}
            terms, touched = set(self._postings), set(range(shards))
            changed = range(len(numbered))
        for term in terms:
            shard = shard_of(term, shards)
            touched.add(shard)
            postings = self._postings.get(term)
            if postings is None:
                self._shards[shard].pop(term, None)
            else:
                self._shards[shard][term] = delta_coded(sorted(postings.items()))
        for shard in touched:
            files[urls.search_terms(shard)] = encode(dict(sorted(self._shards[shard].items())))
        size = search.DOCS_PER_BLOCK
        for start in sorted({n - n % size for n in changed}):
            block = [doc.row() for doc in numbered[start : start + size]]
            files[urls.search_docs(start // size)] = encode(block)
        self._files.pop(urls.SEARCH_MANIFEST, None)
        self._files.update(files)
        with_manifest(self._files, len(numbered), shards)
        files[urls.SEARCH_MANIFEST] = self._files[urls.SEARCH_MANIFEST]
        return {path: data for path, data in files.items() if previous.get(path) != data}

    @property
    def files(self) -> dict[str, bytes]:
        """Every file of the index as the last call left it."""
        return dict(self._files)
