"""The records as one edition shows them: translated where a translation exists, and
otherwise in the dossier's own language, marked as such.

Templates read records through these views exactly as they read the records themselves,
so a template needs no branch for a language: a translated field is plain text, an
untranslated one is `escape.Foreign` text (printed with its `lang`), and words as a source
wrote them (quotes, a source's title) stay as written, with the dossier's translation beside
them when it has one. Names are never translated (`native_name` holds a name in its own
script where a source gives it).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..loading.catalog import Catalog
from ..records.models import Claim, Dossier, Entity, Rating, Source
from ..records.translations import Status, status
from .escape import Foreign, has_han
from .i18n import N_, babel_locale, gettext_for
from .timeline import Event

TRANSLATION_LABEL = N_("The dossier's translation: ")
"""Shown before the dossier's translation of a quote or a title, beside the original."""


def same_language(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


@dataclass(frozen=True)
class Edition:
    """One language's edition of a dossier."""

    language: str
    """Its BCP 47 tag, as `languages` in `dossier.yml` gives it."""
    original: str
    """The dossier's first language, which its records are written in."""

    @property
    def is_original(self) -> bool:
        return same_language(self.language, self.original)

    @property
    def gettext(self) -> Callable[[str], str]:
        return gettext_for(self.language)

    def language_name(self, language: str) -> str:
        """The name of `language` in this edition's language: `英语` for `en` in `zh-Hans`."""
        locale = babel_locale(self.language)
        return babel_locale(language).get_display_name(locale) or language

    def text(self, original: str | None, translated: str | None = None) -> Any:
        """The dossier's own text of a field: its translation, else the original marked as
        being in the dossier's first language."""
        if original is None or self.is_original:
            return original
        return translated if translated else Foreign(original, self.original)

    def verbatim(self, original: str, language: str, translated: str | None = None) -> Any:
        """Words as a source wrote them, in `language`: shown as written, marked with their
        language when it is not the page's, with the dossier's translation beside them."""
        other = None if same_language(language, self.language) else language
        translation = None if self.is_original else translated
        if other is None and translation is None:
            return original
        return Foreign(original, other, translation, self.gettext(TRANSLATION_LABEL))


def editions(dossier: Dossier) -> list[Edition]:
    return [Edition(language, dossier.language) for language in dossier.languages]


def _rating(edition: Edition, rating: Rating) -> Rating:
    t = rating.translations.get(edition.language)
    return rating.model_copy(
        update={
            "label": edition.text(rating.label, t.label if t else None),
            "definition": edition.text(rating.definition, t.definition if t else None),
        }
    )


def _dossier(edition: Edition, dossier: Dossier) -> Dossier:
    t = dossier.translations.get(edition.language)
    return dossier.model_copy(
        update={
            "title": edition.text(dossier.title, t.title if t else None),
            "description": edition.text(dossier.description, t.description if t else None),
            "ratings": [_rating(edition, r) for r in dossier.ratings],
        }
    )


def _nth(items: Sequence[Any] | None, n: int, field: str) -> str | None:
    """`field` of the `n`th item of a translation's list, if it has that many."""
    return getattr(items[n], field) if items and n < len(items) else None


def _claim(edition: Edition, claim: Claim, sources: Mapping[str, Source]) -> Claim:
    t = claim.translations.get(edition.language)
    said_in = sources[claim.appearance_source].language
    update: dict[str, Any] = {
        "title": edition.text(claim.title, t.title if t else None),
        "summary": edition.text(claim.summary, t.summary if t else None),
        "conclusion": edition.text(claim.conclusion, t.conclusion if t else None),
        "analysis": edition.text(claim.analysis, t.analysis if t else None),
        "updates": [
            u.model_copy(
                update={"note": edition.text(u.note, _nth(t.updates if t else None, n, "note"))}
            )
            for n, u in enumerate(claim.updates)
        ],
    }
    statement = claim.statement
    if statement.form == "quote":
        text = edition.verbatim(statement.text, said_in, t.statement if t else None)
    else:
        text = edition.text(statement.text, t.statement if t else None)
    update["statement"] = statement.model_copy(update={"text": text})
    if appeared := claim.appeared_in:
        quote = edition.verbatim(appeared.quote, said_in, t.appearance_quote if t else None)
        update["appearance"] = appeared.model_copy(update={"quote": quote})
    evidence = []
    for n, item in enumerate(claim.evidence):
        given = t.evidence[n] if t and n < len(t.evidence) else None
        language = sources[item.source].language
        evidence.append(
            item.model_copy(
                update={
                    "quote": edition.verbatim(item.quote, language, given.quote if given else None),
                    "note": edition.text(item.note, given.note if given else None),
                }
            )
        )
    update["evidence"] = evidence
    return claim.model_copy(update=update)


def entity_name(entity: Entity, language: str) -> str:
    """The name an edition in `language` shows: in the Chinese edition the name in
    characters (`native_name`, as a cited source gives it) where there is one; an unnamed
    source's description in translation; else the name as the records write it."""
    t = entity.translations.get(language)
    if entity.kind == "unnamed" and t is not None and t.name:
        return t.name
    native = entity.native_name
    if native and language.split("-")[0].casefold() == "zh" and has_han(native):
        return native
    return entity.name


def _entity(edition: Edition, entity: Entity, sources: Mapping[str, Source]) -> Entity:
    t = entity.translations.get(edition.language)
    name = entity_name(entity, edition.language)
    if name == entity.name and entity.kind == "unnamed":
        name = edition.text(entity.name)  # the dossier's own words, not translated yet
    # Where the name in characters leads, the romanised one follows it (entities index).
    other = entity.name if name == entity.native_name else entity.native_name
    return entity.model_copy(
        update={
            "name": name,
            "native_name": other,
            "description": edition.text(entity.description, t.description if t else None),
            "citations": [
                c.model_copy(
                    update={"quote": edition.verbatim(c.quote, sources[c.source].language)}
                )
                for c in entity.citations
            ],
            "developments": [
                d.model_copy(
                    update={
                        "text": edition.text(
                            d.text, _nth(t.developments if t else None, n, "text")
                        ),
                        "quote": edition.verbatim(d.quote, sources[d.source].language),
                    }
                )
                for n, d in enumerate(entity.developments)
            ],
            "updates": [
                u.model_copy(
                    update={"note": edition.text(u.note, _nth(t.updates if t else None, n, "note"))}
                )
                for n, u in enumerate(entity.updates)
            ],
        }
    )


def published_title(source: Source) -> bool:
    """Whether `source.title` is the title as published, in the source's language, rather
    than the dossier's own description of an untitled page. Told apart by script, which
    only Chinese allows: a Chinese source's title with no Chinese in it is the dossier's."""
    return not (source.language.split("-")[0].casefold() == "zh" and not has_han(source.title))


def localized_source(edition: Edition, source: Source) -> Source:
    t = source.translations.get(edition.language)
    translated = t.title if t else None
    if published_title(source):
        title = edition.verbatim(source.title, source.language, translated)
    else:
        title = edition.text(source.title, translated)
    return source.model_copy(
        update={
            "title": title,
            "reliability": edition.text(source.reliability, t.reliability if t else None),
            "notes": edition.text(source.notes, t.notes if t else None),
            "date_inferred": edition.text(source.date_inferred),
        }
    )


@dataclass(frozen=True)
class Views:
    """What the templates of one edition read: the dossier and every record, localized."""

    dossier: Dossier
    claims: dict[str, Claim]
    entities: dict[str, Entity]
    sources: dict[str, Source]


def localized(catalog: Catalog, edition: Edition) -> Views:
    """Every record as `edition` shows it. The original edition shows the records as they
    are (its pages mark Chinese in them as they are rendered: `escape.md_text`), so a
    dossier in one language pays nothing for this."""
    sources = {sid: rec.model for sid, rec in catalog.sources.items()}
    if edition.is_original:
        return Views(
            dossier=catalog.dossier.model,
            claims={cid: rec.model for cid, rec in catalog.claims.items()},
            entities={eid: rec.model for eid, rec in catalog.entities.items()},
            sources=sources,
        )
    return Views(
        dossier=_dossier(edition, catalog.dossier.model),
        claims={cid: _claim(edition, rec.model, sources) for cid, rec in catalog.claims.items()},
        entities={
            eid: _entity(edition, rec.model, sources) for eid, rec in catalog.entities.items()
        },
        sources={sid: localized_source(edition, model) for sid, model in sources.items()},
    )


def localized_events(events: list[Event], views: Views, edition: Edition) -> list[Event]:
    """Timeline events with each record's text as the edition shows it."""
    if edition.is_original:
        return events
    out = []
    for event in events:
        folder, _, rest = event.page.partition("/")
        record_id = rest.removesuffix(".md")
        text: Any = event.text
        if event.kind == "claim made" and record_id in views.claims:
            text = views.claims[record_id].title
        elif event.kind == "published" and record_id in views.sources:
            text = views.sources[record_id].title
        elif event.kind == "reviewed":
            text = edition.gettext(event.text)
        else:
            text = edition.text(event.text)
        out.append(Event(event.date, event.kind, text, event.page, event.detail))
    return out


UNTRANSLATED_TITLE = N_("Not yet translated")
UNTRANSLATED = N_(
    "This page has not been translated into %(language)s yet. It is shown in %(original)s,"
    " as it was written."
)
OUT_OF_DATE_TITLE = N_("Translation out of date")
OUT_OF_DATE = N_(
    "The %(original)s text of this page has changed since it was translated. The"
    " %(original)s edition has the current text."
)


def _notice_words(edition: Edition, state: Status | str) -> tuple[str, str] | None:
    """The title and text of the notice a page of `edition` shows when its text is not (or
    no longer) a translation of the original; None for a current translation."""
    if edition.is_original or state == "current":
        return None
    names = {
        "language": edition.language_name(edition.language),
        "original": edition.language_name(edition.original),
    }
    if state == "out-of-date":
        return edition.gettext(OUT_OF_DATE_TITLE), edition.gettext(OUT_OF_DATE) % names
    return edition.gettext(UNTRANSLATED_TITLE), edition.gettext(UNTRANSLATED) % names


def notice(edition: Edition, state: Status | str) -> str:
    """The notice as a Markdown admonition, or nothing for a current translation."""
    words = _notice_words(edition, state)
    if words is None:
        return ""
    title, body = words
    # Catalog text, not record text: still, quotes in the title would end the admonition's.
    title = title.replace('"', "”")
    return f'!!! dossier-untranslated "{title}"\n\n    {body}\n\n'


def with_notice(markdown: str, note: str, after_top: bool = False) -> str:
    """`markdown` with `note` just below its first heading (the page's title stays its first
    element, which MkDocs reads the title from), or at its top when it has none. With
    `after_top`, it goes after the page's top instead, before its first section: a claim's
    first screen keeps the claim and the verdict, which the notice would push down."""
    if not note:
        return markdown
    lines = markdown.splitlines(keepends=True)
    if after_top:
        for n, line in enumerate(lines):
            if line.startswith("## "):
                return "".join([*lines[:n], note, *lines[n:]])
    for n, line in enumerate(lines):
        if line.startswith("# "):
            return "".join([*lines[: n + 1], "\n", note, *lines[n + 1 :]])
    return note + markdown


def record_status(record: Claim | Entity | Source, edition: Edition) -> Status:
    return "current" if edition.is_original else status(record, edition.language)


def notice_html(edition: Edition, state: Status | str) -> str:
    """The same notice as HTML, for a hand-written page whose HTML is already made: as
    mkdocs-material draws an admonition."""
    words = _notice_words(edition, state)
    if words is None:
        return ""
    title, body = words
    return (
        '<div class="admonition dossier-untranslated">'
        f'<p class="admonition-title">{html.escape(title)}</p><p>{html.escape(body)}</p></div>'
    )
