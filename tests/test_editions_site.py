"""The two-language fixture built end to end with `dossier build` (MkDocs, strict): every
page has its counterpart in the other edition, says its language, links the counterpart in
its head and in a visible switcher, and each edition has its own search, sitemap, theme
language and ClaimReview."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_gen.editing.linkcheck import check_site

from .conftest import BILINGUAL
from .test_claimreview import VALIDATOR

pytestmark = pytest.mark.slow

BASE = "https://dossier.example.org/"
ZH = "zh-Hans"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("bilingual") / "project"
    shutil.copytree(BILINGUAL, project)
    result = subprocess.run(
        [sys.executable, "-m", "dossier_gen", "build"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def _pages(folder: Path, skip: str | None = None) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("index.html")
        if not (skip and p.relative_to(folder).parts[0] == skip)
    }


def _address(path: str) -> str:
    return path.removesuffix("index.html")


def test_every_page_has_its_counterpart(site):
    english = _pages(site, skip="zh")
    chinese = _pages(site / "zh")
    assert english == chinese
    assert {"index.html", "claims/ferry-carries-500/index.html", "about/index.html"} <= english


@pytest.mark.parametrize("edition", ["en", ZH])
def test_every_page_says_its_language_and_links_its_counterparts(site, edition):
    root = site if edition == "en" else site / "zh"
    prefix = "" if edition == "en" else "zh/"
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
    for path in sorted(_pages(site, skip="zh")):
        page = (root / path).read_text(encoding="utf-8")
        assert f'<html lang="{edition}"' in page, path
        address = _address(path)
        en_url, zh_url = BASE + address, BASE + "zh/" + address
        own = en_url if edition == "en" else zh_url
        assert f'<link rel="canonical" href="{own}">' in page, path
        # Every page's alternates are in its edition's sitemap; the home pages' also in
        # their head (deeper pages' would make the theme's script fetch missing files).
        alternates = [
            f'<link rel="alternate" hreflang="en" href="{en_url}">',
            f'<link rel="alternate" hreflang="zh-Hans" href="{zh_url}">',
            f'<link rel="alternate" hreflang="x-default" href="{en_url}">',
        ]
        for link in alternates:
            assert (link in page) == (address == ""), (path, link)
        assert (
            f"<loc>{own}</loc>"
            f'<xhtml:link rel="alternate" hreflang="en" href="{en_url}"/>'
            f'<xhtml:link rel="alternate" hreflang="zh-Hans" href="{zh_url}"/>'
            f'<xhtml:link rel="alternate" hreflang="x-default" href="{en_url}"/>'
        ) in sitemap, path
        # The visible switcher links the other edition's page, which exists.
        other = "zh-Hans" if edition == "en" else "en"
        switch = re.search(rf'<a href="([^"]+)" hreflang="{other}" lang="{other}"', page)
        assert switch, path
        target = (root / path).parent / switch.group(1) / "index.html"
        assert (
            target.resolve()
            == ((site / "zh" / path) if edition == "en" else (site / path)).resolve()
        ), path
    assert prefix in sitemap


def test_the_theme_speaks_each_editions_language(site):
    english = (site / "index.html").read_text(encoding="utf-8")
    chinese = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Search"' in english
    assert 'placeholder="搜索"' in chinese
    # Navigation titles from the catalog; the site's name is the translated title.
    assert "全部说法" in chinese and "渡轮测试档案" in chinese
    assert "All claims" in english and "渡轮测试档案" not in english


def test_each_edition_has_its_own_search_sitemap_and_feed(site):
    # The dossier's own index, in each edition's folder: the Chinese edition lists the
    # translated titles, the English one does not.
    chinese = {row[1] for row in _search_rows(site / "zh")}
    english = {row[1] for row in _search_rows(site)}
    assert "新渡轮是沿海最快的渡轮" in chinese
    assert "新渡轮是沿海最快的渡轮" not in english
    assert "The new ferry is the fastest on the coast" in english
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    zh_sitemap = (site / "zh" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}claims/ferry-carries-500/</loc>" in sitemap
    assert f"<loc>{BASE}zh/" not in sitemap
    assert f"<loc>{BASE}zh/claims/ferry-carries-500/</loc>" in zh_sitemap
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}zh/sitemap.xml" in robots
    assert 'xml:lang="zh-Hans"' in (site / "zh" / "feed.atom").read_text(encoding="utf-8")


def _search_rows(root: Path) -> list[list]:
    manifest = json.loads((root / "search" / "index.json").read_text(encoding="utf-8"))
    return [
        row
        for block in range(-(-manifest["docs"] // manifest["block"]))
        for row in json.loads((root / "search" / "docs" / f"{block}.json").read_text("utf-8"))
    ]


def _claim_reviews(page: Path) -> list[dict]:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S
    )
    return [b for b in map(json.loads, blocks) if b.get("@type") == "ClaimReview"]


@pytest.mark.parametrize("edition", ["en", ZH])
def test_claimreview_is_valid_in_both_editions(site, edition):
    root = site if edition == "en" else site / "zh"
    for claim in ("ferry-fastest-on-coast", "ferry-sails-next-year", "ferry-carries-500"):
        (review,) = _claim_reviews(root / "claims" / claim / "index.html")
        assert not [e.message for e in VALIDATOR.iter_errors(review)], (claim, review)
        if edition == ZH and claim != "ferry-carries-500":  # the third is untranslated
            assert review["inLanguage"] == ZH
            assert review["url"] == f"{BASE}zh/claims/{claim}/"
            assert review["translationOfWork"]["@id"] == f"{BASE}claims/{claim}/#claimreview"
        else:
            assert review["inLanguage"] == "en"
            assert review["url"] == f"{BASE}claims/{claim}/"
        assert review["@id"] == review["url"] + "#claimreview"


def test_hand_written_pages_are_translated_or_marked(site):
    methodology = (site / "zh" / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in methodology and "方法" in methodology
    assert "/edit/main/docs/zh/methodology.md" in methodology
    assert "dossier-untranslated" not in methodology
    about = (site / "zh" / "about" / "index.html").read_text(encoding="utf-8")
    assert "dossier-untranslated" in about and "尚未翻译" in about
    assert '<div lang="en"><h1 id="about">About' in about
    assert "/edit/main/docs/about.md" in about
    # The English edition never shows the translations' folder.
    assert not (site / "zh" / "zh").exists()
    assert "渡轮测试档案" not in (site / "methodology" / "index.html").read_text("utf-8")


def test_chinese_in_the_english_edition_is_marked(site):
    claim = (site / "claims" / "ferry-carries-500" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh">渡轮将于明年通航</span>' in claim  # the source's title
    entity = (site / "entities" / "zhou-haiyan" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh">周海燕</span>' in entity


def test_every_link_of_both_editions_resolves(site):
    report = check_site(site)
    assert report.problems == [], "\n".join(map(str, report.problems))
