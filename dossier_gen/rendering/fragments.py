"""Fragments of Markdown every page repeats: links to records, rating badges, dates, tables.

They were Jinja macros in `_macros.md.j2`, and calling them was about 40% of rendering: a
macro call builds a frame, a context and a `Markup` for every piece. As Python functions
registered as template globals they cost a fraction. Every value they print goes through
`escape.finalize`, exactly as `{{ value }}` does in a template, so the Markdown is the same
byte for byte and record text stays inert. They read the records from the render's shared
mappings (`claims`, `entities`, ...), so the page cache still sees which records a page read.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from ..records.fields import is_slug
from ..records.ratings import ICONS, RatingScale
from . import urls
from .dates import format_date
from .escape import finalize
from .i18n import N_, SOURCE_LANGUAGE, gettext_for

ROLE_LABELS = {
    "appearance": N_("where the claim appeared"),
    "not-given": N_("reports the claim, not where it appeared"),
    "supports": N_("supporting evidence"),
    "contradicts": N_("contradicting evidence"),
    "context": N_("context"),
    "entity": N_("profile"),
    "development": N_("later development"),
}
"""How a source is used, by role (English; `role_labels` gives them in a language)."""

EVENT_KINDS = {
    "published": N_("published"),
    "claim made": N_("claim made"),
    "development": N_("development"),
    "update": N_("update"),
    "reviewed": N_("reviewed"),
}
UPDATE_KINDS = {
    "correction": N_("correction"),
    "rating-change": N_("rating change"),
    "clarification": N_("clarification"),
    "update": N_("update"),
}
CLAIMS_TABLE_HEAD = (N_("Claim"), N_("Claimant"), N_("Date"), N_("Rating"))


@functools.cache
def role_labels(language: str) -> dict[str, str]:
    _ = gettext_for(language)
    return {role: _(label) for role, label in ROLE_LABELS.items()}


@functools.lru_cache(maxsize=1024)
def _directory(page_path: str) -> str:
    return posixpath.dirname(page_path) or "."


@functools.lru_cache(maxsize=65536)
def _relative_path(target: str, here: str) -> str:
    # relpath makes relative paths absolute through os.getcwd(), a system call: both are
    # paths inside the site, so rooting them at `/` gives the same answer without it.
    return posixpath.relpath("/" + target, "/" + here)


def slug(value: str) -> Markup:
    """An id printed raw, for class names and anchors; ids are validated slugs already."""
    if not is_slug(value):
        raise ValueError(f"{value!r} is not an id")
    return Markup(value)


class PageLinks:
    """The link-making functions of one page, bound to the records the page reads.

    `render.render_page` hands them to each page as template variables: bound methods are
    called directly, where a `pass_context` global inside a loop makes Jinja derive a new
    context for every call. `records` is the render's shared mapping (`claims`,
    `entities`, `sources`, `ratings`), tracked or not.
    """

    def __init__(self, records: Mapping[str, Any], page_path: str) -> None:
        self._claims = records["claims"]
        self._entities = records["entities"]
        self._sources = records["sources"]
        self._ratings = records["ratings"]
        self._here = _directory(page_path)
        self._language: str = records.get("language", SOURCE_LANGUAGE)
        self._ = gettext_for(self._language)

    def _link(self, target: str, anchor: str | None = None) -> str:
        link = _relative_path(target, self._here)
        return f"{link}#{anchor}" if anchor else link

    def url(self, target: str, anchor: str | None = None) -> Markup:
        """Link from this page to `target`, a page path built from ids (slugs)."""
        return Markup(self._link(target, anchor))

    def _claim_link(self, cid: str) -> str:
        return f"[{finalize(self._claims[cid].title)}]({self._link(urls.claim_page(cid))})"

    def _entity_link(self, eid: str) -> str:
        return f"[{finalize(self._entities[eid].name)}]({self._link(urls.entity_page(eid))})"

    def _rating_badge(self, rid: str) -> str:
        icon = finalize(RatingScale.icon(rid))
        label = finalize(self._ratings[rid].label)
        return (
            f'[<span class="dossier-badge__icon" aria-hidden="true">{icon}</span> {label}]'
            f"({self._link(urls.RATINGS, rid)}){{ .dossier-badge .rating-{slug(rid)} }}"
        )

    def claim_link(self, cid: str) -> Markup:
        return Markup(self._claim_link(cid))

    def entity_link(self, eid: str) -> Markup:
        return Markup(self._entity_link(eid))

    def source_link(self, sid: str) -> Markup:
        title = finalize(self._sources[sid].title)
        return Markup(f"[{title}]({self._link(urls.source_page(sid))})")

    def rating_link(self, rid: str) -> Markup:
        label = finalize(self._ratings[rid].label)
        return Markup(f"[{label}]({self._link(urls.RATINGS, rid)})")

    def rating_badge(self, rid: str) -> Markup:
        return Markup(self._rating_badge(rid))

    def claims_table(self, ids: list[str]) -> Markup:
        """A table of claims: claim, claimant, date and rating badge, one row each."""
        head = " | ".join(self._(label) for label in CLAIMS_TABLE_HEAD)
        rows = [f"| {head} |\n| --- | --- | --- | --- |\n"]
        for cid in ids:
            c = self._claims[cid]
            rows.append(
                f"| {self._claim_link(cid)} | {self._entity_link(c.claimant)} "
                f"| {_when(c.claimed_on, self._language)} | {self._rating_badge(c.rating)} |\n"
            )
        return Markup("".join(rows))

    def event_item(self, event: Any) -> Markup:
        """One timeline entry as a list item linking to the page the event belongs to."""
        kind = self._(EVENT_KINDS.get(event.kind, event.kind))
        item = (
            f"- {_when(event.date, self._language)}, **{finalize(kind)}**: "
            f"[{finalize(event.text)}]({self._link(event.page)})"
        )
        if event.detail:
            detail = event.detail
            if event.kind == "update" and detail in UPDATE_KINDS:
                detail = self._(UPDATE_KINDS[detail])
            item += f" ({finalize(detail.replace('-', ' '))})"
        return Markup(item)

    def when(self, value: str) -> Markup:
        """A partial date (`2017`, `2017-10`, `2017-10-05`) as a `<time>` element."""
        return Markup(_when(value, self._language))

    def template_variables(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _BOUND}


_BOUND = (
    "url",
    "claim_link",
    "entity_link",
    "source_link",
    "rating_link",
    "rating_badge",
    "claims_table",
    "event_item",
    "when",
)


def _when(value: str, language: str = SOURCE_LANGUAGE) -> str:
    return f'<time datetime="{finalize(value)}">{finalize(format_date(value, language))}</time>'


def _from_context(name: str) -> Any:
    # The same functions as globals, for a template rendered without the page's variables
    # (such as `_macros.md.j2` imported without context): they read the context instead.
    @jinja2.pass_context
    def call(context: Any, *args: Any) -> Any:
        return getattr(PageLinks(context, context["page_path"]), name)(*args)

    call.__name__ = name
    return call


GLOBALS = {name: _from_context(name) for name in _BOUND} | {
    "RATING_ICONS": ICONS,
    "ROLE_LABELS": ROLE_LABELS,
}
"""Registered as Jinja globals by `render.make_environment`."""
