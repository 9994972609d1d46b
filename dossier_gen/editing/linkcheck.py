"""Check every internal link and anchor of a built site, offline, from its files alone.

Each HTML file under the site folder is parsed with the standard library's `html.parser`,
collecting the anchors it defines (`id`, and `name` on `<a>`) and the addresses it uses
(`href` of `<a>`, `<link>` and `<area>`; `src` of images, scripts, frames and media). Every
address without a scheme or host is resolved as a browser would, against the page's own
address, and must name a file of the site; a `#fragment` must name an anchor of the target
page. External addresses are not fetched: the site's readers, not this check, load them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..problems import Problem

_LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "track": "src",
}


@dataclass(frozen=True)
class Href:
    """An address an HTML page points at (`href`, `src`), where it stands in the page."""

    target: str
    line: int
    col: int


@dataclass
class PageTargets:
    """What a built HTML page offers and points at: its anchors, its addresses, its canonical."""

    anchors: set[str] = field(default_factory=set)
    links: list[Href] = field(default_factory=list)
    canonical: str | None = None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageTargets()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.anchors.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.page.anchors.add(values["name"] or "")
        if tag == "link" and values.get("rel") == "canonical":
            self.page.canonical = values.get("href")
        wanted = _LINK_ATTRIBUTES.get(tag)
        target = values.get(wanted) if wanted else None
        if target is not None:
            line, offset = self.getpos()
            self.page.links.append(Href(target.strip(), line, offset + 1))

    handle_startendtag = handle_starttag


def parse_page(html: str) -> PageTargets:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page


@dataclass(frozen=True)
class LinkReport:
    problems: list[Problem]
    pages: int
    links: int


def _is_external(target: str) -> bool:
    parts = urlsplit(target)
    return bool(parts.scheme or parts.netloc)


def _resolve(site: Path, page_url: str, path: str, root_path: str) -> str | None:
    """The site file a link's path names (as a site-relative POSIX path), or None."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), unquote(path)))
    if path.startswith("/"):
        if not (path + "/").startswith(root_path):
            return None  # a page of the same host, outside the site
        joined = posixpath.normpath(unquote(path[len(root_path) :]) or ".")
    if joined == "." or joined == "":
        joined = ""
    if joined.startswith(".."):
        return None  # outside the site
    candidate = site / joined if joined else site
    if candidate.is_dir():
        index = candidate / "index.html"
        return index.relative_to(site).as_posix() if index.is_file() else None
    return joined if candidate.is_file() else None


def check_site(
    site_dir: Path | str, shown: str | None = None, root_path: str | None = None
) -> LinkReport:
    """Every broken internal link of the site under `site_dir`, as problems at their place.

    `shown` is how problem paths begin (the folder as the user typed it). `root_path` is the
    address path the site is served under (`/dossier/` for a GitHub Pages project site):
    links that start with `/` resolve against it, as some pages, such as MkDocs' 404 page,
    use them. By default it is read from the home page's canonical address, or is `/`.
    """
    site = Path(site_dir)
    prefix = (shown if shown is not None else site.as_posix()).rstrip("/")
    pages: dict[str, PageTargets] = {}
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        pages[url] = parse_page(path.read_text(encoding="utf-8", errors="replace"))
    if root_path is None:
        home = pages.get("index.html")
        root_path = urlsplit(home.canonical).path if home and home.canonical else "/"
    root_path = "/" + root_path.strip("/") + "/" if root_path.strip("/") else "/"

    problems: list[Problem] = []
    count = 0
    for url, page in pages.items():
        for link in page.links:
            if not link.target or _is_external(link.target):
                continue
            count += 1
            parts = urlsplit(link.target)
            if parts.path:
                target = _resolve(site, url, parts.path, root_path)
                if target is None:
                    problems.append(
                        Problem(
                            f"{prefix}/{url}",
                            link.line,
                            link.col,
                            f"link {link.target!r} leads to no file of the site",
                        )
                    )
                    continue
            else:
                target = url
            fragment = unquote(parts.fragment)
            if fragment and target in pages and fragment not in pages[target].anchors:
                problems.append(
                    Problem(
                        f"{prefix}/{url}",
                        link.line,
                        link.col,
                        f"link {link.target!r}: {target} has no anchor {fragment!r}",
                    )
                )
    return LinkReport(sorted(problems), len(pages), count)
