"""Link-preview cards: one 1200×630 PNG per claim, drawn when the site is built.

A claim travels as a shared link, and a link preview shows a picture before any text: the
card carries the verdict (its icon, label and colours, as on the page), the claim's title,
who made the claim and the site's name, so the verdict travels with the link.

Drawn with Pillow in Noto Sans CJK, which the `manimgx-fonts-cjk` package ships (SIL Open
Font License 1.1): one font for Latin and Chinese text, installed with the package, so a
build needs no system font and no network, and draws the same pixels on every machine.
Icons are drawn as shapes, since no one font holds them all. Pillow's basic text layout is
used (not libraqm, which would depend on the system's FriBiDi).

Cards are kept in a cache folder outside the repository's tracked files, named by a hash of
everything drawn on them (and of this module's drawing version, the font and Pillow), so a
card is drawn again only when its claim, its claimant's name, its rating or the site's name
changes; the site links to the cached file rather than holding it in memory.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from ..records.ratings import RatingScale
from ..rendering import urls
from ..rendering.i18n import N_, SOURCE_LANGUAGE, gettext_for, has_interface
from ..rendering.localize import entity_name

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

    from ..loading.catalog import Catalog

DRAWING_VERSION = "1"
"""Change when the drawing changes, so that every cached card is drawn again."""

WIDTH, HEIGHT = urls.CARD_SIZE
MARGIN = 64
BAND = 168
"""Height of the verdict band at the top."""
TEXT = "#111111"
MUTED = "#3a3a3a"
FONT_INDEX = 2
"""Noto Sans CJK SC in the collection: the simplified Chinese forms, which the dossier's
Chinese sources mostly use; its Latin letters are the same in every member."""


@dataclass(frozen=True)
class Card:
    """Everything a card shows."""

    site: str
    rating_id: str
    label: str
    title: str
    claimant: str
    language: str = SOURCE_LANGUAGE
    """The language of the card's own words ("Verdict", "Claimed by")."""

    def alt(self) -> str:
        """The card in words, for `og:image:alt`."""
        line = gettext_for(self.language)(CARD_ALT)
        return line % {
            "label": self.label,
            "title": self.title,
            "claimant": self.claimant,
            "site": self.site,
        }

    def words(self) -> tuple[str, str]:
        """The kicker above the verdict and the line naming the claimant."""
        _ = gettext_for(self.language)
        return _(KICKER).upper(), _(CLAIMED_BY) % {"claimant": self.claimant}


KICKER = N_("Verdict")
CLAIMED_BY = N_("Claimed by %(claimant)s")
CARD_ALT = N_("Verdict: %(label)s. %(title)s (claimed by %(claimant)s). %(site)s")


FONT_PACKAGE = "manimgx_fonts_cjk"
FONT_FILE = "NotoSansCJK-VF.otf.ttc"


def font_file() -> Path:
    """The font file, inside its package (a real file: the package installs unzipped)."""
    return Path(str(resources.files(FONT_PACKAGE).joinpath(FONT_FILE)))


@functools.lru_cache(maxsize=16)
def _font(size: int, weight: str) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    font = ImageFont.truetype(
        str(font_file()), size, index=FONT_INDEX, layout_engine=ImageFont.Layout.BASIC
    )
    font.set_variation_by_name(weight)
    return font


def _is_wide(char: str) -> bool:
    # Chinese, Japanese and Korean text breaks between any two characters.
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\uff00"


def _pieces(text: str) -> list[str]:
    """Words (with their trailing space) and single wide characters: where a line may break."""
    pieces: list[str] = []
    word = ""
    for char in " ".join(text.split()):
        if _is_wide(char):
            if word:
                pieces.append(word)
                word = ""
            pieces.append(char)
        else:
            word += char
            if char == " ":
                pieces.append(word)
                word = ""
    if word:
        pieces.append(word)
    return pieces


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `max_lines`, the last one cut with an
    ellipsis when the text is longer."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(text):
        if line and font.getlength((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    cut = len(lines) > max_lines
    lines = lines[:max_lines]
    if cut or any(font.getlength(text) > width for text in lines):
        return [
            _fit(text, font, width, cut and n == len(lines) - 1) for n, text in enumerate(lines)
        ]
    return lines


def _fit(line: str, font: ImageFont.FreeTypeFont, width: int, more: bool) -> str:
    """`line`, cut with an ellipsis where it is wider than `width` or where text follows."""
    if not more and font.getlength(line) <= width:
        return line
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip(" ,;:") + "…"


def _draw_icon(
    draw: ImageDraw.ImageDraw, rating_id: str, box: tuple[int, int, int], ink: str
) -> None:
    """The rating's icon (as `records.ratings.ICONS` shows it in pages) as shapes: `box` is
    the top-left corner and the size of a square."""
    x, y, size = box
    line = max(6, size // 9)
    if rating_id == "confirmed":
        draw.line(
            [
                (x + size * 0.12, y + size * 0.55),
                (x + size * 0.4, y + size * 0.82),
                (x + size * 0.9, y + size * 0.18),
            ],
            fill=ink,
            width=line * 3 // 2,
            joint="curve",
        )
    elif rating_id in ("false", "contradicted"):
        width = line * 2 if rating_id == "false" else line * 3 // 2
        inset = size * 0.16
        draw.line(
            [(x + inset, y + inset), (x + size - inset, y + size - inset)], fill=ink, width=width
        )
        draw.line(
            [(x + inset, y + size - inset), (x + size - inset, y + inset)], fill=ink, width=width
        )
    elif rating_id == "partly-confirmed":
        draw.ellipse([x, y, x + size, y + size], outline=ink, width=line)
        draw.pieslice([x, y, x + size, y + size], -90, 90, fill=ink)
    elif rating_id == "not-checkable":
        draw.ellipse(
            [x + line, y + line, x + size - line, y + size - line], outline=ink, width=line
        )
        draw.line(
            [(x + size * 0.1, y + size * 0.9), (x + size * 0.9, y + size * 0.1)],
            fill=ink,
            width=line,
        )
    elif rating_id == "disputed":
        mid1, mid2, head = y + size * 0.32, y + size * 0.68, size * 0.2
        draw.line([(x, mid1), (x + size - head, mid1)], fill=ink, width=line)
        draw.polygon(
            [(x + size, mid1), (x + size - head, mid1 - head), (x + size - head, mid1 + head)],
            fill=ink,
        )
        draw.line([(x + head, mid2), (x + size, mid2)], fill=ink, width=line)
        draw.polygon([(x, mid2), (x + head, mid2 - head), (x + head, mid2 + head)], fill=ink)
    elif rating_id == "unsupported":
        font = _font(int(size * 1.25), "Bold")
        draw.text((x + size / 2, y + size / 2), "?", font=font, fill=ink, anchor="mm")
    else:
        draw.ellipse([x + size * 0.15, y + size * 0.15, x + size * 0.85, y + size * 0.85], fill=ink)


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes (the same bytes for the same card, on any machine with the
    same Pillow and font)."""
    from PIL import Image, ImageDraw

    colours = RatingScale.colours(card.rating_id)
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, BAND], fill=colours.background)
    draw.rectangle([0, BAND, WIDTH, HEIGHT], fill=colours.tint)
    draw.rectangle([0, BAND, 16, HEIGHT], fill=colours.background)

    kicker_words, by_words = card.words()
    kicker = _font(30, "Bold")
    draw.text((MARGIN, 26), kicker_words, font=kicker, fill=colours.text)
    icon = 76
    _draw_icon(draw, card.rating_id, (MARGIN, 66, icon), colours.text)
    label_font = _font(78, "Bold")
    label = wrap(card.label.upper(), label_font, WIDTH - 2 * MARGIN - icon - 28, 1)[0]
    draw.text((MARGIN + icon + 28, 104), label, font=label_font, fill=colours.text, anchor="lm")

    title_font = _font(54, "Bold")
    lines = wrap(card.title, title_font, WIDTH - 2 * MARGIN, 4)
    y = BAND + 34
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=TEXT)
        y += 66
    by_font = _font(34, "Regular")
    by = wrap(by_words, by_font, WIDTH - 2 * MARGIN, 1)[0]
    draw.text((MARGIN, max(y + 10, HEIGHT - 150)), by, font=by_font, fill=MUTED)
    draw.line([(MARGIN, HEIGHT - 82), (WIDTH - MARGIN, HEIGHT - 82)], fill="#9a9a9a", width=2)
    site_font = _font(30, "Bold")
    site = wrap(card.site, site_font, WIDTH - 2 * MARGIN, 1)[0]
    draw.text((MARGIN, HEIGHT - 62), site, font=site_font, fill=MUTED)

    out = io.BytesIO()
    # Level 6: a third of the time of level 9 for a few percent more bytes.
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def claim_cards(catalog: Catalog, language: str | None = None) -> dict[str, Card]:
    """Each claim's card, by the claim's page path, in the edition of `language` (by
    default the original): a claim with no translation into it keeps its original title."""
    dossier = catalog.dossier.model
    language = language or dossier.language
    own = dossier.translations.get(language)
    site = (own.title if own else None) or dossier.title
    words = language if has_interface(language) else SOURCE_LANGUAGE
    cards = {}
    for cid, loaded in catalog.claims.items():
        claim = loaded.model
        rating = dossier.rating(claim.rating)
        label = rating.translations.get(language)
        translated = claim.translations.get(language)
        cards[urls.claim_page(cid)] = Card(
            site=site,
            rating_id=claim.rating,
            label=label.label if label else rating.label,
            title=translated.title if translated else claim.title,
            claimant=entity_name(catalog.entities[claim.claimant].model, language),
            language=words,
        )
    return cards


@functools.cache
def _drawing_stamp() -> str:
    # What else decides the pixels: the drawing code's version, the font file, Pillow.
    font = font_file()
    return f"{DRAWING_VERSION}:{font.name}:{font.stat().st_size}:{version('pillow')}"


# Bounded: a preview asks again for every card on each rebuild (0.02 s at 1,000 claims).
@functools.lru_cache(maxsize=2**14)
def card_key(card: Card) -> str:
    text = json.dumps([_drawing_stamp(), asdict(card)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


Drawer = Callable[[Sequence[tuple[Card, Path]]], None]
"""Draws each card into its file: serially here, or on every core (`speed.parallel`)."""


def write_card(card: Card, file: Path) -> None:
    """Draw `card` into `file`: written whole, then renamed, so a build stopped half-way
    leaves no broken card."""
    handle, temporary = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(draw_card(card))
    os.replace(temporary, file)


def draw_serially(jobs: Sequence[tuple[Card, Path]]) -> None:
    for card, file in jobs:
        write_card(card, file)


CACHE_DIR = ".cache/dossier-gen/cards"
"""Where the faces keep cards, relative to the project (ignored by git, as `.cache/` is)."""


def cached_cards(
    cards: dict[str, Card], cache_dir: Path, drawer: Drawer = draw_serially
) -> dict[str, Path]:
    """Page path → the file of its card in `cache_dir`, drawing only the cards not there.

    Files in `cache_dir` that no card needs any more are removed, so the folder holds one
    site's cards (give each site its own)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    files = {path: cache_dir / f"{card_key(card)}.png" for path, card in cards.items()}
    missing = sorted(
        {file: cards[path] for path, file in files.items() if not file.is_file()}.items()
    )
    # Each card goes to its file as it is drawn: 10,000 cards held as bytes until the last
    # was drawn took some 500 MiB.
    drawer([(card, file) for file, card in missing])
    wanted = set(files.values())
    for old in cache_dir.glob("*.png"):
        if old not in wanted:
            old.unlink(missing_ok=True)
    return files
