"""What a dossier adds to every HTML page the site engine's theme writes, so that a site needs
no copy of the theme's templates: the head block, and fixes to the theme's markup.

The head block carries the Atom feed link, the page's JSON-LD (ClaimReview on a claim page,
the publisher on the home page), the page's counterparts in the dossier's other languages
(`hreflang` alternates) and the Open Graph and Twitter card tags that make a shared link
preview as the page it points to. A dossier in several languages also gets a language
switcher at the top of every page, the edition's tag in `<html lang>`, and Chinese text in
a page of another language marked with its own `lang`.

The fixes make mkdocs-material's pages valid and private; each is an exact piece of the
theme's markup and its replacement, applied only where it stands, so another theme passes
through untouched (tests check each piece against the installed theme's templates).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..rendering.i18n import N_, gettext_for, language_name

HEAD_END = "</head>"


@dataclass(frozen=True)
class Alternate:
    """A page's counterpart in one of the dossier's languages (the page itself included)."""

    language: str
    """BCP 47 tag of the edition, as `languages` in dossier.yml gives it."""
    href: str
    """Link to it from the page: relative, so it works wherever the site is served."""
    url: str | None
    """Its canonical address, when the site has a base URL."""
    original: bool = False
    """Whether it is in the dossier's first language (the `x-default` of search engines)."""


@dataclass(frozen=True)
class Share:
    """What a link preview shows of a page."""

    site_name: str
    title: str
    description: str | None
    url: str | None
    """The page's canonical address, when the site has a base URL."""
    image: str | None = None
    """The full address of the page's preview image (a claim's card), if it has one."""
    image_alt: str = ""
    image_size: tuple[int, int] = (0, 0)


def head_block(
    feed_href: str,
    feed_title: str,
    jsonld: Sequence[str],
    share: Share,
    alternates: Sequence[Alternate] = (),
) -> str:
    """The dossier's part of a page's head. `jsonld` holds JSON already made safe for a
    script element (`escape.json_for_html`); every other value is escaped here.
    `alternates` are the page in each of the dossier's languages, when it has several."""

    def attr(value: str) -> str:
        return html.escape(value, quote=True)

    lines = [
        f'<link rel="alternate" type="application/atom+xml" title="{attr(feed_title)}"'
        f' href="{attr(feed_href)}">',
        *(
            f'<link rel="alternate" hreflang="{attr(alt.language)}" href="{attr(alt.url)}">'
            for alt in alternates
            if alt.url
        ),
        *(
            f'<link rel="alternate" hreflang="x-default" href="{attr(alt.url)}">'
            for alt in alternates
            if alt.url and alt.original
        ),
        *(f'<script type="application/ld+json">{block}</script>' for block in jsonld),
        '<meta property="og:type" content="website">',
        f'<meta property="og:site_name" content="{attr(share.site_name)}">',
        f'<meta property="og:title" content="{attr(share.title)}">',
    ]
    if share.description:
        lines.append(f'<meta property="og:description" content="{attr(share.description)}">')
    if share.url:
        lines.append(f'<meta property="og:url" content="{attr(share.url)}">')
    if share.image:
        width, height = share.image_size
        lines += [
            f'<meta property="og:image" content="{attr(share.image)}">',
            '<meta property="og:image:type" content="image/png">',
            f'<meta property="og:image:width" content="{width}">',
            f'<meta property="og:image:height" content="{height}">',
            f'<meta property="og:image:alt" content="{attr(share.image_alt)}">',
        ]
    # A large card when there is a picture to show: the verdict travels with the link.
    card = "summary_large_image" if share.image else "summary"
    lines += [
        f'<meta name="twitter:card" content="{card}">',
        f'<meta name="twitter:title" content="{attr(share.title)}">',
    ]
    if share.description:
        lines.append(f'<meta name="twitter:description" content="{attr(share.description)}">')
    if share.image:
        lines += [
            f'<meta name="twitter:image" content="{attr(share.image)}">',
            f'<meta name="twitter:image:alt" content="{attr(share.image_alt)}">',
        ]
    return "\n".join(lines) + "\n"


SWITCHER_LABEL = N_("This page in other languages")
ARTICLE_START = '<article class="md-content__inner md-typeset">'


def language_switcher(alternates: Sequence[Alternate], current: str) -> str:
    """A visible list of the page in each language, each named in itself and linked to its
    counterpart; the current one is marked, not linked. Empty for a single language."""
    if len(alternates) < 2:
        return ""
    label = html.escape(gettext_for(current)(SWITCHER_LABEL), quote=True)
    items = []
    for alt in alternates:
        tag = html.escape(alt.language, quote=True)
        name = html.escape(language_name(alt.language))
        if alt.language == current:
            items.append(f'<li><span lang="{tag}" aria-current="page">{name}</span></li>')
        else:
            href = html.escape(alt.href, quote=True)
            items.append(
                f'<li><a href="{href}" hreflang="{tag}" lang="{tag}"'
                f' class="dossier-languages__link">{name}</a></li>'
            )
    return f'<nav class="dossier-languages" aria-label="{label}"><ul>{"".join(items)}</ul></nav>'


def insert_in_article(page: str, block: str) -> str:
    """`page` with `block` at the start of the theme's article (unchanged without one)."""
    start = page.find(ARTICLE_START)
    if start == -1 or not block:
        return page
    at = start + len(ARTICLE_START)
    return page[:at] + block + page[at:]


_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def set_html_lang(page: str, language: str) -> str:
    """`page` with `language` (a BCP 47 tag: `zh-Hans`, more precise than the theme's `zh`)
    as its `<html lang>`."""
    return _HTML_LANG.sub(f'<html lang="{html.escape(language, quote=True)}"', page, count=1)


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(
    f"[{_HAN}](?:[{_HAN}\u3000-\u303f\uff00-\uffef\\s]*[{_HAN}\u3001-\u303f\uff01-\uffef])?"
)
_TEXT_AFTER_TAG = re.compile(r"(<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>)([^<]+)")
_RAW_TEXT = frozenset({"script", "style", "code", "pre", "textarea", "title", "text", "desc"})


def mark_chinese(page_html: str, language: str) -> str:
    """Runs of Chinese characters in a page of another language, wrapped in
    `<span lang="zh">` so that screen readers and browsers read them as Chinese. Text that an
    element already gives a language (a quote marked with its source's) is left alone, and
    so is text in code, scripts and the SVG charts."""
    if language.split("-")[0].lower() in ("zh", "ja", "ko") or not re.search(
        f"[{_HAN}]", page_html
    ):
        return page_html

    def mark(match: re.Match[str]) -> str:
        tag, closing, name, attributes, text = match.groups()
        if (not closing and (name.lower() in _RAW_TEXT or "lang=" in attributes)) or not (
            _HAN_RUN.search(text)
        ):
            return match.group(0)
        return tag + _HAN_RUN.sub(lambda run: f'<span lang="zh">{run.group(0)}</span>', text)

    return _TEXT_AFTER_TAG.sub(mark, page_html)


def insert_head(page: str, block: str) -> str:
    """`page` with `block` at the end of its head (unchanged if it has no head)."""
    end = page.find(HEAD_END)
    return page if end == -1 else page[:end] + block + page[end:]


@dataclass(frozen=True)
class MarkupFix:
    template: str
    """The theme template that writes `theirs`, relative to the theme's templates folder."""
    theirs: str
    ours: str
    why: str


MATERIAL_FIXES = (
    MarkupFix(
        "base.html",
        'type="checkbox" id="__drawer" autocomplete="off">',
        'type="checkbox" id="__drawer">',
        "the Nu HTML checker rejects `autocomplete` on a checkbox",
    ),
    MarkupFix(
        "base.html",
        'type="checkbox" id="__search" autocomplete="off">',
        'type="checkbox" id="__search">',
        "the Nu HTML checker rejects `autocomplete` on a checkbox",
    ),
    MarkupFix(
        "partials/source.html",
        ' class="md-source" data-md-component="source">',
        ' class="md-source">',
        "that hook makes the theme's script ask the repository host (api.github.com) for"
        " star counts: a request that would leave the site and tell the host who reads it",
    ),
)
"""Fixes applied to every page."""

TOC_LABEL = MarkupFix(
    "partials/toc.html",
    '<label class="md-nav__title" for="__toc">',
    '<label class="md-nav__title">',
    "on pages outside the navigation (claims, entities, sources) there is no `__toc` toggle"
    " for the label to point at, and a label pointing at nothing is invalid HTML",
)
SEARCH_DIALOG = MarkupFix(
    "partials/search.html",
    '<div class="md-search" data-md-component="search" role="dialog">',
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="{label}">',
    "axe-core requires an accessible name on role=dialog (rule aria-dialog-name); the"
    " label is the theme's own word for search, as its search options carry it",
)
_SEARCH_WORD = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)"')


SEARCH_FORM = MarkupFix(
    "partials/search.html",
    '<form class="md-search__form" name="search">',
    '<form class="md-search__form">',
    "the theme fetches its whole search index on every page load when the page has a form"
    " named `search`; without the name it fetches none, and the dossier's search worker"
    " fetches what a query needs once a reader searches",
)
SEARCH_WORKER = MarkupFix(
    "base.html",
    '"search": "assets/javascripts/workers/search.',
    '"search": "{worker}"',
    "the theme's search worker builds a lunr index from the whole index in the reader's"
    " browser; the dossier's answers from the index shards a query needs",
)
_THEME_WORKER = re.compile(r'"search": "([^"]*)assets/javascripts/workers/search\.[^"]*\.js"')


def use_dossier_search(page: str, worker: str) -> str:
    """`page` with mkdocs-material's search box answered by the dossier's worker.

    `worker` is the worker's address relative to the site's root (plain characters only: it
    goes into JSON as it is); it is made relative to the page the way the theme writes its
    own (the prefix before `assets/`)."""
    page = page.replace(SEARCH_FORM.theirs, SEARCH_FORM.ours)

    def point(match: re.Match[str]) -> str:
        return SEARCH_WORKER.ours.format(worker=match.group(1) + worker)

    return _THEME_WORKER.sub(point, page, count=1)


def fix_theme_markup(page: str) -> str:
    """`page` with the fixes to mkdocs-material's markup that apply to it."""
    for fix in MATERIAL_FIXES:
        page = page.replace(fix.theirs, fix.ours)
    if 'id="__toc"' not in page:
        page = page.replace(TOC_LABEL.theirs, TOC_LABEL.ours)
    if SEARCH_DIALOG.theirs in page:
        word = _SEARCH_WORD.search(page)
        label = word.group(1) if word else "Search"
        page = page.replace(SEARCH_DIALOG.theirs, SEARCH_DIALOG.ours.format(label=label))
    return page


# --- Content-Security-Policy ------------------------------------------------------------

_INLINE_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S | re.I)
_DATA_TYPES = re.compile(r"""\btype\s*=\s*["']?application/(ld\+)?json""", re.I)
_HEAD_START = re.compile(r"<head(\s[^>]*)?>\s*(<meta charset=[^>]*>)?", re.I)

CSP_DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self'",
    # The theme's icons are data: images in its stylesheet.
    "img-src 'self' data:",
    "font-src 'self'",
    # Search fetches its index, and runs in a worker, from the site.
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)
"""Everything but scripts: the site's own files only, no frames, plugins or other bases."""


def content_security_policy(page: str) -> str:
    """The policy for `page`: scripts from the site, and its inline scripts by hash, so a
    script planted in a page that got past every other check still does not run."""
    hashes = sorted(
        {
            "'sha256-"
            + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            + "'"
            for attrs, body in _INLINE_SCRIPT.findall(page)
            if not (attrs and ("src=" in attrs or _DATA_TYPES.search(attrs)))
        }
    )
    script_src = " ".join(["script-src 'self'", *hashes])
    return "; ".join([CSP_DIRECTIVES[0], script_src, *CSP_DIRECTIVES[1:]])


def insert_csp(page: str) -> str:
    """`page` with its policy as the head's first element after the character set, before
    anything the policy governs (unchanged if it has no head)."""
    match = _HEAD_START.search(page)
    if match is None:
        return page
    policy = html.escape(content_security_policy(page), quote=False)  # no " in a policy
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return page[: match.end()] + meta + page[match.end() :]
