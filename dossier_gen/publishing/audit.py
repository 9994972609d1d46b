"""Audit a built site's HTML: fail the build if active content could have come from data.

The escaping in `escape.py` is what keeps record text from becoming markup; this audit is the
second line, run on every build, that would catch a template or a filter that lets it through.
It reads every HTML page with the standard library's parser and reports:

- any event-handler attribute (`onclick`, `onerror`, ...), anywhere: the theme uses none;
- any link or resource whose address has a scheme other than http or https (`javascript:`,
  `data:`, `vbscript:`, `file:` ...), anywhere: the theme's own are relative;
- `iframe`, `frame`, `object`, `embed`, `base`, `form`, `meta http-equiv` and `style` elements
  inside the page content (`<article class="md-content__inner">`), where data lands;
- any `<script>`, except the theme's own: those load a file of the site by a relative address,
  hold the theme's JSON configuration, or are the theme's few inline snippets, recognised by
  how they begin, and only outside the page content. JSON-LD must parse as JSON and nothing
  else may share its element.
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


class _PageAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, int, str]] = []
        self.open: list[str] = []  # open elements, for knowing when the content area closes
        self.content_depth: int | None = None
        self.script: tuple[int, int, dict[str, str | None]] | None = None
        self.script_text: list[str] = []

    @property
    def in_content(self) -> bool:
        return self.content_depth is not None

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
                    if scheme is not None and scheme not in ("http", "https"):
                        self.report(f"<{tag} {name}> with a {scheme}: address {where}")
        if self.in_content and tag in _FORBIDDEN_IN_CONTENT:
            self.report(f"a <{tag}> element in the page content")
        if self.in_content and tag == "meta" and "http-equiv" in dict(attrs):
            self.report("a <meta http-equiv> element in the page content")

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


def audit_page(html: str) -> list[tuple[int, int, str]]:
    """Problems in one page, as (line, column, message)."""
    parser = _PageAudit()
    parser.feed(html)
    parser.close()
    return parser.problems


def audit_site(site_dir: Path | str, only: Collection[str] | None = None) -> list[str]:
    """Every problem in the HTML pages under `site_dir`, as `path:line:col: message`.

    `only` limits the audit to these paths relative to `site_dir` (those that exist): a
    dirty `serve` rebuild audits the pages it wrote, since the rest were audited before.
    """
    site = Path(site_dir)
    if only is None:
        paths = sorted(p for p in site.rglob("*.html") if p.is_file())
    else:
        paths = sorted(site / name for name in only if (site / name).is_file())
    found: list[str] = []
    for path in paths:
        html = path.read_text(encoding="utf-8", errors="replace")
        found += page_problems(path.relative_to(site).as_posix(), html)
    return found


def page_problems(name: str, html: str) -> list[str]:
    """Problems in the page that is (or will be) at `name`, as `name:line:col: message`."""
    return [f"{name}:{line}:{col}: {message}" for line, col, message in audit_page(html)]
