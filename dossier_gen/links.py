"""The pieces of Markdown every page repeats: links to records, rating badges, dates, tables.

They were Jinja macros in `_macros.md.j2`, and calling them was about 40% of rendering: a
macro call builds a frame, a context and a `Markup` for every piece. As Python functions
registered as template globals they cost a fraction. Every value they print goes through
`escape.finalize`, exactly as `{{ value }}` does in a template, so the Markdown is the same
byte for byte and record text stays inert. They read the records through the template's
context (`claims`, `entities`, ...), so the page cache still sees which records a page read.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Any

import jinja2
from markupsafe import Markup

from .dates import format_date
from .escape import finalize
from .fields import is_slug

# An icon for each rating of the default scale, so a badge never tells ratings apart by
# colour alone; a rating a site adds gets the generic mark, its label still says which.
RATING_ICONS = {"confirmed": "✔", "partly-confirmed": "◑", "unsupported": "?",
                "disputed": "⇄", "contradicted": "✘", "false": "✖", "not-checkable": "∅"}
ROLE_LABELS = {"appearance": "where the claim appeared", "supports": "supporting evidence",
               "contradicts": "contradicting evidence", "context": "context",
               "entity": "profile", "development": "later development"}


@functools.lru_cache(maxsize=1024)
def _directory(page_path: str) -> str:
    return posixpath.dirname(page_path) or "."


@functools.lru_cache(maxsize=65536)
def _relative_path(target: str, here: str) -> str:
    # relpath makes relative paths absolute through os.getcwd(), a system call: both are
    # paths inside the site, so rooting them at `/` gives the same answer without it.
    return posixpath.relpath("/" + target, "/" + here)


def _link(context: Any, target: str, anchor: str | None = None) -> str:
    link = _relative_path(target, _directory(context["page_path"]))
    return f"{link}#{anchor}" if anchor else link


@jinja2.pass_context
def url(context: Any, target: str, anchor: str | None = None) -> Markup:
    """Link from the page being rendered to `target`, a page path built from ids (slugs)."""
    return Markup(_link(context, target, anchor))


def slug(value: str) -> Markup:
    """An id printed raw, for class names and anchors; ids are validated slugs already."""
    if not is_slug(value):
        raise ValueError(f"{value!r} is not an id")
    return Markup(value)


def _claim_link(context: Any, cid: str) -> str:
    return f"[{finalize(context['claims'][cid].title)}]({_link(context, f'claims/{cid}.md')})"


def _entity_link(context: Any, eid: str) -> str:
    return f"[{finalize(context['entities'][eid].name)}]({_link(context, f'entities/{eid}.md')})"


def _rating_badge(context: Any, rid: str) -> str:
    icon = finalize(RATING_ICONS.get(rid, "●"))
    label = finalize(context["ratings"][rid].label)
    return (f'[<span class="dossier-badge__icon" aria-hidden="true">{icon}</span> {label}]'
            f'({_link(context, "ratings.md", rid)}){{ .dossier-badge .rating-{slug(rid)} }}')


def _when(value: str) -> str:
    return f'<time datetime="{finalize(value)}">{finalize(format_date(value))}</time>'


@jinja2.pass_context
def claim_link(context: Any, cid: str) -> Markup:
    return Markup(_claim_link(context, cid))


@jinja2.pass_context
def entity_link(context: Any, eid: str) -> Markup:
    return Markup(_entity_link(context, eid))


@jinja2.pass_context
def source_link(context: Any, sid: str) -> Markup:
    title = finalize(context["sources"][sid].title)
    return Markup(f"[{title}]({_link(context, f'sources/{sid}.md')})")


@jinja2.pass_context
def rating_link(context: Any, rid: str) -> Markup:
    label = finalize(context["ratings"][rid].label)
    return Markup(f"[{label}]({_link(context, 'ratings.md', rid)})")


@jinja2.pass_context
def rating_badge(context: Any, rid: str) -> Markup:
    return Markup(_rating_badge(context, rid))


def when(value: str) -> Markup:
    """A partial date (`2017`, `2017-10`, `2017-10-05`) as a `<time>` element."""
    return Markup(_when(value))


@jinja2.pass_context
def claims_table(context: Any, ids: list[str]) -> Markup:
    """A table of claims: claim, claimant, date and rating badge, one row each."""
    claims = context["claims"]
    rows = ["| Claim | Claimant | Date | Rating |\n| --- | --- | --- | --- |\n"]
    for cid in ids:
        c = claims[cid]
        rows.append(f"| {_claim_link(context, cid)} | {_entity_link(context, c.claimant)} "
                    f"| {_when(c.claimed_on)} | {_rating_badge(context, c.rating)} |\n")
    return Markup("".join(rows))


@jinja2.pass_context
def event_item(context: Any, event: Any) -> Markup:
    """One timeline entry as a list item linking to the page the event belongs to."""
    item = (f"- {_when(event.date)}, **{finalize(event.kind)}**: "
            f"[{finalize(event.text)}]({_link(context, event.page)})")
    if event.detail:
        item += f" ({finalize(event.detail.replace('-', ' '))})"
    return Markup(item)


GLOBALS = {
    "url": url, "claim_link": claim_link, "entity_link": entity_link,
    "source_link": source_link, "rating_link": rating_link, "rating_badge": rating_badge,
    "when": when, "claims_table": claims_table, "event_item": event_item,
    "RATING_ICONS": RATING_ICONS, "ROLE_LABELS": ROLE_LABELS,
}
"""Registered as Jinja globals by `render.make_environment`."""
