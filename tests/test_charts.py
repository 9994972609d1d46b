"""The build-time SVG charts: labelled, counted, accessible, and inert to record text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import unescape

from dossier_gen.loading.load import load_catalog
from dossier_gen.rendering.charts import Bar, bar_chart, rating_chart

from .conftest import FIXTURE

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    # Character references are the only escapes used; XML needs them decoded to parse.
    return ET.fromstring(unescape(str(markup)).replace("&", "&amp;"))


def test_every_bar_has_its_label_and_count_as_text():
    figure = parse(bar_chart("c", "Claims per rating", [Bar("True", 3), Bar("False", 0)]))
    svg = figure.find(f"{SVG}svg")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c-title c-desc"
    assert svg.find(f"{SVG}title").text == "Claims per rating"
    assert svg.find(f"{SVG}desc").text == "True: 3; False: 0"
    rows = svg.findall(f"{SVG}g")
    assert [[t.text for t in row.findall(f"{SVG}text")] for row in rows] == [
        ["True", "3"],
        ["False", "0"],
    ]
    widths = [int(row.find(f"{SVG}rect").get("width")) for row in rows]
    assert widths[0] > 0 and widths[1] == 0


def test_bars_are_proportional():
    svg = parse(bar_chart("c", "t", [Bar("a", 4), Bar("b", 2)])).find(f"{SVG}svg")
    widths = [int(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]


def test_record_text_cannot_become_markup():
    markup = str(bar_chart("c", "<script>x</script>", [Bar("<b>a</b>", 1)]))
    assert "<script>" not in markup and "<b>" not in markup
    assert "&#60;script&#62;" in markup


def test_rating_chart_counts_claims_in_scale_order():
    catalog = load_catalog(FIXTURE / "data")
    claims = {cid: rec.model for cid, rec in catalog.claims.items()}
    svg = parse(rating_chart("s", "t", catalog.dossier.model.ratings, claims, list(claims))).find(
        f"{SVG}svg"
    )
    assert svg.find(f"{SVG}desc").text == "Confirmed: 1; False: 0; Not checkable: 1"
