"""The card cache: each card drawn once, written whole, the same on every core."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import Image

from dossier_gen.publishing.cards import Card, cached_cards, draw_serially
from dossier_gen.speed import parallel

CARDS = {
    f"claims/c{n}.md": Card("A dossier", rating, label, f"Claim number {n}", "Ada Example")
    for n, (rating, label) in enumerate(
        [("false", "False"), ("confirmed", "Confirmed"), ("partly-confirmed", "Partly confirmed")]
    )
}


def _counting(drawer, drawn: list[int]):
    def draw(jobs):
        drawn.append(len(jobs))
        drawer(jobs)

    return draw


def test_cards_are_drawn_once_and_unneeded_ones_removed(tmp_path: Path):
    drawn: list[int] = []
    files = cached_cards(CARDS, tmp_path, _counting(draw_serially, drawn))
    assert drawn == [3]
    assert sorted(files) == sorted(CARDS)
    for file in files.values():
        with Image.open(file) as image:
            assert image.size == (1200, 630)
    assert not list(tmp_path.glob("*.tmp"))

    again = cached_cards(CARDS, tmp_path, _counting(draw_serially, drawn))
    assert again == files
    assert drawn == [3, 0]

    fewer = dict(list(CARDS.items())[:1])
    cached_cards(fewer, tmp_path, _counting(draw_serially, drawn))
    assert sorted(tmp_path.glob("*.png")) == [files["claims/c0.md"]]


def test_cards_drawn_on_every_core_are_those_drawn_serially(tmp_path: Path):
    serial = cached_cards(CARDS, tmp_path / "serial", draw_serially)
    in_pool = functools.partial(parallel.draw_in_parallel, min_items=1)
    pooled = cached_cards(CARDS, tmp_path / "pool", in_pool)
    for page in CARDS:
        assert pooled[page].name == serial[page].name
        assert pooled[page].read_bytes() == serial[page].read_bytes()


def test_each_edition_draws_its_cards_in_its_language():
    from dossier_gen import load_catalog
    from dossier_gen.publishing.cards import claim_cards

    from .conftest import BILINGUAL

    catalog = load_catalog(BILINGUAL / "data")
    english = claim_cards(catalog)["claims/ferry-fastest-on-coast.md"]
    chinese = claim_cards(catalog, "zh-Hans")["claims/ferry-fastest-on-coast.md"]
    assert (english.title, english.label, english.site) == (
        "The new ferry is the fastest on the coast",
        "False",
        "Ferry fixture dossier",
    )
    assert english.words() == ("VERDICT", "Claimed by Ferry Weekly")
    # The translated title, the rating's Chinese label and the site's Chinese name; the
    # claimant's name is a name, not translated.
    assert (chinese.title, chinese.label, chinese.site, chinese.claimant) == (
        "新渡轮是沿海最快的渡轮",
        "不实",
        "渡轮测试档案",
        "Ferry Weekly",
    )
    kicker, by = chinese.words()
    assert kicker == "结论" and by.startswith("声称者") and "Ferry Weekly" in by
    assert chinese.alt().startswith("结论：不实。新渡轮是沿海最快的渡轮")
    # A claim with no translation keeps its title, under the edition's own words.
    untranslated = claim_cards(catalog, "zh-Hans")["claims/ferry-carries-500.md"]
    assert untranslated.title == "The ferry carries 500 passengers"
    assert untranslated.words()[0] == "结论"


def _linked_file(tmp_path: Path, source: Path):
    from dossier_gen.mkdocs_pages import LinkedFile

    return LinkedFile(
        source.name,
        str(source.parent),
        str(tmp_path / "site"),
        True,
        dest_uri="cards/a.png",
    )


def test_a_card_is_linked_into_the_site_and_keeps_its_bytes_when_drawn_again(tmp_path: Path):
    cached = tmp_path / "cache" / "a.png"
    cached.parent.mkdir()
    cached.write_bytes(b"first card")
    file = _linked_file(tmp_path, cached)
    file.copy_file()
    published = Path(file.abs_dest_path)
    assert published.read_bytes() == b"first card"
    assert published.stat().st_ino == cached.stat().st_ino  # a link, not a copy
    file.copy_file()  # a second build over the first
    assert published.read_bytes() == b"first card"
    # The cache replaces a card it draws again (a new file renamed over the old one): the
    # site built before keeps the card it was built with.
    fresh = cached.with_suffix(".tmp")
    fresh.write_bytes(b"second card")
    fresh.replace(cached)
    assert published.read_bytes() == b"first card"


def test_a_card_is_copied_where_it_cannot_be_linked(tmp_path: Path, monkeypatch):
    import os

    cached = tmp_path / "a.png"
    cached.write_bytes(b"card")

    def refuse(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    file = _linked_file(tmp_path, cached)
    file.copy_file()
    published = Path(file.abs_dest_path)
    assert published.read_bytes() == b"card"
    assert published.stat().st_ino != cached.stat().st_ino
