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
from . import urls, wording
from .dates import format_date
from .escape import attr, finalize
from .i18n import N_, SOURCE_LANGUAGE, gettext_for

EVENT_WORDS = {
    "published": N_("published"),
    "claim made": N_("claim made"),
    "development": N_("later development"),
    "update": N_("update"),
    "reviewed": N_("reviewed"),
}
"""What each kind of timeline event is called on the page."""

ROLE_LABELS = {
    "appearance": N_("where the claim appeared"),
    "not-given": N_("the report of the claim, which does not say where it appeared"),
    "supports": N_("supporting evidence"),
    "contradicts": N_("contradicting evidence"),
    "context": N_("context"),
    "entity": N_("profile"),
    "development": N_("later development"),
}
"""How a source is used, by role (English; `role_labels` gives them in a language)."""

UPDATE_KINDS = {
    "correction": N_("correction"),
    "rating-change": N_("rating change"),
    "clarification": N_("clarification"),
    "update": N_("update"),
}
CITED_AS = N_("Cited as %(roles)s")
CLAIMS_TABLE_HEADS = {
    "verdict": N_("Verdict"),
    "claim": N_("Claim"),
    "claimant": N_("Claimed by"),
    "date": N_("Date"),
}
"""The claims table's column heads."""
LABELLED = N_("%(label)s: %(value)s")
"""A label and what it labels, as a timeline entry or a count shows them (`：` in Chinese)."""
QUALIFIED = N_("%(label)s (%(detail)s)")
"""A label with a detail in brackets, such as an update's kind (`（）` in Chinese)."""


class KeptRows:
    """Rows of claims tables by page and claim, with the records each shows: a preview's,
    kept between its renders (`speed.cache.PageCache` hands it to pages as `kept_rows`).

    After an edit to one claim, a preview renders the claims list, the lists by rating and
    by claimant, and the pages of its claimant and sources again: thousands of rows at
    1,000 claims, all but a few as before. A one-shot build prints each row once and keeps
    none."""

    def __init__(self) -> None:
        self.rows: dict[tuple[Any, ...], tuple[Any, Any, Any, Any, str]] = {}


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


@functools.lru_cache(maxsize=65536)
def _relative_address(target_dir: str, here_dir: str) -> str:
    link = posixpath.relpath("/" + target_dir, "/" + here_dir)
    return "./" if link == "." else link + "/"


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
        self._page = page_path
        self._here = _directory(page_path)
        self._served = urls.page_dir(page_path)
        self._language: str = records.get("language", SOURCE_LANGUAGE)
        self._ = gettext_for(self._language)
        kept = records.get("kept_rows")
        self._rows = kept.rows if isinstance(kept, KeptRows) else None

    def _link(self, target: str, anchor: str | None = None) -> str:
        link = _relative_path(target, self._here)
        return f"{link}#{anchor}" if anchor else link

    def url(self, target: str, anchor: str | None = None) -> Markup:
        """Link from this page to `target`, a page path built from ids (slugs)."""
        return Markup(self._link(target, anchor))

    def _href(self, target: str, anchor: str | None = None) -> str:
        # Raw HTML is left alone by the engine, so its links are the served addresses
        # (directory URLs), not page paths the engine would rewrite.
        link = _relative_address(urls.page_dir(target), self._served)
        return f"{link}#{anchor}" if anchor else link

    def href(self, target: str, anchor: str | None = None) -> Markup:
        """The address of page `target` from this page, for a link in raw HTML."""
        return Markup(self._href(target, anchor))

    def _badge_html(self, rid: str, tag: str = "a") -> str:
        icon = finalize(RatingScale.icon(rid))
        label = finalize(self._ratings[rid].label)
        inner = f'<span class="dossier-badge__icon" aria-hidden="true">{icon}</span> {label}'
        if tag == "a":
            href = self._href(urls.RATINGS, rid)
            return f'<a class="dossier-badge rating-{slug(rid)}" href="{href}">{inner}</a>'
        return f'<span class="dossier-badge rating-{slug(rid)}">{inner}</span>'

    def tally(self, ids: list[str]) -> Markup:
        """How many of the claims `ids` have each rating, as badges with counts in scale
        order (ratings none of them has are left out)."""
        counts: dict[str, int] = {}
        for cid in ids:
            rid = self._claims[cid].rating
            counts[rid] = counts.get(rid, 0) + 1
        labelled = self._(LABELLED)
        badges = [
            f'<span class="dossier-badge rating-{slug(rid)}"><span class="dossier-badge__icon"'
            f' aria-hidden="true">{finalize(RatingScale.icon(rid))}</span>'
            f" {labelled % {'label': finalize(self._ratings[rid].label), 'value': counts[rid]}}"
            "</span>"
            for rid in self._ratings
            if rid in counts
        ]
        return Markup(f'<span class="dossier-tally">{" ".join(badges)}</span>')

    def verdict_badge(self, rid: str) -> Markup:
        """A rating badge in raw HTML (icon, label, the rating's colours), linking to the
        rating's definition."""
        return Markup(self._badge_html(rid))

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

    def claims_table(
        self,
        ids: list[str],
        claimant: bool = True,
        rating: bool = True,
        notes: Mapping[str, str] | None = None,
        findings: bool = False,
        filters: bool = False,
    ) -> Markup:
        """Claims, each once, with its verdict: a compact table on wide screens, a card per
        claim on phones (the stylesheet lays the same rows out as cards).

        `claimant` and `rating` drop a column a page makes redundant (a person's own claims,
        a rating's own section); `notes` adds a line under a claim's title (how a source
        cites it); `findings` adds each claim's finding in a sentence; `filters` adds what
        the claims list's script filters and sorts rows by (ids, never shown).
        """
        heads = {key: finalize(self._(words)) for key, words in CLAIMS_TABLE_HEADS.items()}
        head = [f'<th scope="col">{heads["verdict"]}</th>'] if rating else []
        head.append(f'<th scope="col">{heads["claim"]}</th>')
        if claimant:
            head.append(f'<th scope="col">{heads["claimant"]}</th>')
        head.append(f'<th scope="col">{heads["date"]}</th>')
        classes = "dossier-claims" + ("" if rating else " dossier-claims--no-verdict")
        rows = [
            f'<table class="{classes}">',
            f"<thead><tr>{''.join(head)}</tr></thead>",
            "<tbody>",
        ]
        order = {rid: n for n, rid in enumerate(self._ratings)}
        for cid in ids:
            # Every record the row shows is read first (a preview tracks what a page reads),
            # then the row is the one this page printed before if they are the same objects.
            c = self._claims[cid]
            who = self._entities[c.claimant] if claimant else None
            source = self._sources[c.appearance_source] if filters else None
            rated = self._ratings[c.rating]
            note = notes.get(cid) if notes else None
            key = (self._page, cid, rating, claimant, findings, filters, note, order[c.rating])
            if self._rows is None:
                rows.append(self._claim_row(cid, c, who, source, rated, note, key))
                continue
            kept = self._rows.get(key)
            if kept is None or not (
                kept[0] is c and kept[1] is who and kept[2] is source and kept[3] == rated
            ):
                row = self._claim_row(cid, c, who, source, rated, note, key)
                kept = self._rows[key] = (c, who, source, rated, row)
            rows.append(kept[4])
        rows.append("</tbody></table>")
        return Markup("\n".join(rows) + "\n")

    def _claim_row(
        self,
        cid: str,
        c: Any,
        who: Any,
        source: Any,
        rated: Any,
        note: str | None,
        key: tuple[Any, ...],
    ) -> str:
        """One claim's row of `claims_table`, from the records it shows."""
        _, _, rating, claimant, findings, filters, _, order = key
        data = ""
        if filters:
            data = (
                f' data-rating="{slug(c.rating)}" data-order="{order}"'
                f' data-claimant="{slug(c.claimant)}"'
                f' data-tags="{" ".join(slug(t) for t in c.tags)}"'
                f' data-source="{slug(c.appearance_source)}"'
                f' data-source-title="{attr(source.title)}"'
            )
        cells = []
        if rating:
            cells.append(f'<td class="dossier-claims__verdict">{self._badge_html(c.rating)}</td>')
        title = (
            f'<a class="dossier-claims__title" href="{self._href(urls.claim_page(cid))}">'
            f"{finalize(c.title)}</a>"
        )
        if findings:
            line = wording.finding(c, rated)
            title += f'<span class="dossier-claims__finding">{finalize(line)}</span>'
        if note is not None:
            title += f'<span class="dossier-claims__note">{finalize(note)}</span>'
        cells.append(f'<td class="dossier-claims__claim">{title}</td>')
        if claimant:
            link = self._href(urls.entity_page(c.claimant))
            cells.append(
                f'<td class="dossier-claims__claimant"><a href="{link}">'
                f"{finalize(who.name)}</a></td>"
            )
        when = _when(c.claimed_on, self._language)
        cells.append(f'<td class="dossier-claims__date">{when}</td>')
        return f'<tr class="rating-{slug(c.rating)}"{data}>{"".join(cells)}</tr>'

    def event_item(self, event: Any) -> Markup:
        """One timeline entry as a list item: the date, what happened in words, and a link
        to the page it belongs to (unless that is this page); a claim made carries its
        verdict."""
        text = finalize(event.text)
        if event.page != self._page:
            text = Markup(f"[{text}]({self._link(event.page)})")
        label = f"**{finalize(self._(EVENT_WORDS.get(event.kind, event.kind)))}**"
        if event.kind == "update" and event.detail:
            detail = event.detail
            if detail in UPDATE_KINDS:
                detail = self._(UPDATE_KINDS[detail])
            label = self._(QUALIFIED) % {
                "label": label,
                "detail": finalize(detail.replace("-", " ")),
            }
        entry = self._(LABELLED) % {"label": label, "value": text}
        if event.detail and event.kind != "update":
            entry += f" · {finalize(event.detail)}"
        item = f"- {_when(event.date, self._language)} · {entry}"
        if event.rating and event.page != self._page:
            item += f" {self._rating_badge(event.rating)}"
        return Markup(item)

    def cited_as(self, uses: list[Any]) -> dict[str, str]:
        """Claim id → how a source is cited by it, in this page's language."""
        return cited_as(uses, self._language)

    def when(self, value: str) -> Markup:
        """A partial date (`2017`, `2017-10`, `2017-10-05`) as a `<time>` element."""
        return Markup(_when(value, self._language))

    def template_variables(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _BOUND}


_BOUND = (
    "url",
    "href",
    "verdict_badge",
    "tally",
    "claim_link",
    "entity_link",
    "source_link",
    "rating_link",
    "rating_badge",
    "claims_table",
    "event_item",
    "when",
    "cited_as",
)


def _when(value: str, language: str = SOURCE_LANGUAGE) -> str:
    return f'<time datetime="{finalize(value)}">{finalize(format_date(value, language))}</time>'


def cited_as(uses: list[Any], language: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """Claim id → how a source is cited by it ("where the claim appeared; context"): each
    claim once, in the order of `uses`, however many times it cites the source."""
    labels = role_labels(language)
    roles: dict[str, list[str]] = {}
    for use in uses:
        label = labels[use.role]
        if label not in roles.setdefault(use.claim_id, []):
            roles[use.claim_id].append(label)
    line = gettext_for(language)(CITED_AS)
    separator = "；" if language.split("-")[0].casefold() == "zh" else "; "
    return {cid: line % {"roles": separator.join(found)} for cid, found in roles.items()}


def _from_context(name: str) -> Any:
    # The same functions as globals, for a template rendered without the page's variables
    # (such as `_macros.md.j2` imported without context): they read the context instead.
    @jinja2.pass_context
    def call(context: Any, *args: Any, **kwargs: Any) -> Any:
        return getattr(PageLinks(context, context["page_path"]), name)(*args, **kwargs)

    call.__name__ = name
    return call


GLOBALS = {name: _from_context(name) for name in _BOUND} | {
    "RATING_ICONS": ICONS,
    "ROLE_LABELS": ROLE_LABELS,
}
"""Registered as Jinja globals by `render.make_environment`."""
