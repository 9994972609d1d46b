"""Each rating's colours: readable (WCAG contrast) and told apart by colour-blind readers too,
though a verdict never relies on them (its icon and label are always beside them)."""

from __future__ import annotations

import itertools
import math

import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.site import rating_styles
from dossier_gen.records.ratings import COLOURS, ICONS, OTHER_COLOURS

from .conftest import FIXTURE, ROOT


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return r, g, b


def luminance(colour: str) -> float:
    r, g, b = _rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("rating_id", [*COLOURS, "a-rating-a-site-adds"])
def test_text_on_each_rating_colour_passes_wcag_aa(rating_id):
    colours = COLOURS.get(rating_id, OTHER_COLOURS)
    # The label on the verdict band and on badges (small bold text: 4.5:1).
    assert contrast(colours.background, colours.text) >= 4.5
    # The finding and the date under the verdict, in near-black on the pale wash.
    assert contrast(colours.tint, "#111111") >= 7
    assert contrast(colours.tint, "#222222") >= 4.5


# Machado, Oliveira and Fernandes (2009), full severity: how each colour looks to readers
# with protanopia, deuteranopia and tritanopia.
CVD = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(colour: str, vision: str | None) -> tuple[float, float, float]:
    rgb = _rgb(colour)
    if vision is not None:
        rows = CVD[vision]
        rgb = tuple(
            min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in rows
        )  # type: ignore[assignment]
    return _lab(rgb)


@pytest.mark.parametrize("vision", [None, *CVD])
def test_every_two_ratings_look_different_with_and_without_colour_blindness(vision):
    # ΔE (CIE76) of 15 or more: clearly different side by side. Light and dark colours
    # alternate along the scale, so lightness alone tells neighbours apart.
    for (a, x), (b, y) in itertools.combinations(COLOURS.items(), 2):
        difference = math.dist(_seen(x.background, vision), _seen(y.background, vision))
        assert difference >= 15, (vision, a, b, round(difference, 1))


def test_every_rating_of_the_default_scale_has_colours_and_an_icon():
    for folder in (ROOT / "data", FIXTURE / "data"):
        for rating in load_catalog(folder).dossier.model.ratings:
            assert rating.id in COLOURS and rating.id in ICONS


def test_the_stylesheet_gets_a_rule_for_each_rating_of_the_dossier():
    dossier = load_catalog(FIXTURE / "data").dossier.model
    css = rating_styles(dossier).decode()
    for rating in dossier.ratings:
        colours = COLOURS[rating.id]
        assert f".rating-{rating.id} {{ --dossier-rating-bg: {colours.background};" in css
