"""Every page's counterparts in the dossier's other languages, in each edition's sitemap.

Search engines take `hreflang` alternates from a page's head or from the sitemap. A page's
head carries them only on the editions' home pages: mkdocs-material's script fetches
`sitemap.xml` beside every `<link rel="alternate">` of a page's head (it expects links to
each language's root), so alternates in the head of a deeper page would cost readers two
requests for files that do not exist, on every page. The sitemap has them all, as Google's
sitemap extension for alternates writes them, which the theme's script also reads.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..rendering import urls

XHTML_NS = "http://www.w3.org/1999/xhtml"
_LOC = re.compile(r"(<loc>)([^<]*)(</loc>)")
_URLSET = re.compile(r"<urlset(?![^>]*xmlns:xhtml)([^>]*)>")


def with_alternates(
    sitemap: str, base_url: str, prefix: str, languages: Sequence[tuple[str, str]]
) -> str:
    """`sitemap` (an edition's, its pages under `base_url` + `prefix`) with, for each page,
    an `xhtml:link` alternate to the same page in each of `languages`: (tag, prefix) pairs,
    the first the dossier's own language (also given as `x-default`)."""
    edition_root = urls.site_url(base_url, prefix)

    def alternates(match: re.Match[str]) -> str:
        loc = html.unescape(match.group(2))
        if not loc.startswith(edition_root):
            return match.group(0)
        path = loc[len(edition_root) :]
        links = [(tag, urls.site_url(base_url, other + path)) for tag, other in languages]
        links.append(("x-default", links[0][1]))
        return match.group(0) + "".join(
            f'<xhtml:link rel="alternate" hreflang="{html.escape(tag, quote=True)}"'
            f' href="{html.escape(href, quote=True)}"/>'
            for tag, href in links
        )

    with_links = _LOC.sub(alternates, sitemap)
    return _URLSET.sub(f'<urlset\\1 xmlns:xhtml="{XHTML_NS}">', with_links, count=1)
