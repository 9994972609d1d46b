"""What a page tells search engines and link previews: its description, as front matter.

A claim travels as a shared link, so its preview must say the verdict: the description of a
claim page names the rating and gives the verdict summary. Descriptions reach the page as
front matter (`description:`), which every engine that reads Markdown front matter
understands, and which mkdocs-material prints raw into `<meta content="...">` (it does not
escape it). So the text holds no character with a meaning in HTML: `< > & " '` become
look-alikes (`escape.plain_title`), as page titles do.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import yaml
from markupsafe import Markup

from ..records.models import Claim, Dossier, Entity, Rating
from ..records.readiness import placeholder_reason
from .escape import attr, md_text, plain_title
from .i18n import N_

RATING_LINE = N_("Rating: %(label)s. %(summary)s")

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def claim_description(
    claim: Claim, rating: Rating, gettext: Callable[[str], str] = lambda message: message
) -> str:
    return plain_title(gettext(RATING_LINE) % {"label": rating.label, "summary": claim.summary})


def entity_description(entity: Entity) -> str:
    return plain_title(entity.description)


def with_front_matter(markdown: str, meta: dict[str, str]) -> str:
    """`markdown` with `meta` in its YAML front matter: added to the block the template
    wrote (such as a claim's tags), or in a new block.

    PyYAML writes the entries (quoting where needed, no line wrapping), so any text, however
    it is punctuated, reads back as exactly the same string.
    """
    if not meta:
        return markdown
    entries = _yaml_entries(tuple(meta.items()))
    opening = "---\n"
    if markdown.startswith(opening):
        return opening + entries + markdown.removeprefix(opening)
    return f"{opening}{entries}---\n\n{markdown}"


# A preview's rebuild gives most pages the same front matter as the last one (0.02 s a
# rebuild at 1,000 claims).
@functools.lru_cache(maxsize=2**14)
def _yaml_entries(items: tuple[tuple[str, str], ...]) -> str:
    # libyaml's emitter: the pure-Python one was a tenth of all rendering time.
    return yaml.dump(
        dict(items), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**30
    )  # no line wrapping


@dataclass(frozen=True)
class ShareTarget:
    name: str
    href: str


# Each network's own address for sharing a link, filled in with the page's address and a
# line of text. Plain links: nothing is loaded from these hosts until a reader clicks one.
_SHARE_ADDRESSES = (
    (N_("E-mail"), "mailto:?subject={text}&body={text}%0A%0A{url}"),
    ("X", "https://x.com/intent/post?text={text}&url={url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("WhatsApp", "https://wa.me/?text={text}%20{url}"),
    ("Telegram", "https://t.me/share/url?url={url}&text={text}"),
    ("Weibo", "https://service.weibo.com/share/share.php?url={url}&title={text}"),
    ("LINE", "https://social-plugins.line.me/lineit/share?url={url}"),
)


def share_targets(
    url: str, text: str, gettext: Callable[[str], str] = lambda message: message
) -> list[ShareTarget]:
    """Where a reader can share `url` with `text`, as plain links (e-mail, then networks
    used in the dossier's languages, Chinese included); `gettext` names e-mail in the page's
    language (the networks' names are names)."""
    fields = {"url": quote(url, safe=""), "text": quote(" ".join(text.split()), safe="")}
    return [
        ShareTarget(gettext(name), address.format(**fields)) for name, address in _SHARE_ADDRESSES
    ]


_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


REPORT_BY_EMAIL = N_("e-mail the publisher at %(address)s and say what is wrong")
REPORT_BY_PAGE = N_(
    "tell the publisher through %(link_start)sits contact page%(link_end)s, with this page's"
    " address"
)
REPORT_OTHERWISE = N_("tell the publisher (%(contact)s), with this page's address")


def report_route(
    dossier: Dossier,
    subject: str,
    address: str,
    gettext: Callable[[str], str] = lambda message: message,
) -> Markup | None:
    """How a reader reports an error, as a phrase ("e-mail the publisher at x@y"): the
    publisher's contact from `dossier.yml`, by e-mail (with the page's address filled in)
    or on its contact page. None while the contact is missing or still a placeholder.
    `gettext` gives the phrase in the page's language."""
    contact = (dossier.publisher.contact or "").strip()
    if not contact or placeholder_reason(contact):
        return None
    if _EMAIL.match(contact):
        mail = f"mailto:{quote(contact, safe='@')}?subject={quote(subject, safe='')}"
        mail += f"&body={quote(address, safe='')}"
        link = f'<a href="{attr(mail)}">{md_text(contact)}</a>'
        return Markup(gettext(REPORT_BY_EMAIL) % {"address": link})
    if urlsplit(contact).scheme in ("http", "https") and " " not in contact:
        start = f'<a href="{attr(contact)}" rel="noopener nofollow">'
        return Markup(gettext(REPORT_BY_PAGE) % {"link_start": start, "link_end": "</a>"})
    return Markup(gettext(REPORT_OTHERWISE) % {"contact": md_text(contact)})
