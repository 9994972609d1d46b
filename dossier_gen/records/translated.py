"""The models of records' translations: what each kind of record may say in another of
the dossier's languages (`translations` in a record, keyed by language tag).

The records' own models are in `models.py`; what a translation covers and whether it is
current is worked out in `translations.py`.
"""

from __future__ import annotations

from pydantic import Field

from .base import MAX_DEVELOPMENTS, MAX_EVIDENCE, MAX_UPDATES, Record
from .fields import Digest, FullDate, Prose, Quote, ShortText, Text, Title


class Translation(Record):
    """What every translation says about itself: when it was made, and from which text.

    A record's `translations` map a language of the dossier (one of `languages` in
    `dossier.yml`, not the first) to the record's reader-facing text in that language.
    Anything left out is shown in the dossier's first language, marked as not yet translated.
    """

    translated_on: FullDate
    """When the translation was made or last brought up to date."""
    original_digest: Digest | None = None
    """Fingerprint of the original text this translation was made from. `dossier validate`
    prints the value to write here, and warns once the original text changes (the
    translation is then out of date until it is updated and this value with it)."""


class RatingTranslation(Translation):
    label: Text
    """The rating's label in this language, used everywhere the rating is shown."""
    definition: Text | None = None
    """When the rating applies, in this language."""


class DossierTranslation(Translation):
    title: Text | None = None
    """The site's title in this language."""
    description: Text | None = None
    """What the dossier covers, in this language."""


class EvidenceTranslation(Record):
    quote: Quote | None = None
    """The dossier's translation of the item's quote, shown beside the original words (a
    quote is never replaced by a translation)."""
    note: Text | None = None
    """The item's note in this language."""


class UpdateTranslation(Record):
    note: Text
    """What changed, and why, in this language (the date and kind are the original's)."""


class ClaimTranslation(Translation):
    title: Title
    """The claim's title in this language."""
    claim_reviewed: ShortText | None = None
    """`claim_reviewed` in this language (75 characters or fewer), for this edition's
    ClaimReview."""
    statement: Text | None = None
    """The statement in this language. A paraphrase is replaced by it; a quote is shown as
    it was said, with this beside it marked as the dossier's translation."""
    summary: Text
    """The verdict in one paragraph, in this language."""
    conclusion: Text | None = Field(default=None, max_length=200)
    """The finding in one short sentence, in this language."""
    analysis: Prose | None = None
    """The reasoning in this language, in Markdown."""
    appearance_quote: Quote | None = None
    """The dossier's translation of the appearance's quote, shown beside the original."""
    evidence: list[EvidenceTranslation] = Field(default=[], max_length=MAX_EVIDENCE)
    """The evidence items' notes and quote translations, in the order of `evidence`."""
    updates: list[UpdateTranslation] = Field(default=[], max_length=MAX_UPDATES)
    """The updates' notes in this language, in the order of `updates`."""


class DevelopmentTranslation(Record):
    text: Text
    """What happened, in this language."""


class EntityTranslation(Translation):
    name: Text | None = None
    """Only for an `unnamed` source, whose `name` is the dossier's own description ("A US
    official (unnamed)"): that description in this language. Names are not translated:
    `native_name` holds a name in its own script, as a cited source gives it."""
    description: Text
    """The role or description in this language."""
    developments: list[DevelopmentTranslation] = Field(default=[], max_length=MAX_DEVELOPMENTS)
    """The developments' text in this language, in the order of `developments`."""
    updates: list[UpdateTranslation] = Field(default=[], max_length=MAX_UPDATES)
    """The updates' notes in this language, in the order of `updates`."""


class SourceTranslation(Translation):
    title: Text | None = None
    """The dossier's translation of the title, shown beside the title as published."""
    reliability: Text | None = None
    """The notes on reliability in this language."""
    notes: Text | None = None
    """The other notes in this language."""
