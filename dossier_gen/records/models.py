"""The record schema: one pydantic model per kind of YAML file in `data/`.

These models are the single source of truth for what a record may hold. `dossier schema`
writes their JSON Schema for editors, and every field's description below is what an editor
sees when their editor autocompletes it. Cross-references between records (a claim's
claimant, a citation's source) are checked later, in `crossref.py`, once every file is read.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .base import (
    MAX_ALIASES,
    MAX_AUTHORS,
    MAX_CITATIONS,
    MAX_DEVELOPMENTS,
    MAX_EVIDENCE,
    MAX_LINKS,
    MAX_RATINGS,
    MAX_RELATED,
    MAX_RELAYS,
    MAX_TAGS_PER_CLAIM,
    MAX_UPDATES,
    Record,
)
from .fields import (
    FullDate,
    Language,
    PartialDate,
    Prose,
    Quote,
    ShortText,
    Slug,
    Text,
    Title,
    Url,
)
from .ratings import RatingScale, label_key
from .translated import (
    ClaimTranslation,
    DossierTranslation,
    EntityTranslation,
    RatingTranslation,
    SourceTranslation,
)

# --- dossier.yml -------------------------------------------------------------------------


class Rating(Record):
    id: Slug
    """Stable id that claims use in their `rating` field, such as `unsupported`."""
    label: Text
    """Short label readers see on the badge, such as `Unsupported`."""
    definition: Text
    """One paragraph saying when this rating applies."""
    position: int | None = Field(default=None, ge=1)
    """Place on the true-false scale, 1 for the most false; leave out for ratings off the
    scale, such as `not-checkable`."""
    translations: dict[Language, RatingTranslation] = {}
    """The label and definition in the dossier's other languages, by language tag."""


class Publisher(Record):
    name: Text
    """Who publishes the dossier."""
    url: Url
    """The publisher's home page."""
    contact: Text | None = None
    """How readers reach the publisher: an e-mail address or a contact page address."""
    funding: Text | None = None
    """Who funds the dossier and who owns the publisher, in a sentence or two: the IFCN's
    principles ask every fact-checker to say so."""


def _languages_given(values: Any) -> Any:
    # `language` alone (one edition) or `languages` (the first is the default); either one
    # fills in the other, so the rest of the package reads both.
    if not isinstance(values, dict):
        return values
    language, languages = values.get("language"), values.get("languages")
    if languages is None and language is not None:
        return {**values, "languages": [language]}
    if language is None and isinstance(languages, list) and languages:
        return {**values, "language": languages[0]}
    return values


class Dossier(Record):
    title: Text
    """Title of the site."""
    description: Text
    """One or two sentences on what the dossier covers."""
    language: Language
    """Language of the dossier's own text, such as `en`; with `languages`, leave out (it is
    the first of them)."""
    languages: list[Language] = Field(default=[], min_length=1)
    """The languages the dossier is published in, the first being the language its records
    are written in: `[en, zh-Hans]`. Each is a full edition of the site, the first at the
    site's root and each other under its own folder (`/zh/`)."""
    translations: dict[Language, DossierTranslation] = {}
    """The title and description in the dossier's other languages, by language tag."""
    publisher: Publisher
    """Who publishes the dossier (configuration: replace the placeholders)."""
    base_url: Url
    """Address where the site is published, ending in `/`."""
    ratings: list[Rating] = Field(min_length=1, max_length=MAX_RATINGS)
    """The rating scale, in display order."""
    rating_aliases: dict[str, Slug] = {}
    """For `dossier import-claimreview`: other fact-checkers' rating labels mapped to this
    dossier's rating ids, such as `Pants on Fire: false`. Labels match as a person reads
    them: ignoring case and how the characters are encoded (Unicode NFKC); a label with no
    entry here or on the scale is reported, not guessed."""

    _fill_languages = model_validator(mode="before")(_languages_given)

    @model_validator(mode="after")
    def _languages_are_consistent(self) -> Dossier:
        if self.languages[0] != self.language:
            raise ValueError(
                f"language is {self.language!r} but languages starts with {self.languages[0]!r};"
                " the first of languages is the dossier's language: leave language out"
            )
        folded = [tag.casefold() for tag in self.languages]
        if len(set(folded)) != len(folded):
            raise ValueError("languages names a language twice")
        others = set(self.languages[1:])
        for where, translations in [("translations", self.translations)] + [
            (f"rating {r.id!r}", r.translations) for r in self.ratings
        ]:
            for tag in translations:
                if tag not in others:
                    raise ValueError(
                        f"{where} has a translation into {tag!r}, which is not one of the"
                        f" dossier's other languages ({', '.join(sorted(others)) or 'none'})"
                    )
        return self

    @property
    def other_languages(self) -> list[str]:
        """The languages of the editions besides the first."""
        return self.languages[1:]

    @model_validator(mode="after")
    def _scale_is_consistent(self) -> Dossier:
        seen: set[str] = set()
        for rating in self.ratings:
            if rating.id in seen:
                raise ValueError(f"rating id {rating.id!r} is defined twice")
            seen.add(rating.id)
        positions = [r.position for r in self.ratings if r.position is not None]
        if len(positions) != len(set(positions)):
            raise ValueError("two ratings share a position on the scale")
        if positions and sorted(positions) != list(range(1, len(positions) + 1)):
            raise ValueError("scale positions must run 1, 2, 3, ... without gaps")
        read_as: dict[str, tuple[str, str]] = {}
        for label, rating_id in self.rating_aliases.items():
            earlier, earlier_id = read_as.setdefault(label_key(label), (label, rating_id))
            if earlier_id != rating_id:
                raise ValueError(
                    f"rating_aliases maps {label!r} to {rating_id!r} and {earlier!r}, which"
                    f" reads the same, to {earlier_id!r}; keep one of them"
                )
            if rating_id not in seen:
                raise ValueError(
                    f"rating_aliases maps {label!r} to {rating_id!r}, which is"
                    " not a rating id of this dossier"
                )
        return self

    @cached_property
    def scale(self) -> RatingScale[Rating]:
        """The ratings by id, label and alias (built once, on first use)."""
        return RatingScale(self.ratings, self.rating_aliases)

    def rating(self, rating_id: str) -> Rating:
        return self.scale[rating_id]


# --- shared parts ------------------------------------------------------------------------


class Citation(Record):
    source: Slug
    """Id of the source record (a file in `data/sources/`)."""
    locator: Text
    """Where in the source: `paragraph 3`, `line 17`, `headline`, `caption`."""
    quote: Quote
    """The words as they stand in the source, copied verbatim (300 characters at most)."""


class Link(Record):
    label: Text
    """Text of the link."""
    url: Url
    """Address of the link."""


# --- data/claims/<id>.yml ----------------------------------------------------------------


class Statement(Record):
    text: Text
    """The claim as it was made."""
    form: Literal["quote", "paraphrase"]
    """`quote` if `text` is the claimant's own words, `paraphrase` if it is a summary."""


class Evidence(Citation):
    stance: Literal["supports", "contradicts", "context"]
    """What this item does to the claim."""
    note: Text | None = None
    """What the quote shows, in one or two sentences."""


class Update(Record):
    date: FullDate
    """When the update was published."""
    kind: Literal["correction", "rating-change", "clarification", "update"]
    """What sort of change this was."""
    note: Text
    """What changed, and why."""
    previous_rating: Slug | None = None
    """For a `rating-change`: the rating the claim had before."""

    @model_validator(mode="after")
    def _rating_change_names_old_rating(self) -> Update:
        if self.kind == "rating-change" and self.previous_rating is None:
            raise ValueError("a rating-change update needs previous_rating")
        if self.kind != "rating-change" and self.previous_rating is not None:
            raise ValueError("previous_rating belongs only to a rating-change update")
        return self


class AppearanceNotGiven(Record):
    """Where a claim appeared, when the only report of it does not say."""

    not_given_by: Slug
    """Id of the source that reports the claim without saying where it appeared, such as
    the fact-check a claim was imported from. Readers see that the appearance was not given
    by that source; nothing stands in for it."""


def _appearance_form(value: Any) -> str:
    # The field names choose the form, so each form's own messages (a missing locator, an
    # unknown field) reach the editor rather than a list of both forms' errors.
    if isinstance(value, AppearanceNotGiven) or (
        isinstance(value, dict) and "not_given_by" in value
    ):
        return "not-given"
    return "given"


Appearance = Annotated[
    Annotated[Citation, Tag("given")] | Annotated[AppearanceNotGiven, Tag("not-given")],
    Discriminator(_appearance_form),
]
"""Where the claim appeared (a citation), or who reported it without saying where."""


class ImportedFrom(Record):
    """The review an imported claim came from, so a later import finds it again."""

    url: Url
    """The review's `url`."""
    id: Text | None = None
    """The review's `@id`, where it is an address other than its `url`."""
    modified_on: FullDate
    """The review's `dateModified` (or `datePublished`) as last imported; a later one
    updates the claim."""


class Claim(Record):
    title: Title
    """Short neutral title for lists and page headings (120 characters at most)."""
    claim_reviewed: ShortText | None = None
    """The claim in 75 characters or fewer, without the verdict, for fact-check search tools
    (ClaimReview's `claimReviewed`). Leave out to use the title when it fits, or the title cut
    at a word."""
    statement: Statement
    """The claim as stated."""
    claimant: Slug
    """Id of the entity who made the claim."""
    relayed_by: list[Slug] = Field(default=[], max_length=MAX_RELAYS)
    """Ids of the entities the claim passed through before it reached the reader, nearest the
    claimant first, such as a reporter and then the outlet that quoted them."""
    claimed_on: PartialDate
    """When the claim was made: `2017`, `2017-10` or `2017-10-05`."""
    appearance: Appearance
    """Where the claim appeared: the source, the place in it and its words; or, when the
    only report of the claim does not say, `not_given_by` and the id of that report."""
    rating: Slug
    """Id of a rating in `data/dossier.yml`."""
    summary: Text
    """The verdict in one paragraph: what is known and what is not."""
    conclusion: Text | None = Field(default=None, max_length=200)
    """The finding in one short sentence, shown under the verdict at the top of the page and
    on link-preview cards. Leave out to use the summary's first sentence."""
    analysis: Prose
    """The reasoning, in Markdown."""
    evidence: list[Evidence] = Field(default=[], max_length=MAX_EVIDENCE)
    """Evidence items the rating rests on."""
    tags: list[Slug] = Field(default=[], max_length=MAX_TAGS_PER_CLAIM)
    """Topics, such as `espionage`."""
    related: list[Slug] = Field(default=[], max_length=MAX_RELATED)
    """Ids of related claims."""
    reviewed_on: FullDate
    """When the claim was last reviewed."""
    updates: list[Update] = Field(default=[], max_length=MAX_UPDATES)
    """Dated corrections, clarifications and rating changes, oldest first."""
    imported_from: ImportedFrom | None = None
    """Written by `dossier import-claimreview`: the review the claim was imported from."""
    translations: dict[Language, ClaimTranslation] = {}
    """What readers read of the claim in the dossier's other languages, by language tag,
    such as `zh-Hans`. Quotes stay as they were said; a translation of one is shown beside
    it."""

    @property
    def appeared_in(self) -> Citation | None:
        """The appearance when it is given; None when the report of the claim does not say."""
        return self.appearance if isinstance(self.appearance, Citation) else None

    @property
    def appearance_source(self) -> str:
        """The source the appearance names: where the claim appeared, or the report that
        does not say where."""
        appearance = self.appearance
        return appearance.source if isinstance(appearance, Citation) else appearance.not_given_by


# --- data/entities/<id>.yml --------------------------------------------------------------


class Development(Citation):
    date: PartialDate
    """When it happened."""
    text: Text
    """What happened, in one neutral sentence."""


class EntityUpdate(Record):
    date: FullDate
    """When the update was published."""
    kind: Literal["correction", "clarification", "update"]
    """What sort of change this was (a profile has no rating to change)."""
    note: Text
    """What changed, and why."""


class Entity(Record):
    kind: Literal["person", "organisation", "unnamed"]
    """`unnamed` is for anonymous sources, such as "a US official"."""
    name: Text
    """Name in English as readers know it."""
    native_name: Text | None = None
    """Name in its own script, such as 郭文贵, as a cited source gives it."""
    aliases: list[Text] = Field(default=[], max_length=MAX_ALIASES)
    """Other names and spellings."""
    description: Text
    """Role or description, as the sources describe it."""
    citations: list[Citation] = Field(default=[], max_length=MAX_CITATIONS)
    """Sources for the name, native name, aliases and description."""
    links: list[Link] = Field(default=[], max_length=MAX_LINKS)
    """Further reading."""
    developments: list[Development] = Field(default=[], max_length=MAX_DEVELOPMENTS)
    """Dated later developments, each with its source, oldest first."""
    updates: list[EntityUpdate] = Field(default=[], max_length=MAX_UPDATES)
    """Dated corrections and clarifications of this profile once published, oldest first;
    they are shown on its page and in the corrections log."""
    translations: dict[Language, EntityTranslation] = {}
    """The description in the dossier's other languages, by language tag."""

    @model_validator(mode="after")
    def _only_descriptions_are_translated(self) -> Entity:
        for language, translated in self.translations.items():
            if translated.name is not None and self.kind != "unnamed":
                raise ValueError(
                    f"the {language} translation gives a name, but a {self.kind}'s name is not"
                    " translated (only an unnamed source's description is); put a name in its"
                    " own script in native_name, as a cited source gives it"
                )
        return self


# --- data/sources/<id>.yml ---------------------------------------------------------------

SourceKind = Literal[
    "news-report",
    "opinion-piece",
    "official-statement",
    "social-media-post",
    "court-record",
    "document",
    "reference-work",
    "blog-post",
    "forum-post",
    "newsletter",
    "other",
]


class Source(Record):
    title: Text
    """Title as published."""
    publisher: Text
    """The original outlet, even where the text was read on a mirror or reprint."""
    publisher_entity: Slug | None = None
    """Id of the publisher's entity record, where it has one."""
    authors: list[Text] = Field(default=[], max_length=MAX_AUTHORS)
    """Bylines as printed; leave empty when none is visible."""
    published_on: PartialDate | None = None
    """Publication date, as precise as known."""
    date_inferred: Text | None = None
    """How the publication date was inferred, when the source does not state it."""
    url: Url | None = None
    """Address where the text was read (a mirror or reprint says so in `notes`)."""
    archived_url: Url | None = None
    """Address of an archived copy."""
    citation: Text | None = None
    """Bibliographic citation, for a source with no address."""
    language: Language
    """Language of the text read."""
    kind: SourceKind
    """What sort of source this is."""
    reliability: Text | None = None
    """Notes on reliability and orientation, neutrally worded."""
    notes: Text | None = None
    """Anything else a reader should know: mirrors, translations, what was not read."""
    local_copy: Text | None = None
    """File name of the copy reviewed, in the project's article folder, if there is one."""
    translations: dict[Language, SourceTranslation] = {}
    """The title in translation and the notes, in the dossier's other languages."""

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if self.url is None and self.citation is None:
            raise ValueError("a source needs a url or a citation, so readers can find it")
        return self
