"""What a page tells search engines and link previews: its description, as front matter.

A claim travels as a shared link, so its preview must say the verdict: the description of a
claim page names the rating and gives the verdict summary. Descriptions reach the page as
front matter (`description:`), which every engine that reads Markdown front matter
understands, and which mkdocs-material prints raw into `<meta content="...">` (it does not
escape it). So the text holds no character with a meaning in HTML: `< > & " '` become
look-alikes (`escape.plain_title`), as page titles do.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from ..records.models import Claim, Entity, Rating
from .escape import plain_title
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
    # libyaml's emitter: the pure-Python one was a tenth of all rendering time.
    entries = yaml.dump(
        meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**30
    )  # no line wrapping
    opening = "---\n"
    if markdown.startswith(opening):
        return opening + entries + markdown.removeprefix(opening)
    return f"{opening}{entries}---\n\n{markdown}"
