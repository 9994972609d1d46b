"""The build-time bar charts: labelled, counted, in the ratings' colours, inert to record text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import unescape

from dossier_gen.loading.load import load_catalog
from dossier_gen.rendering.charts import Bar, bar_chart, bar_width_styles, rating_chart

from .conftest import FIXTURE


def parse(markup: str) -> ET.Element:
    # Character references are the only escapes used; XML needs them decoded to parse.
    return ET.fromstring(unescape(str(markup)).replace("&", "&amp;"))


def _rows(figure: ET.Element) -> list[ET.Element]:
    return figure.findall("./ul/li")


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _width(row: ET.Element) -> int:
    # A class per whole percent (`dossier-w-50`): the pages' CSP refuses inline styles.
    bars = [s for s in row.iter("span") if "dossier-chart__bar" in s.get("class", "").split()]
    assert len(bars) == 1
    (width,) = [c for c in bars[0].get("class", "").split() if c.startswith("dossier-w-")]
    return int(width.removeprefix("dossier-w-"))


def test_every_width_class_has_its_rule():
    rules = bar_width_styles()
    assert ".dossier-w-0{width:0%}" in rules and ".dossier-w-100{width:100%}" in rules
    assert rules.count("{") == 101


def test_every_bar_has_its_label_and_count_as_text():
    figure = parse(bar_chart("c", "Claims per rating", [Bar("True", 3), Bar("False", 0)]))
    assert figure.tag == "figure" and figure.get("id") == "c"
    assert _text(figure.find("figcaption")) == "Claims per rating"
    rows = _rows(figure)
    labels = [_text(r.find("./span[@class='dossier-chart__label']")) for r in rows]
    counts = [_text(r.find("./span[@class='dossier-chart__count']")) for r in rows]
    assert labels == ["True", "False"] and counts == ["3", "0"]
    assert _width(rows[0]) == 100 and _width(rows[1]) == 0


def test_bars_are_proportional_and_empty_rows_can_be_left_out():
    figure = parse(bar_chart("c", "t", [Bar("a", 4), Bar("b", 2), Bar("c", 0)]))
    assert [_width(r) for r in _rows(figure)] == [100, 50, 0]
    short = parse(bar_chart("c", "t", [Bar("a", 4), Bar("c", 0)], skip_empty=True))
    assert len(_rows(short)) == 1


def test_record_text_cannot_become_markup():
    markup = str(bar_chart("c", "<script>x</script>", [Bar("<b>a</b>", 1, 'x" onclick="y')]))
    assert "<script>" not in markup and "<b>" not in markup and 'onclick="' not in markup
    assert "&#60;script&#62;" in markup


def test_rating_chart_counts_claims_in_scale_order_with_icons_and_colour_classes():
    catalog = load_catalog(FIXTURE / "data")
    claims = {cid: rec.model for cid, rec in catalog.claims.items()}
    figure = parse(rating_chart("s", "t", catalog.dossier.model.ratings, claims, list(claims)))
    rows = _rows(figure)
    assert [_text(r.find("./span[@class='dossier-chart__label']")) for r in rows] == [
        "✔ Confirmed",
        "✖ False",
        "∅ Not checkable",
    ]
    assert [_text(r.find("./span[@class='dossier-chart__count']")) for r in rows] == [
        "1",
        "0",
        "1",
    ]
    assert [r.get("class") for r in rows] == [
        "dossier-chart__row rating-confirmed",
        "dossier-chart__row rating-false",
        "dossier-chart__row rating-not-checkable",
    ]
    icon = rows[0].find(".//span[@class='dossier-chart__icon']")
    assert icon is not None and icon.get("aria-hidden") == "true"
