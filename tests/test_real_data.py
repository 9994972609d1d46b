"""Tests over the real dossier in data/: the records themselves, not the generator.

They read the YAML with PyYAML (every scalar as a string, as the real loader does) and
validate with the models, so they depend on nothing else in dossier_gen. The articles the
claims quote live outside the repository, in ../shared/articles/ (override with the
DOSSIER_ARTICLES environment variable). Without them the quote tests skip locally, but in
CI (environment variable CI set) they fail: a fact-check whose quotes are never checked
against the text they quote must not pass.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from dossier_gen.records.fields import FullDate, PartialDate
from dossier_gen.records.models import Claim, Dossier, Entity, Evidence, Source, Statement

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLES = Path(os.environ.get("DOSSIER_ARTICLES") or SHARED / "articles")
RESEARCH = Path(os.environ.get("DOSSIER_RESEARCH") or SHARED / "research" / "dossier-research.md")

# The four articles the dossier checks: source id -> file name of the copy reviewed.
ARTICLE_SOURCES = {
    "rfa-2017-10-guo-spies": "000_5e8b1cd24d3fc047.txt",
    "worldtribune-2017-09-12-guo-asylum": "001_80db2d38e64f1787.txt",
    "epoch-times-2011-07-26-officials-defected": "002_ed8a38afcd5127a6.txt",
    "yahoo-2021-06-dong-jingwei-spy-thriller": "003_0de988cda47a8b9e.txt",
}

# Ratings defined in data/dossier.yml that no claim uses. Written out so that a typo in a
# claim's rating, or a rating that silently falls out of use, shows up as a difference.
EXPECTED_UNUSED_RATINGS: set[str] = set()

NOT_CHECKABLE = "not-checkable"


# --- loading -------------------------------------------------------------------------------


def _read(path: Path) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert isinstance(data, dict), f"{path}: a record must be a mapping"
    return data


def _load(kind: str, model):
    folder = DATA / kind
    return {p.stem: model.model_validate(_read(p)) for p in sorted(folder.glob("*.yml"))}


SOURCES: dict[str, Source] = _load("sources", Source)
ENTITIES: dict[str, Entity] = _load("entities", Entity)
CLAIMS: dict[str, Claim] = _load("claims", Claim)
DOSSIER = Dossier.model_validate(_read(DATA / "dossier.yml"))
RATING_IDS = {r.id for r in DOSSIER.ratings}


def _normalise(text: str) -> str:
    """Collapse whitespace and straighten quotation marks, so line wrapping and curly quotes
    in a copy do not hide a verbatim match (and do not fake one either)."""
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032']", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033\"]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def _articles_folder() -> Path:
    if ARTICLES.is_dir():
        return ARTICLES
    message = f"the articles folder {ARTICLES} is missing (set DOSSIER_ARTICLES to its path)"
    if os.environ.get("CI"):
        pytest.fail(message + "; in CI the quotes must be checked, so this is a failure")
    pytest.skip(message)


def _article_lines(source_id: str) -> list[str]:
    folder = _articles_folder()
    name = SOURCES[source_id].local_copy
    assert name, f"source {source_id} has no local_copy"
    path = folder / name
    assert path.is_file(), f"source {source_id}: local copy {path} does not exist"
    return path.read_text(encoding="utf-8").split("\n")


# Where each article's lines sit in the article as a reader sees it. Locators name these parts
# ("headline", "photo caption", ...) and number the rest as body paragraphs ("paragraph 4"), so
# a reader can find a quote in the article without our copy's line numbers.
ARTICLE_STRUCTURE = {
    "rfa-2017-10-guo-spies": {1: "headline", 15: "subheading", 33: "subheading", 47: "credit line"},
    "worldtribune-2017-09-12-guo-asylum": {
        1: "headline",
        3: "byline",
        9: "photo caption",
        53: "page footer",
    },
    "epoch-times-2011-07-26-officials-defected": {
        1: "headline",
        3: "standfirst",
        4: "page header",
        5: "date line",
        6: "date line",
        7: "date line",
        23: "closing line",
        25: "page footer",
    },
    "yahoo-2021-06-dong-jingwei-spy-thriller": {1: "headline", 3: "page header", 27: "page footer"},
}


def _article_parts(source_id: str) -> dict[str, list[str]]:
    """Each locator an article's citations may use, with the lines it names."""
    parts: dict[str, list[str]] = {}
    paragraph = 0
    for number, text in enumerate(_article_lines(source_id), 1):
        if not text.strip():
            continue
        label = ARTICLE_STRUCTURE[source_id].get(number)
        if label is None:
            paragraph += 1
            label = f"paragraph {paragraph}"
        parts.setdefault(label, []).append(text)
    return parts


def _article_citations():
    """Every (where, citation) whose source is one of the four articles."""
    for cid, claim in CLAIMS.items():
        if claim.appeared_in and claim.appeared_in.source in ARTICLE_SOURCES:
            yield f"claim {cid} appearance", claim.appeared_in
        for i, item in enumerate(claim.evidence):
            if item.source in ARTICLE_SOURCES:
                yield f"claim {cid} evidence {i}", item
    for eid, entity in ENTITIES.items():
        for i, item in enumerate(entity.citations):
            if item.source in ARTICLE_SOURCES:
                yield f"entity {eid} citation {i}", item


ARTICLE_CITATIONS = list(_article_citations())


# --- the data is there ------------------------------------------------------------------


def test_the_dossier_has_its_records():
    assert len(CLAIMS) >= 30, "the issue expects 30 or more claims"
    assert ENTITIES and SOURCES
    for article in ARTICLE_SOURCES:
        assert any(c.appearance_source == article for c in CLAIMS.values()), (
            f"no claim from article {article}"
        )


def test_every_claim_says_where_it_appeared():
    """The dossier's claims come from articles read in full: "not given by the reviewer" is
    for imported claims whose reviewer did not say, never for these."""
    unplaced = sorted(cid for cid, claim in CLAIMS.items() if claim.appeared_in is None)
    assert not unplaced, f"claims without their appearance: {unplaced}"


@pytest.mark.parametrize("source_id", sorted(ARTICLE_SOURCES))
def test_each_article_source_names_its_local_copy(source_id):
    assert source_id in SOURCES, f"article source {source_id} has no record"
    assert SOURCES[source_id].local_copy == ARTICLE_SOURCES[source_id]


# --- quotes are verbatim ------------------------------------------------------------------


@pytest.mark.parametrize("claim_id", sorted(CLAIMS))
def test_appearance_quote_is_verbatim_in_the_article(claim_id):
    appeared = CLAIMS[claim_id].appeared_in
    assert appeared is not None, f"{claim_id} does not say where it appeared"
    source = SOURCES.get(appeared.source)
    assert source is not None, f"appearance source {appeared.source} does not exist"
    if source.local_copy is None:
        assert appeared.source not in ARTICLE_SOURCES
        return
    text = "\n".join(_article_lines(appeared.source))
    assert _normalise(appeared.quote) in _normalise(text), (
        f"{claim_id}: appearance quote not found in {source.local_copy}: {appeared.quote!r}"
    )


@pytest.mark.parametrize(
    "where, citation", ARTICLE_CITATIONS, ids=[w for w, _ in ARTICLE_CITATIONS]
)
def test_article_quote_stands_in_the_part_its_locator_names(where, citation):
    parts = _article_parts(citation.source)
    assert citation.locator in parts, (
        f"{where}: an article locator names a part of the article a reader can find "
        f"(headline, byline, paragraph N, ...), not {citation.locator!r}"
    )
    assert any(
        _normalise(citation.quote) in _normalise(text) for text in parts[citation.locator]
    ), f"{where}: {citation.quote!r} is not in the {citation.locator} of {citation.source}"


# Statements marked as quotes that appeared in one of the four articles.
QUOTED_STATEMENTS = sorted(
    c
    for c, claim in CLAIMS.items()
    if claim.statement.form == "quote" and claim.appearance_source in ARTICLE_SOURCES
)


@pytest.mark.parametrize("claim_id", QUOTED_STATEMENTS)
def test_quoted_statement_is_verbatim_in_the_article(claim_id):
    claim = CLAIMS[claim_id]
    text = "\n".join(_article_lines(claim.appearance_source))
    assert _normalise(claim.statement.text) in _normalise(text), (
        f"{claim_id}: statement marked as a quote is not verbatim in the article"
    )


VERIFIED_QUOTES = ROOT / "research" / "verified-quotes.yml"
"""Quotes read on stored copies of cited pages after the research notes were written, each
checked against the page by a second editor; the file gives each page's address."""


def _verified_quotes() -> dict[str, str]:
    """Source id → the normalised text of every verified quote from it."""
    if not VERIFIED_QUOTES.is_file():
        return {}
    entries = yaml.load(VERIFIED_QUOTES.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return {
        source_id: _normalise("\n".join(entry["quotes"]))
        for source_id, entry in (entries or {}).items()
    }


def test_verified_quotes_name_a_source_and_the_address_read():
    if not VERIFIED_QUOTES.is_file():
        return
    entries = yaml.load(VERIFIED_QUOTES.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for source_id, entry in (entries or {}).items():
        assert source_id in SOURCES, f"{VERIFIED_QUOTES.name}: no source {source_id!r}"
        assert entry.get("address", "").startswith(("http://", "https://")), source_id
        assert entry.get("verified_on") and entry.get("quotes"), source_id


def test_later_source_quotes_are_verbatim_in_the_research_notes():
    """Quotes from pages read during research must be copied from the research notes (or,
    for pages read since, from the second editor's verified quotes), never reworded: each
    must stand there verbatim (contiguous, after normalising)."""
    if not RESEARCH.is_file():
        message = f"research notes {RESEARCH} not found (set DOSSIER_RESEARCH)"
        if os.environ.get("CI"):
            pytest.fail(message + "; in CI the quotes must be checked, so this is a failure")
        pytest.skip(message)
    notes = _normalise(RESEARCH.read_text(encoding="utf-8"))
    verified = _verified_quotes()
    missing = []
    citations = [
        (f"claim {k}", c)
        for k, cl in CLAIMS.items()
        for c in [*([cl.appeared_in] if cl.appeared_in else []), *cl.evidence]
    ]
    citations += [
        (f"entity {k}", c) for k, e in ENTITIES.items() for c in [*e.citations, *e.developments]
    ]
    for where, citation in citations:
        if citation.source in ARTICLE_SOURCES:
            continue
        quote = _normalise(citation.quote)
        if quote not in notes and quote not in verified.get(citation.source, ""):
            missing.append(f"{where} ({citation.source}): {citation.quote!r}")
    assert not missing, (
        "quotes found neither in the research notes nor among the verified quotes:\n"
        + "\n".join(missing)
    )


# --- ratings rest on evidence -----------------------------------------------------------


@pytest.mark.parametrize("claim_id", sorted(CLAIMS))
def test_every_rated_claim_has_evidence(claim_id):
    claim = CLAIMS[claim_id]
    if claim.rating != NOT_CHECKABLE:
        assert claim.evidence, f"{claim_id} is rated {claim.rating!r} but cites no evidence"


def test_every_cited_source_exists_and_can_be_found():
    problems = []
    for where, citation in _all_citations():
        source = SOURCES.get(citation.source)
        if source is None:
            problems.append(f"{where}: source {citation.source!r} does not exist")
        elif not (source.url or source.citation):
            problems.append(f"{where}: source {citation.source!r} has neither url nor citation")
    assert not problems, "\n".join(problems)


def _all_citations():
    for cid, claim in CLAIMS.items():
        if claim.appeared_in:
            yield f"claim {cid} appearance", claim.appeared_in
        for i, item in enumerate(claim.evidence):
            yield f"claim {cid} evidence {i}", item
    for eid, entity in ENTITIES.items():
        for i, item in enumerate(entity.citations):
            yield f"entity {eid} citation {i}", item
        for i, item in enumerate(entity.developments):
            yield f"entity {eid} development {i}", item


def test_cross_references_name_existing_records():
    problems = []
    for cid, claim in CLAIMS.items():
        for entity_id in [claim.claimant, *claim.relayed_by]:
            if entity_id not in ENTITIES:
                problems.append(f"claim {cid}: entity {entity_id!r} does not exist")
        for other in claim.related:
            if other not in CLAIMS:
                problems.append(f"claim {cid}: related claim {other!r} does not exist")
            elif other == cid:
                problems.append(f"claim {cid}: relates to itself")
    for sid, source in SOURCES.items():
        if source.publisher_entity and source.publisher_entity not in ENTITIES:
            problems.append(f"source {sid}: publisher_entity {source.publisher_entity!r}")
    assert not problems, "\n".join(problems)


# --- dates ---------------------------------------------------------------------------------


def _dates():
    for cid, claim in CLAIMS.items():
        yield f"claim {cid} claimed_on", claim.claimed_on, False
        yield f"claim {cid} reviewed_on", claim.reviewed_on, True
        for i, update in enumerate(claim.updates):
            yield f"claim {cid} update {i}", update.date, True
    for eid, entity in ENTITIES.items():
        for i, development in enumerate(entity.developments):
            yield f"entity {eid} development {i}", development.date, False
    for sid, source in SOURCES.items():
        if source.published_on is not None:
            yield f"source {sid} published_on", source.published_on, False


def test_every_date_is_a_valid_partial_date():
    problems = []
    for where, value, full in _dates():
        try:
            TypeAdapter(FullDate if full else PartialDate).validate_python(value)
        except ValidationError as error:
            problems.append(f"{where}: {error}")
    assert not problems, "\n".join(problems)


def test_entity_developments_are_in_date_order():
    """Oldest first. Partial dates compare at their shared precision, so '2018-10-07' may
    come before '2018-10' (a later event known only to the month)."""
    for eid, entity in ENTITIES.items():
        dates = [d.date for d in entity.developments]
        for earlier, later in zip(dates, dates[1:], strict=False):
            n = min(len(earlier), len(later))
            assert earlier[:n] <= later[:n], (
                f"entity {eid}: {later} comes after {earlier}; developments run oldest first"
            )


# --- the rating scale --------------------------------------------------------------------


def test_every_rating_used_is_defined():
    undefined = {c.rating for c in CLAIMS.values()} - RATING_IDS
    assert not undefined, f"ratings used but not defined in dossier.yml: {sorted(undefined)}"


def test_defined_but_unused_ratings_are_exactly_the_expected_ones():
    used = Counter(c.rating for c in CLAIMS.values())
    unused = RATING_IDS - set(used)
    assert unused == EXPECTED_UNUSED_RATINGS, (
        f"defined but unused: {sorted(unused)}; expected {sorted(EXPECTED_UNUSED_RATINGS)}"
    )


# --- verdicts rest on independent evidence (the re-audit's rules) ----------------------------

NOT_ESTABLISHED = {"unsupported", "disputed", "contradicted", "false"}
"""Ratings that say a claim is not established: what they rate may not be stated as fact."""


def _paragraph_of(citation) -> str:
    """The whole paragraph an article citation stands in, else the citation's quote."""
    if citation.source not in ARTICLE_SOURCES or not ARTICLES.is_dir():
        return citation.quote
    texts = _article_parts(citation.source).get(citation.locator or "", [])
    return " ".join(texts) or citation.quote


def _attributes_to(text: str, name: str) -> bool:
    """Whether `text` gives `name` as where its words come from ("according to X", ...)."""
    n = re.escape(name)
    pattern = (
        rf"according to (?:the )?{n}|{n},? (?:which |who )?(?:first )?(?:reported|said|"
        rf"told|wrote|broke)|(?:told|citing|cited by|reported by) (?:the )?{n}"
    )
    return re.search(pattern, text, re.IGNORECASE) is not None


def _origin(claim) -> set[str]:
    """Every entity the claim's words come from: its claimant, whoever relayed it, the outlet
    it appeared in, and any outlet or person its own paragraph names as its source."""
    appearance = SOURCES[claim.appearance.source]
    origin = {claim.claimant, *claim.relayed_by}
    if appearance.publisher_entity:
        origin.add(appearance.publisher_entity)
    text = _paragraph_of(claim.appearance) + " " + claim.statement.text
    for eid, entity in ENTITIES.items():
        names = [entity.name, *entity.aliases]
        if any(len(name) > 3 and _attributes_to(text, name) for name in names):
            origin.add(eid)
    return origin


def _is_wiki(source_id: str) -> bool:
    """Wikipedia or a copy of it: a summary anyone can edit, context for a reader, never
    the evidence a verdict or a stated fact rests on."""
    return SOURCES[source_id].publisher.casefold().startswith("wikipedia")


def _independent_support(claim) -> list[str]:
    origin = _origin(claim)
    return [
        item.source
        for item in claim.evidence
        if item.stance == "supports"
        and item.source != claim.appearance.source
        and SOURCES[item.source].publisher_entity not in origin
        and not _is_wiki(item.source)
    ]


@pytest.mark.parametrize(
    "claim_id", sorted(c for c, claim in CLAIMS.items() if claim.rating == "confirmed")
)
def test_a_confirmed_claim_has_support_independent_of_its_origin(claim_id):
    claim = CLAIMS[claim_id]
    assert _independent_support(claim), (
        f"{claim_id} is confirmed, but no supporting evidence comes from a source independent"
        f" of {sorted(_origin(claim))} (the claimant, who relayed it, where it appeared and"
        " whom its own words cite) other than Wikipedia"
    )


def test_the_independence_rule_catches_circular_evidence():
    # A claim that cites SpyTalk, "confirmed" by SpyTalk, is not independently confirmed.
    spytalk = next(sid for sid, s in SOURCES.items() if s.publisher_entity == "spytalk")
    claim = next(iter(CLAIMS.values())).model_copy(
        update={
            "statement": Statement(
                text="According to SpyTalk, the minister defected.", form="paraphrase"
            ),
            "evidence": [
                Evidence(source=spytalk, locator="paragraph 1", quote="x", stance="supports")
            ],
        }
    )
    assert "spytalk" in _origin(claim) and _independent_support(claim) == []


def _same_passage(a, b) -> bool:
    return a.source == b.source and (
        _normalise(a.quote) in _normalise(b.quote) or _normalise(b.quote) in _normalise(a.quote)
    )


def test_entity_developments_do_not_state_what_a_claim_leaves_unestablished():
    """A profile's later developments are facts the dossier states in its own voice: none
    may rest on one of the four articles being checked, or on the very passage of a claim the
    dossier rates unsupported or worse."""
    problems = []
    for eid, entity in ENTITIES.items():
        for i, development in enumerate(entity.developments):
            where = f"entity {eid} development {i} ({development.date})"
            if development.source in ARTICLE_SOURCES:
                problems.append(f"{where} cites {development.source}, an article being checked")
            if _is_wiki(development.source):
                problems.append(f"{where} rests on Wikipedia ({development.source})")
            for cid, claim in CLAIMS.items():
                if claim.rating not in NOT_ESTABLISHED:
                    continue
                passages = [claim.appearance] + [
                    e for e in claim.evidence if e.stance == "supports"
                ]
                if any(_same_passage(development, p) for p in passages):
                    problems.append(f"{where} states what {cid} rates {claim.rating}")
    assert not problems, "\n".join(problems)


def test_every_rating_change_names_a_previous_rating_other_than_the_current_one():
    problems = []
    for cid, claim in CLAIMS.items():
        changes = [u for u in claim.updates if u.kind == "rating-change"]
        for update in changes:
            if update.previous_rating not in RATING_IDS:
                problems.append(f"{cid}: previous_rating {update.previous_rating!r} undefined")
        if changes and changes[-1].previous_rating == claim.rating:
            problems.append(
                f"{cid}: the last rating change names the current rating as the previous one"
            )
        dates = [u.date for u in claim.updates]
        if dates != sorted(dates):
            problems.append(f"{cid}: updates are not oldest first")
        if claim.updates and max(dates) > claim.reviewed_on:
            problems.append(
                f"{cid}: an update ({max(dates)}) is later than the last review"
                f" ({claim.reviewed_on})"
            )
    assert not problems, "\n".join(problems)


def test_an_organisation_is_a_claimant_only_where_the_dossier_read_it():
    """A claim is attributed to an outlet or body only if the dossier read something it
    published; words an article says another outlet printed, where that outlet's text was not
    read, are the article's own claim (with the other outlet named in the statement)."""
    published = {s.publisher_entity for s in SOURCES.values() if s.publisher_entity}
    problems = [
        f"{cid}: claimant {claim.claimant!r} is an organisation the dossier never read"
        for cid, claim in CLAIMS.items()
        if ENTITIES[claim.claimant].kind == "organisation" and claim.claimant not in published
    ]
    assert not problems, "\n".join(problems)
