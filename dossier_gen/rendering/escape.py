"""Escape record text for each place it lands, so that no record text ever becomes markup.

Why numeric character references rather than backslashes or HTML escaping: Python-Markdown
honours `\\` only before some characters, and its extensions give meaning to `~ ^ = : $ |`,
`{: }`, `--8<--`, `!!!` and line starts. Writing every ASCII character other than
letters, digits, the space and the comma as `&#N;` leaves nothing any extension can parse,
while the browser shows the text exactly as the editor wrote it. Page titles get look-alike
characters for `< > & " '` first, because the theme's `striptags` filter decodes entities in
`<title>`.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import markdown
import nh3
from markupsafe import Markup

from ..records.fields import ascii_host

# C0/C1 controls (whitespace is collapsed separately), zero-width characters, bidirectional
# controls, the BOM and lone surrogates.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)
# Commas have no meaning in Markdown or any of its extensions, and fill prose.
_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,")
_TITLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’"})
# A straight quote at the start or after a space or opening bracket opens a quotation.
_OPENING_QUOTES = ((re.compile(r'(^|[\s(\[{])"'), "\\1“"), (re.compile(r"(^|[\s(\[{])'"), "\\1‘"))


def clean(text: str) -> str:
    """NFC-normalise, drop invisible and control characters, collapse all whitespace."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


# Every ASCII character outside _KEEP → its numeric character reference. A regular
# expression that visits only those characters is 2-3 times faster than a per-character
# loop or str.translate (measured side by side on claim-length text).
_REFERENCES = {chr(i): f"&#{i};" for i in range(128) if chr(i) not in _KEEP}
_NEEDS_REFERENCE = re.compile("[" + re.escape("".join(_REFERENCES)) + "]")


def _encode(text: str) -> str:
    return _NEEDS_REFERENCE.sub(lambda match: _REFERENCES[match.group()], text)


class Foreign(str):
    """Record text whose language is not the page's: an untranslated field in another
    edition, or words as a source wrote them (a quote, a title as published). Printed inside
    an element that says its language (`lang`), with the dossier's translation of it, when
    there is one, beside it and labelled as such: a quote is never replaced in place.

    Plain string operations give plain strings, so text built from it is simply unmarked.
    """

    lang: str | None
    """The text's language, or None when it is the page's."""
    translation: str | None
    translation_label: str

    def __new__(
        cls,
        text: str,
        lang: str | None,
        translation: str | None = None,
        translation_label: str = "",
    ) -> Foreign:
        made = super().__new__(cls, text)
        made.lang = lang
        made.translation = translation
        made.translation_label = translation_label
        return made

    def marked(self, encoded: str) -> str:
        """`encoded` (this text, escaped for where it lands) with its language and the
        translation beside it."""
        shown = f'<span lang="{self.lang}">{encoded}</span>' if self.lang else encoded
        if self.translation:
            label = _encode(clean(self.translation_label))
            shown += (
                f' <span class="dossier-translation">[{label}{_encode(clean(self.translation))}]'
                "</span>"
            )
        return shown


# Han characters (the unified ideographs, their extensions and compatibility forms), and
# the CJK punctuation and full-width forms that sit among them.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_MARKS = "\u3000-\u303f\uff00-\uffef"
_HAN_RUN = re.compile(f"[{_CJK_MARKS}]*[{_HAN}][{_HAN}{_CJK_MARKS}]*")
CHINESE = "zh"
"""The language of Han text in records (WCAG 3.1.2: a passage in another language than the
page's says so, so screen readers voice it and browsers pick a font for it)."""


def has_han(text: str) -> bool:
    return _HAN_RUN.search(text) is not None


class _Marking:
    # Whether runs of Han text are another language than the page's: yes in an edition in
    # any other language, no in a Chinese edition, where marking every run would double the
    # page for nothing. Rendering runs in one thread per process, one edition at a time.
    han = True


def mark_han_runs(page_language: str) -> None:
    """Say which edition's pages are being rendered from now on: Han runs get
    `lang="zh"` unless the edition is itself Chinese."""
    _Marking.han = page_language.split("-")[0].casefold() != CHINESE


def _mark_chinese(encoded: str) -> str:
    # Encoded text holds no `<` (it became `&#60;`), so the span cannot meet other markup.
    if not _Marking.han:
        return encoded
    return _HAN_RUN.sub(lambda m: f'<span lang="{CHINESE}">{m.group()}</span>', encoded)


def md_text(value: Any) -> Markup:
    """Record text as inert Markdown text, on one line; runs of Chinese in `lang="zh"`
    (except in a Chinese edition)."""
    return _md_text(value if type(value) is str else str(value), _Marking.han)


# Pages print the same names, titles, labels and dates thousands of times: each distinct
# text is cleaned and encoded once. Bounded, so long unique texts cannot pile up.
@functools.lru_cache(maxsize=32768)
def _md_text(text: str, mark_han: bool) -> Markup:
    encoded = _encode(clean(text))
    if not mark_han:
        return Markup(encoded)
    return Markup(_HAN_RUN.sub(lambda m: f'<span lang="{CHINESE}">{m.group()}</span>', encoded))


@functools.lru_cache(maxsize=8192)
def _plain_text(text: str) -> Markup:
    return Markup(_encode(clean(text)))


# Characters that mean something anywhere in a CommonMark line: code spans, emphasis, links,
# images, raw HTML and entities, tables, strikethrough, math, headings' and references' marks.
_GFM_INLINE = re.compile(r"([\\`*_\[\]<>&!|~#$])")
# What opens a block when it starts a line (or a list item's text): list and quote markers,
# ordered-list numbers, thematic breaks.
_GFM_BLOCK_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")


def gfm_text(value: Any) -> str:
    """Text from data for GitHub-flavoured Markdown, such as a pull request's job summary: on
    one line (so no newline can start a block), with every character that means something
    in a line backslash-escaped, and a leading block marker defused. CommonMark honours a
    backslash before any ASCII punctuation, so nothing in the text can become a heading,
    list, link, code span, emphasis or HTML tag, and the text stays readable in a terminal.
    (The site's Markdown is Python-Markdown, which honours backslashes before only some
    characters: pages use `md_text`.)
    """
    text = _GFM_INLINE.sub(r"\\\1", clean(str(value)))
    return _GFM_BLOCK_START.sub(
        lambda m: m.group(1) + "\\" if m.group(1).isdigit() else "\\" + m.group(1), text
    )


def plain_title(value: Any) -> str:
    """A title as readers see it: typographic quotes and look-alikes for `< > &`.

    Also for text the theme prints with no escaping at all, such as a page's description
    in `<meta name="description" content="...">`: nothing in it has a meaning in HTML.
    """
    return _plain_title(str(value))


# A preview's rebuild makes every page's description again, the same as before but for the
# edited record's (0.02 s a rebuild at 1,000 claims).
@functools.lru_cache(maxsize=2**14)
def _plain_title(text: str) -> str:
    text = clean(text)
    for pattern, replacement in _OPENING_QUOTES:
        text = pattern.sub(replacement, text)
    return text.translate(_TITLE_LOOKALIKES)


def title_text(value: Any) -> Markup:
    """Record text for a heading that becomes a page title (the engine strips the `lang`
    spans from the title it takes from the heading)."""
    encoded = _mark_chinese(_encode(plain_title(value)))
    return Markup(value.marked(encoded) if isinstance(value, Foreign) else encoded)


def ascii_url(url: str) -> str:
    """A validated http(s) URL with an internationalised host written as punycode."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.isascii():
        return url
    netloc = ascii_host(host) + (f":{parts.port}" if parts.port is not None else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def attr(value: Any) -> Markup:
    """Record text for an attribute value in raw HTML, such as a link's href (no markup, so
    no `lang` span either)."""
    return _plain_text(value if type(value) is str else str(value))


@functools.lru_cache(maxsize=8192)  # a source's links are printed on every claim citing it
def external_link(url: str, text: Any) -> Markup:
    """A link to another site: record URLs are validated as http(s) by the models.

    The host is written as punycode in the address, and in the text when the text is the
    address, so a look-alike letter from another script cannot pass for a familiar name.
    """
    href = ascii_url(url)
    shown = href if text == url else text
    return Markup(f'<a href="{attr(href)}" rel="noopener nofollow">{md_text(shown)}</a>')


_TAGS = re.compile(r"(<[^>]*>)")
_PROSE_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "blockquote", "code", "br", "pre"}
_PROSE_ATTRIBUTES = {"a": {"href", "title"}}


@functools.cache
def _prose_converter() -> markdown.Markdown:
    # Building a Markdown instance costs more than converting a short analysis; one is
    # reused (reset before each use). Rendering runs in one thread per process.
    converter = markdown.Markdown(extensions=[], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


def prose(value: Any) -> Markup:
    """Editor-written Markdown (the analysis), as sanitised HTML in a raw block.

    It is converted by a separate Python-Markdown with no extensions and with raw HTML
    turned off (so `<b>` an editor types shows as `<b>`, not as bold, and is not lost), then
    cleaned by an allow-list, so only basic formatting and http(s) links survive. Braces
    become references so no template engine or `attr_list` reads them. Blank lines are
    removed so the site's Markdown treats the result as one raw HTML block and leaves it alone.
    """
    html = _prose_converter().reset().convert(str(value))
    safe = nh3.clean(
        html,
        tags=_PROSE_TAGS,
        attributes=_PROSE_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener nofollow",
    )
    safe = safe.replace("{", "&#123;").replace("}", "&#125;")
    # Chinese in the text (never in a tag: nh3 writes `>` in attributes as `&gt;`).
    safe = "".join(
        part if part.startswith("<") else _mark_chinese(part) for part in _TAGS.split(safe)
    )
    body = "\n".join(line for line in safe.splitlines() if line.strip())
    lang = f' lang="{value.lang}"' if isinstance(value, Foreign) and value.lang else ""
    return Markup(f'<div class="dossier-prose"{lang}>\n{body}\n</div>')


def json_for_html(value: Any) -> str:
    """JSON safe to embed in a `<script>` element: no `</script>`, no line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, indent=None)
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def finalize(value: Any) -> Any:
    """Jinja `finalize` hook: any output not already marked safe is escaped as Markdown text."""
    if type(value) is str:  # most printed values: straight to the memoised encoding
        return _md_text(value, _Marking.han)
    if isinstance(value, Markup):
        return value
    if type(value) is Foreign:
        return Markup(value.marked(_md_text(str(value), _Marking.han)))
    if value is None:
        raise ValueError("a template printed None; test the field with {% if %} first")
    return md_text(value)
