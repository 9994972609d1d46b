"""Build schema.org JSON-LD from the catalog: one ClaimReview per claim, and the publisher.

These are plain dicts, ready for `json.dumps` (or `escape.json_for_html` inside a page). They
follow Google's ClaimReview profile, which Fact Check Explorer, Data Commons, Duke's dataset
and Meedan Check still read, though Google Search stopped showing the rich result in 2025;
`tests/test_claimreview.py` checks the rules that the Rich Results Test no longer checks.

Decisions, documented on the Open data page:
- A rating with a `position` on the scale emits `ratingValue` (its position), `bestRating`
  (the top position) and `worstRating` (1). A rating off the scale, such as
  `not-checkable`, emits its label only (`alternateName` and `name`): a number would place
  it on a true-false scale it is not on.
- Partial dates (`2017`, `2017-10`) are emitted as written: schema.org Date text is ISO 8601,
  whose reduced-precision forms they are.
- In a dossier of several languages, a claim translated into another language has a
  ClaimReview in that edition too: its own `url` (the edition's page), `@id` (that url and
  `#claimreview`, the same family as the original's), `inLanguage`, the translated text,
  and `translationOfWork` naming the original review. An untranslated claim's page in
  another edition carries the original review, unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..loading.catalog import EachClaim, each_claim
from ..rendering import urls
from ..rendering.escape import clean
from ..rendering.urls import claim_url

if TYPE_CHECKING:
    from ..loading.catalog import Catalog
    from ..records.models import Claim, Dossier, Entity, Source

CONTEXT = "https://schema.org"
REVIEW_FRAGMENT = "#claimreview"
"""A review's `@id` is its page's address and this: each edition's review has its own."""
CLAIM_REVIEWED_MAX = 75
"""Google asks for `claimReviewed` under 75 characters, so it fits a phone's line."""

ENTITY_TYPES = {"person": "Person", "organisation": "Organization", "unnamed": "Person"}
"""An unnamed source ("a US official") is nearly always a person; its name is the
description the article gives."""

POLICY_PAGES = {
    "publishingPrinciples": urls.METHODOLOGY,
    "correctionsPolicy": urls.CORRECTIONS,
    "verificationFactCheckingPolicy": urls.METHODOLOGY,
    "masthead": urls.ABOUT,
}
"""schema.org's transparency properties → the page path of the site's page that states each
policy."""


def short_claim(claim: Claim, language: str | None = None) -> str:
    """`claimReviewed`: the editor's `claim_reviewed`, else the title or the statement,
    whichever fits in 75 characters; else the title cut at a word boundary. None of these
    fields holds the verdict. With `language`, the claim's translation into it (whose
    statement is the dossier's words, a quote's translation included)."""
    t = claim.translations.get(language) if language else None
    if t is not None:
        claim = claim.model_copy(
            update={
                "claim_reviewed": t.claim_reviewed,
                "title": t.title,
                "statement": claim.statement.model_copy(update={"text": t.statement or t.title}),
            }
        )
    for text in (
        clean(claim.claim_reviewed or ""),
        clean(claim.title),
        clean(claim.statement.text),
    ):
        if text and len(text) <= CLAIM_REVIEWED_MAX:
            return text
    text = clean(claim.title)
    cut = text[: CLAIM_REVIEWED_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def organization(dossier: Dossier) -> dict[str, Any]:
    """The publisher as the author of every review (no policy links: those are on the home
    page's copy, so each review stays small)."""
    org: dict[str, Any] = {
        "@type": "Organization",
        "name": dossier.publisher.name,
        "url": dossier.publisher.url,
    }
    return org


def publisher_jsonld(
    dossier: Dossier, site_pages: set[str], language: str | None = None
) -> dict[str, Any]:
    """The home page's Organization, with the policy pages the site has (in the edition of
    `language`, by default the dossier's own)."""
    org = {"@context": CONTEXT, **organization(dossier)}
    for prop, page in POLICY_PAGES.items():
        if page in site_pages:
            org[prop] = urls.page_url(urls.edition_base_url(dossier, language), page)
    if dossier.publisher.contact:
        org["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "editorial",
            "description": dossier.publisher.contact,
        }
    return org


def _person_or_org(entity: Entity) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": ENTITY_TYPES[entity.kind], "name": entity.name}
    other = [n for n in (entity.native_name, *entity.aliases) if n]
    if other:
        node["alternateName"] = other
    return node


def creative_work(source: Source) -> dict[str, Any]:
    """A source as the CreativeWork a claim appeared in."""
    node: dict[str, Any] = {"@type": "CreativeWork"}
    if source.url:
        node["url"] = source.url
    node["name"] = source.title
    if source.published_on:
        node["datePublished"] = source.published_on
    node["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.authors:
        node["author"] = [{"@type": "Person", "name": a} for a in source.authors]
    if source.archived_url:
        node["archivedAt"] = source.archived_url
    if source.citation:
        node["citation"] = source.citation
    node["inLanguage"] = source.language
    return node


def rating_label(dossier: Dossier, rating_id: str, language: str | None = None) -> str:
    """A rating's label in `language` when the dossier has it translated, else its own."""
    rating = dossier.scale[rating_id]
    t = rating.translations.get(language) if language else None
    return t.label if t else rating.label


def rating_jsonld(
    dossier: Dossier, rating_id: str, explanation: str, language: str | None = None
) -> dict[str, Any]:
    rating = dossier.scale[rating_id]
    label = rating_label(dossier, rating_id, language)
    node: dict[str, Any] = {"@type": "Rating", "alternateName": label, "name": label}
    if rating.position is not None:
        node.update(ratingValue=rating.position, bestRating=dossier.scale.top, worstRating=1)
    node["ratingExplanation"] = explanation
    return node


def last_modified(claim: Claim) -> str | None:
    """The date of the latest update, when it is later than the review."""
    latest = max((u.date for u in claim.updates), default=None)
    return latest if latest is not None and latest > claim.reviewed_on else None


def claim_review(catalog: Catalog, claim_id: str, language: str | None = None) -> dict[str, Any]:
    """The ClaimReview of one claim, for its page's head and the open-data feed: in the
    dossier's own language, or in `language` when the claim is translated into it."""
    dossier = catalog.dossier.model
    claim = catalog.claims[claim_id].model
    t = claim.translations.get(language) if language else None
    if t is None:
        language = None
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _person_or_org(catalog.entities[claim.claimant].model),
        "datePublished": claim.claimed_on,
    }
    # An appearance the report did not give is left out: pointing at the report instead
    # would tell consumers the claim was made there.
    if appeared := claim.appeared_in:
        appearance = creative_work(catalog.sources[appeared.source].model)
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    if claim.statement.form == "quote":
        item["text"] = claim.statement.text
    url = claim_url(dossier, claim_id, language)
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": url + REVIEW_FRAGMENT,
        "url": url,
        "claimReviewed": short_claim(claim, language),
        "headline": t.title if t else claim.title,
        "inLanguage": language or dossier.language,
        "author": organization(dossier),
        "datePublished": claim.reviewed_on,
    }
    modified = last_modified(claim)
    if modified:
        review["dateModified"] = modified
    summary = t.summary if t else claim.summary
    review["reviewRating"] = rating_jsonld(dossier, claim.rating, summary, language)
    review["itemReviewed"] = item
    if t is not None:
        review["translationOfWork"] = {"@id": claim_url(dossier, claim_id) + REVIEW_FRAGMENT}
    if claim.tags:
        review["keywords"] = ", ".join(claim.tags)
    corrections = [u for u in claim.updates if u.kind in ("correction", "rating-change")]
    if corrections:
        review["correction"] = [
            {"@type": "CorrectionComment", "datePublished": u.date, "text": u.note}
            for u in corrections
        ]
    return review


def all_claim_reviews(
    catalog: Catalog, language: str | None = None, each: EachClaim = each_claim
) -> dict[str, dict[str, Any]]:
    """Claim id → its ClaimReview as the edition in `language` publishes it (by default, the
    dossier's own language), sorted by id. The reviews are shared (a preview keeps them
    between rebuilds): read them, do not change them."""
    return each(claim_review, catalog, language)


def translated_reviews(catalog: Catalog) -> list[tuple[str, dict[str, Any]]]:
    """The ClaimReview of every translated claim in each of the dossier's other languages,
    with its claim id, by language, then claim id (for the open-data feed, beside the
    original reviews)."""
    return [
        (cid, claim_review(catalog, cid, language))
        for language in catalog.dossier.model.other_languages
        for cid in sorted(catalog.claims)
        if language in catalog.claims[cid].model.translations
    ]
