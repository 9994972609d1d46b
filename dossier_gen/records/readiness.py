"""Whether a dossier's settings are ready to publish, or still hold placeholders.

A new dossier starts with placeholder publisher details (example.org addresses, text that
says "placeholder"), because a publisher's name, contact and funding are facts only the
publisher can give: nothing here ever fills them in. Pages show a preview notice while any
remain, and `dossier validate --publication` refuses to pass them
(`publishing/publication.py`, which also reads the hand-written pages with
`placeholder_marks`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .models import Dossier

Loc = tuple[str | int, ...]

PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "example.edu")
"""Reserved for documentation (RFC 2606): no real publisher is there."""
_PLACEHOLDER_WORDS = re.compile(r"\b(placeholder|lorem ipsum|to be completed)\b", re.I)
_EXAMPLE_HOST_IN_TEXT = re.compile(
    r"(?<![\w.-])(?:[a-z0-9-]+\.)*example\.(?:org|com|net|edu)(?![\w-])", re.I
)
"""An example domain or a host under one, wherever it stands in running text or Markdown
(`[contact](https://example.org/contact)`, `desk@example.com`); not `myexample.org`."""


def _example_host(text: str) -> bool:
    for word in text.split():
        if "." not in word:
            continue
        host = urlsplit(word if "://" in word else f"//{word}").hostname or ""
        if any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS):
            return True
        domain = word.rsplit("@", 1)[1].rstrip(".,;)").lower() if "@" in word else ""
        if any(domain == d or domain.endswith("." + d) for d in PLACEHOLDER_DOMAINS):
            return True
    return False


def placeholder_reason(text: str | None) -> str | None:
    """Why `text` looks like a placeholder rather than a publisher's real detail, if it does."""
    if text is None:
        return None
    if _example_host(text):
        return "is an example address (example.org and the like), not a real one"
    match = _PLACEHOLDER_WORDS.search(text)
    if match:
        return f"still says {match.group(0)!r}"
    return None


def placeholder_marks(text: str) -> list[tuple[int, str]]:
    """Where a hand-written page still holds a placeholder: (index in `text`, why), in order.

    The marks are those `placeholder_reason` knows: an example address, or the words
    "placeholder", "lorem ipsum" or "to be completed" (which `dossier init`'s pages use to
    mark what a publisher must write).
    """
    found = [
        (m.start(), f"names an example address ({m.group(0)}), not a real one")
        for m in _EXAMPLE_HOST_IN_TEXT.finditer(text)
    ]
    found += [(m.start(), f"still says {m.group(0)!r}") for m in _PLACEHOLDER_WORDS.finditer(text)]
    return sorted(found)


def placeholders(dossier: Dossier) -> list[tuple[Loc, str]]:
    """Every publisher detail or address in `dossier` that is still a placeholder, with why."""
    found: list[tuple[Loc, str]] = []
    publisher = dossier.publisher
    for field in ("name", "url", "contact", "funding"):
        reason = placeholder_reason(getattr(publisher, field))
        if reason:
            found.append((("publisher", field), reason))
    reason = placeholder_reason(dossier.base_url)
    if reason:
        found.append((("base_url",), reason))
    return found


def missing(dossier: Dossier) -> list[tuple[Loc, str]]:
    """What the IFCN's principles ask a publisher to show that the settings lack."""
    found: list[tuple[Loc, str]] = []
    if not dossier.publisher.contact:
        found.append(
            (
                ("publisher",),
                "publisher.contact is missing: say how readers reach"
                " the publisher (an e-mail address or a contact page)",
            )
        )
    if not dossier.publisher.funding:
        found.append(
            (
                ("publisher",),
                "publisher.funding is missing: say who funds the"
                " dossier and who owns the publisher",
            )
        )
    return found


def is_preview(dossier: Dossier) -> bool:
    """Whether pages should say that the publisher's details are not configured yet."""
    return bool(placeholders(dossier) or missing(dossier))
