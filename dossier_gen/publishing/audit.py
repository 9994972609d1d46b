"""Audit a built site's HTML: fail the build if active content could have come from data.

The escaping in `escape.py` is what keeps record text from becoming markup; this audit is the
second line, run on every build, that would catch a template or a filter that lets it through.
It reads every HTML page with the standard library's parser and reports:

- any event-handler attribute (`onclick`, `onerror`, ...), anywhere: the theme uses none;
- any link or resource whose address has a scheme other than http or https (`javascript:`,
  `data:`, `vbscript:`, `file:` ...), anywhere: the theme's own are relative. The one
  exception is a link (`<a href>`) to `mailto:`, which only opens the reader's mail program
  (a claim's "share by e-mail" and "report an error" links);
- `iframe`, `frame`, `object`, `embed`, `base`, `form`, `meta http-equiv` and `style` elements
  inside the page content (`<article class="md-content__inner">`), where data lands;
- any `<script>`, except the theme's own: those load a file of the site by a relative address,
  hold the theme's JSON configuration, or are the theme's few inline snippets, recognised by
  how they begin, and only outside the page content. JSON-LD must parse as JSON and nothing
  else may share its element;
- anywhere: `<base>` and `<meta http-equiv>` (the theme uses neither), SVG animation values
  that set a non-http(s) address, and anything that loads from another host (an image,
  stylesheet, script, frame or media by an absolute address): the site makes no request to
  another host.

Every published file is audited by its type (`audit_file`): a page the theme wrote as above;
any other HTML page (`.html`, `.htm`, `.xhtml`, copied from the pages folder) and every SVG
image with the content rules applied to the whole file; stylesheets for `@import` and
`url()` that load from another host.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from html.parser import HTMLParser
from pathlib import Path

_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "xlink:href",
        "background",
        "cite",
        "longdesc",
        "srcset",
    }
)
_FORBIDDEN_IN_CONTENT = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "base", "form", "style", "applet", "portal"}
)
_JSON_TYPES = frozenset({"application/json", "application/ld+json"})
# How mkdocs-material's inline scripts begin (base.html and its partials, 9.x).
_THEME_INLINE_SCRIPTS = (
    "__md_scope=new URL(",
    "var palette=__md_get(",
    "var target=document.getElementById(location.hash",
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


def _scheme(url: str) -> str | None:
    # Browsers ignore ASCII whitespace and control characters around and inside a scheme.
    squeezed = re.sub(r"[\x00-\x20]", "", url)
    match = _SCHEME.match(squeezed)
    return match.group(1).lower() if match else None


# Attributes through which an element loads something (not links a reader follows).
_LOADS = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
_LOADING_LINKS = frozenset(
    {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest", "apple-touch-icon"}
)
_ANIMATIONS = frozenset({"animate", "set", "animatemotion", "animatetransform"})
_ANIMATION_VALUES = frozenset({"values", "to", "from", "by"})
AUDITED_SUFFIXES = (".html", ".htm", ".xhtml", ".svg", ".css")
"""The kinds of file the audit reads; every file of these kinds in a built site is audited."""


def _from_another_host(url: str) -> bool:
    """An http(s) or protocol-relative address: one that fetches from some host. (Other
    schemes are reported as such.)"""
    squeezed = re.sub(r"[\x00-\x20]", "", url)
    return squeezed.startswith("//") or _scheme(squeezed) in ("http", "https")


class _PageAudit(HTMLParser):
    def __init__(self, standalone: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.standalone = standalone
        """A page the theme did not write: the whole file is held to the content rules."""
        self.problems: list[tuple[int, int, str]] = []
        self.open: list[str] = []  # open elements, for knowing when the content area closes
        self.content_depth: int | None = None
        self.script: tuple[int, int, dict[str, str | None]] | None = None
        self.script_text: list[str] = []

    @property
    def in_content(self) -> bool:
        return self.standalone or self.content_depth is not None

    def report(self, message: str) -> None:
        line, offset = self.getpos()
        self.problems.append((line, offset + 1, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_element(tag, attrs)
        if tag in _VOID:
            return
        self.open.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article" and "md-content__inner" in classes and not self.in_content:
            self.content_depth = len(self.open)
        if tag == "script":
            line, offset = self.getpos()
            self.script = (line, offset + 1, dict(attrs))
            self.script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "script" and self.script is not None:
            self._check_script(*self.script, "".join(self.script_text))
            self.script = None
        if tag not in self.open:
            return  # a stray end tag closes nothing
        # An end tag also closes elements left open inside it (`<p>`, `<li>` may omit theirs).
        while self.open.pop() != tag:
            pass
        if self.content_depth is not None and len(self.open) < self.content_depth:
            self.content_depth = None

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text.append(data)

    def _check_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = "in the page content" if self.in_content else "in the page"
        for name, value in attrs:
            if name.startswith("on"):
                self.report(f"event-handler attribute {name!r} on <{tag}> {where}")
            elif name in _URL_ATTRIBUTES and value:
                urls = (
                    [part.split()[0] for part in value.split(",") if part.split()]
                    if name == "srcset"
                    else [value]
                )
                for url in urls:
                    scheme = _scheme(url)
                    if scheme == "mailto" and tag == "a" and name == "href":
                        continue
                    if scheme is not None and scheme not in ("http", "https"):
                        self.report(f"<{tag} {name}> with a {scheme}: address {where}")
        values = dict(attrs)
        if tag == "base" and not self.in_content:
            self.report("a <base> element in the page")
        if self.in_content and tag in _FORBIDDEN_IN_CONTENT:
            self.report(f"a <{tag}> element in the page content")
        if tag == "meta" and "http-equiv" in values:
            # The plugin's own Content-Security-Policy, in a page's head: it can only forbid.
            policy = (values.get("http-equiv") or "").lower() == "content-security-policy"
            if self.in_content or not policy:
                self.report(f"a <meta http-equiv> element {where}")
        loads = list(_LOADS.get(tag, ()))
        if tag == "link" and _LOADING_LINKS & set((values.get("rel") or "").lower().split()):
            loads.append("href")
        if self.in_content and tag in _FORBIDDEN_IN_CONTENT:
            loads = []  # reported as an element that has no place there
        for name in loads:
            value = values.get(name) or ""
            urls = (
                [p.split()[0] for p in value.split(",") if p.split()]
                if name.endswith("srcset")
                else [value]
            )
            if any(_from_another_host(url) for url in urls if url):
                self.report(
                    f"<{tag} {name}> loads from another host {where}; the site"
                    " serves everything it shows itself"
                )
        if tag in _ANIMATIONS:
            for name in _ANIMATION_VALUES:
                for part in (values.get(name) or "").split(";"):
                    scheme = _scheme(part.strip())
                    if scheme is not None and scheme not in ("http", "https"):
                        self.report(f"<{tag} {name}> sets a {scheme}: address {where}")

    def _check_script(self, line: int, col: int, attrs: dict[str, str | None], text: str) -> None:
        kind = (attrs.get("type") or "").strip().lower()
        src = attrs.get("src")
        if kind in _JSON_TYPES:
            try:
                json.loads(text)
            except ValueError:
                self.problems.append(
                    (
                        line,
                        col,
                        f"a <script type={kind!r}> that is not valid"
                        " JSON; data may have broken out of it",
                    )
                )
            return
        if self.in_content:
            self.problems.append((line, col, "a <script> element in the page content"))
        elif src is not None:
            if _scheme(src) is not None or src.startswith("//") or text.strip():
                self.problems.append((line, col, "a <script> that loads from another site"))
        elif not text.lstrip().startswith(_THEME_INLINE_SCRIPTS):
            self.problems.append((line, col, "an inline <script> that is not the theme's"))


_Outcome = tuple[list[tuple[int, str]], tuple[str, ...] | None, int | None]
"""What reading one line did: its problems (column, message), the open elements after it
(None: as before it) and where the content area began after it."""


class LineMemo:
    """What reading each line of a page did, for lines that recur from page to page.

    Why: the theme writes the same navigation, header and footer lines into every page, and
    the standard library's parser spends most of an audit on them (some 60% of a page's bytes
    at 1,000 claims repeat, line for line). A line read from a clean state (everything before
    it consumed, no script or style open) has an outcome that depends only on its text and on
    the audit's state (the open elements, where the content area began): that is the key, so
    a recurring line gives what reading it again would give, and the audit's result is the
    same (tested on whole sites). Bounded: emptied when full, and the recurring lines come
    back with the next page."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self.outcomes: dict[tuple[str, bool, tuple[str, ...], int | None], _Outcome] = {}


def _clean(parser: _PageAudit) -> bool:
    return not parser.rawdata and parser.cdata_elem is None and parser.script is None


def _read_with_memo(parser: _PageAudit, html: str, memo: LineMemo) -> None:
    outcomes = memo.outcomes
    pending: list[str] = []
    for line in html.splitlines(keepends=True):
        if pending:
            if not _clean(parser):
                pending.append(line)
                continue
            parser.feed("".join(pending))
            pending = []
        if not _clean(parser) or not line.endswith("\n"):
            pending.append(line)
            continue
        opened = tuple(parser.open)
        key = (line, parser.standalone, opened, parser.content_depth)
        outcome = outcomes.get(key)
        if outcome is not None:
            problems, after, depth = outcome
            parser.problems += [(parser.lineno, col, message) for col, message in problems]
            if after is not None:
                parser.open = list(after)
            parser.content_depth = depth
            parser.lineno += 1  # the line's own newline: the next starts at column 0
            parser.offset = 0
            continue
        before = len(parser.problems)
        parser.feed(line)
        if _clean(parser):
            if len(outcomes) >= memo.limit:
                outcomes.clear()
            now = tuple(parser.open)
            outcomes[key] = (
                [(col, message) for _, col, message in parser.problems[before:]],
                None if now == opened else now,
                parser.content_depth,
            )
    if pending:
        parser.feed("".join(pending))


def audit_page(
    html: str, *, standalone: bool = False, memo: LineMemo | None = None
) -> list[tuple[int, int, str]]:
    """Problems in one page, as (line, column, message). A `standalone` page (one the theme
    did not write, or an SVG image) is held to the content rules throughout. With a `memo`
    shared between pages, lines that recur are not parsed again (the same result)."""
    parser = _PageAudit(standalone)
    if memo is None:
        parser.feed(html)
    else:
        _read_with_memo(parser, html, memo)
    parser.close()
    return parser.problems


_CSS_LOAD = re.compile(
    r"@import\s+(?:url\(\s*)?['\"]?\s*([^'\")\s;]+)|url\(\s*['\"]?\s*([^'\")\s]+)", re.I
)


def audit_stylesheet(css: str) -> list[tuple[int, int, str]]:
    """Problems in a stylesheet: what it would load from another host, or by a script
    address."""
    found = []
    for match in _CSS_LOAD.finditer(css):
        url = match.group(1) or match.group(2)
        if _from_another_host(url) or _scheme(url) in ("javascript", "vbscript"):
            line = css.count("\n", 0, match.start()) + 1
            col = match.start() - (css.rfind("\n", 0, match.start()) + 1) + 1
            found.append((line, col, f"the stylesheet loads {url[:60]!r} from another host"))
    return found


def audit_file(
    name: str, text: str, *, written_by_theme: bool = False, memo: LineMemo | None = None
) -> list[str]:
    """Problems in the published file at `name`, by its type, as `name:line:col: message`.
    `written_by_theme` says the theme wrote the page around content the dossier supplied;
    `memo` is shared between pages (see `LineMemo`)."""
    if name.endswith(".css"):
        found = audit_stylesheet(text)
    else:
        standalone = not (written_by_theme and name.endswith(".html"))
        found = audit_page(text, standalone=standalone, memo=memo)
    return [f"{name}:{line}:{col}: {message}" for line, col, message in found]


def audit_site(
    site_dir: Path | str,
    only: Collection[str] | None = None,
    theme_pages: Collection[str] | None = None,
    memo: LineMemo | None = None,
) -> list[str]:
    """Every problem in the published files under `site_dir`, as `path:line:col: message`.

    `only` limits the audit to these paths relative to `site_dir` (those that exist): a
    dirty `serve` rebuild audits the pages it wrote, since the rest were audited before.
    `theme_pages` are the HTML pages the theme wrote (the others are held to the content
    rules throughout); None means every HTML page. `memo` may be kept from one audit to the
    next (a preview's rebuilds), so lines read before are not parsed again.
    """
    site = Path(site_dir)
    if only is None:
        paths = sorted(p for p in site.rglob("*") if p.suffix in AUDITED_SUFFIXES and p.is_file())
    else:
        paths = sorted(site / name for name in only if (site / name).is_file())
    found: list[str] = []
    memo = memo if memo is not None else LineMemo()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(site).as_posix()
        found += audit_file(
            name, text, written_by_theme=theme_pages is None or name in theme_pages, memo=memo
        )
    return found


def page_problems(name: str, html: str, memo: LineMemo | None = None) -> list[str]:
    """Problems in the page the theme wrote (or will write) at `name`."""
    return audit_file(name, html, written_by_theme=True, memo=memo)
