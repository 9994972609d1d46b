"""A dossier in several languages: declared languages, translations and their fingerprints,
what each edition shows, its addresses, ClaimReview, data files and page heads (issue 19).
The whole built site is checked in `test_editions_site.py`."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli
from dossier_gen.loading.load import load_catalog
from dossier_gen.loading.translations import coverage, out_of_date
from dossier_gen.mkdocs_plugin import edition_nav
from dossier_gen.problems import DataError
from dossier_gen.publishing.claimreview import all_claim_reviews, claim_review
from dossier_gen.publishing.exports import build_exports
from dossier_gen.publishing.site import build_site
from dossier_gen.publishing.theme import (
    Alternate,
    Share,
    head_block,
    language_switcher,
    mark_chinese,
    set_html_lang,
)
from dossier_gen.records.translations import digest, status
from dossier_gen.rendering import urls
from dossier_gen.rendering.dates import format_date
from dossier_gen.rendering.escape import Foreign
from dossier_gen.rendering.i18n import gettext_for
from dossier_gen.rendering.render import render_pages
from dossier_gen.rendering.wording import language_name, reader_locator, source_kind, tag_label

from .conftest import BILINGUAL, FIXTURE
from .test_claimreview import VALIDATOR

ZH = "zh-Hans"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(BILINGUAL / "data")


@pytest.fixture
def bilingual(tmp_path: Path, chdir) -> Path:
    """A writable copy of the two-language fixture, as the working folder."""
    return chdir(Path(shutil.copytree(BILINGUAL, tmp_path / "bilingual")))


# --- declaring languages -------------------------------------------------------------------


def test_a_dossier_in_one_language_keeps_working_as_before():
    dossier = load_catalog(FIXTURE / "data").dossier.model
    assert dossier.languages == ["en"] and dossier.other_languages == []


def test_languages_fills_in_language(catalog):
    dossier = catalog.dossier.model
    assert dossier.language == "en" and dossier.other_languages == [ZH]


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_catalog(root / "data")
    return [str(p) for p in error.value.problems]


def test_language_and_languages_must_agree(bilingual):
    settings = bilingual / "data" / "dossier.yml"
    settings.write_text(settings.read_text().replace("languages:", "language: fr\nlanguages:"))
    (message,) = _problems(bilingual)
    assert "language is 'fr' but languages starts with 'en'" in message


def test_a_language_the_interface_is_not_translated_into_is_reported(bilingual):
    settings = bilingual / "data" / "dossier.yml"
    settings.write_text(settings.read_text().replace("[en, zh-Hans]", "[en, zh-Hans, fr]"))
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert (
        "data/dossier.yml:3:26: dossier-gen's interface is not translated into 'fr' (it has"
        " en, zh-Hans); add a catalog for it in locale/ (make catalogs) or choose one of those"
    ) in result.output


def test_a_translation_into_an_undeclared_language_is_refused_at_its_key(bilingual):
    record = bilingual / "data" / "entities" / "zhou-haiyan.yml"
    record.write_text(record.read_text().replace("  zh-Hans:", "  zh-Hant:"))
    assert _problems(bilingual) == [
        "data/entities/zhou-haiyan.yml:10:3: a translation into 'zh-Hant', which is not one of"
        " the dossier's other languages (zh-Hans); add it to languages in dossier.yml or fix"
        " the tag"
    ]


def test_a_translation_must_say_what_it_translates_and_is_told_the_fingerprint(bilingual):
    record = bilingual / "data" / "entities" / "zhou-haiyan.yml"
    text = "\n".join(
        line for line in record.read_text().splitlines() if "original_digest" not in line
    )
    record.write_text(text + "\n")
    entity = load_catalog(BILINGUAL / "data").entities["zhou-haiyan"].model
    assert _problems(bilingual) == [
        "data/entities/zhou-haiyan.yml:10:3: the zh-Hans translation does not say which"
        f" original it was made from; add  original_digest: {digest(entity)}  (the fingerprint"
        " of the text as it is now), so a later change to the original marks it out of date"
    ]


def test_more_evidence_translations_than_evidence_is_refused(bilingual):
    record = bilingual / "data" / "claims" / "ferry-fastest-on-coast.yml"
    record.write_text(record.read_text() + "      - note: 多出的一条。\n")
    (message,) = _problems(bilingual)
    assert "2 evidence translations for 1 evidence items" in message


# --- fingerprints and staleness ------------------------------------------------------------


def test_the_fingerprint_ignores_wrapping_and_follows_the_words(catalog):
    claim = catalog.claims["ferry-fastest-on-coast"].model
    rewrapped = claim.model_copy(update={"summary": claim.summary.replace(" ", "\n  ")})
    assert digest(rewrapped) == digest(claim)
    changed = claim.model_copy(update={"summary": claim.summary + " Corrected."})
    assert digest(changed) != digest(claim)
    assert status(claim, ZH) == "current"
    assert status(changed, ZH) == "out-of-date"
    assert status(catalog.claims["ferry-carries-500"].model, ZH) == "missing"


def test_changing_the_english_marks_the_translation_out_of_date(bilingual):
    before = load_catalog(bilingual / "data")
    assert [w.path for w in out_of_date(before)] == ["data/claims/ferry-sails-next-year.yml"]
    record = bilingual / "data" / "entities" / "zhou-haiyan.yml"
    record.write_text(record.read_text().replace("imaginary town", "invented town"))
    after = out_of_date(load_catalog(bilingual / "data"))
    entity = load_catalog(bilingual / "data").entities["zhou-haiyan"].model
    assert str(after[1]) == (
        "data/entities/zhou-haiyan.yml:12:22: warning: the zh-Hans translation of entity"
        " 'zhou-haiyan' is out of date: the original changed after it was translated on"
        f" 2026-11-25; update the translation, then set original_digest: {digest(entity)}"
    )


def test_coverage_per_language_and_kind(catalog):
    report = coverage(catalog)[ZH]
    assert (report["claims"].total, len(report["claims"].translated)) == (3, 2)
    assert report["claims"].missing == ["ferry-carries-500"]
    assert report["claims"].out_of_date == ["ferry-sails-next-year"]
    assert report["entities"].missing == ["ferry-weekly"]
    assert report["ratings"].missing == [] and report["sources"].missing == []


def test_validate_reports_each_language_for_people_and_tools(bilingual):
    text = CliRunner().invoke(cli, ["validate"])
    assert text.exit_code == 0, text.output
    assert (
        "zh-Hans: translated 3 of 3 ratings, 2 of 3 claims, 1 of 2 entities, 2 of 2 sources,"
        " 2 of 3 pages; 1 out of date.\n"
        "  claims not yet translated: ferry-carries-500\n"
        "  entities not yet translated: ferry-weekly\n"
        "  pages not yet translated: about.md\n"
    ) in text.output
    assert "data/claims/ferry-sails-next-year.yml:18:22: warning: the zh-Hans translation" in (
        text.output
    )
    machine = CliRunner().invoke(cli, ["validate", "--format", "json"])
    assert machine.exit_code == 0
    report = json.loads(machine.output)
    assert report["ok"] is True
    assert report["translations"][ZH]["claims"] == {
        "total": 3,
        "translated": 2,
        "out_of_date": ["ferry-sails-next-year"],
        "missing": ["ferry-carries-500"],
    }
    assert report["translations"][ZH]["pages"]["missing"] == ["about.md"]
    assert [w["path"] for w in report["warnings"]] == ["data/claims/ferry-sails-next-year.yml"]


# --- addresses -----------------------------------------------------------------------------


def test_editions_live_under_their_language_folder(catalog):
    dossier = catalog.dossier.model
    assert urls.edition_prefix(dossier, "en") == ""
    assert urls.edition_prefix(dossier, ZH) == "zh/"
    assert urls.edition_folder("zh-Hans", ["en", "zh-Hans", "zh-Hant"]) == "zh-hans"
    assert urls.claim_url(dossier, "x", ZH) == "https://dossier.example.org/zh/claims/x/"
    assert urls.claim_url(dossier, "x") == "https://dossier.example.org/claims/x/"


@pytest.mark.parametrize(
    "target, here, link",
    [
        ("claims/x/", "zh/claims/x/", "../../../claims/x/"),
        ("zh/claims/x/", "claims/x/", "../../zh/claims/x/"),
        ("", "zh/", "../"),
        ("zh/", "", "zh/"),
    ],
)
def test_relative_links_between_editions(target, here, link):
    assert urls.relative_address(target, here) == link


# --- what each edition shows ---------------------------------------------------------------


@pytest.fixture(scope="module")
def zh_pages(catalog) -> dict[str, str]:
    return {path: page.markdown for path, page in render_pages(catalog, language=ZH).items()}


def test_dates_are_written_as_each_language_writes_them():
    assert format_date("2017-10-05") == "5 October 2017"
    assert format_date("2017-10") == "October 2017"
    assert format_date("2017-10-05", ZH) == "2017年10月5日"
    assert format_date("2017-10", ZH) == "2017年10月"
    assert format_date("2017", ZH) == "2017年"


def test_an_english_quote_stays_english_with_the_dossiers_translation_beside_it(zh_pages):
    page = zh_pages["claims/ferry-fastest-on-coast.md"]
    label = gettext_for(ZH)("The dossier's translation: ")
    # The claim as quoted, and an evidence item's quote.
    assert (
        '“<span lang="en">The fastest ferry anywhere on the coast&#46;</span>'
        f' <span class="dossier-translation">[{label}沿海一带最快的渡轮。]</span>”'
    ) in page
    assert (
        '“<span lang="en">a top speed of 20 knots</span>'
        f' <span class="dossier-translation">[{label}最高航速为20节]</span>”'
    ) in page
    # The translation never stands in the quote's place.
    assert "“沿海一带最快的渡轮。”" not in page and "“最高航速为20节”" not in page


def test_a_chinese_quote_is_shown_as_written_in_the_chinese_edition(zh_pages, catalog):
    page = zh_pages["claims/ferry-carries-500.md"]
    assert "“可载客五百人”" in page  # an evidence item's quote, with no translation beside it
    english = render_pages(catalog)["claims/ferry-carries-500.md"].markdown
    # The English edition marks the Chinese as Chinese (escape.md_text).
    assert '“<span lang="zh">可载客五百人</span>”' in english


def test_an_untranslated_record_is_shown_in_english_marked_and_with_a_notice(zh_pages):
    page = zh_pages["claims/ferry-carries-500.md"]
    assert '\n# <span lang="en">The ferry carries 500 passengers</span>\n' in page
    assert '!!! dossier-untranslated "尚未翻译"' in page
    # Below the claim and its verdict, which keep a phone's first screen.
    assert page.index("dossier-untranslated") > page.index('class="dossier-verdict ')
    assert '<div class="dossier-prose" lang="en">' in page
    translated = zh_pages["claims/ferry-fastest-on-coast.md"]
    assert 'dossier-untranslated"' not in translated  # no page notice: it is translated
    # but its analysis is not: that part says so where it starts.
    note = '<p class="dossier-untranslated-note">尚未翻译：以下分析以英语原文显示。</p>'
    assert translated.index(note) < translated.index('<div class="dossier-prose" lang="en">')
    assert "# 新渡轮是沿海最快的渡轮" in translated


def test_an_out_of_date_translation_says_so(zh_pages):
    assert '!!! dossier-untranslated "译文已过时"' in zh_pages["claims/ferry-sails-next-year.md"]


def test_rating_labels_and_interface_strings_are_in_the_editions_language(zh_pages):
    ratings = zh_pages["ratings.md"]
    assert ratings.startswith("# 评级\n")
    assert "## 不实 {#false}" in ratings and "该说法有误。" in ratings
    heads = '<th scope="col">说法</th><th scope="col">声称者</th><th scope="col">日期</th>'
    assert heads in ratings
    assert "评级：不实。" in zh_pages["claims/ferry-fastest-on-coast.md"]


def test_names_are_never_translated(zh_pages):
    # Both forms of the name, as the records give them; the characters lead in Chinese.
    assert "# 周海燕 (Zhou Haiyan)" in zh_pages["entities/zhou-haiyan.md"]


def test_the_words_for_codes_are_in_the_editions_language():
    assert source_kind("news-report", ZH) == "新闻报道"
    assert language_name("en", ZH) == "英语"
    assert reader_locator("body text, second paragraph", ZH) == "正文，第2段"
    assert reader_locator("paragraphs 1 and 2", ZH) == "第1段和第2段"
    assert reader_locator("line 17", ZH) is None
    # Words an editor wrote that the catalogs cannot translate stay, marked as English.
    for kept in (reader_locator("letter of transmittal", ZH), tag_label("names-and-titles", ZH)):
        assert isinstance(kept, Foreign) and kept.lang == "en"
    # The English edition's words are as they were.
    assert reader_locator("body text, second paragraph") == "body text, second paragraph"
    assert (source_kind("news-report"), language_name("en")) == ("news report", "English")


def test_an_untranslated_summary_keeps_its_mark_in_the_finding(zh_pages):
    page = zh_pages["claims/ferry-carries-500.md"]
    finding = '<span lang="en">The specification gives 500 passengers&#46;</span>'
    assert f'<p class="dossier-verdict__finding">{finding}</p>' in page


# --- ClaimReview and data files ------------------------------------------------------------


def test_each_editions_claimreview_is_valid_and_of_one_family(catalog):
    dossier = catalog.dossier.model
    english = all_claim_reviews(catalog)
    chinese = all_claim_reviews(catalog, ZH)
    for cid in catalog.claims:
        for review in (english[cid], chinese[cid]):
            assert not [e.message for e in VALIDATOR.iter_errors(review)], (cid, review)
    review = chinese["ferry-fastest-on-coast"]
    assert review["inLanguage"] == ZH
    assert review["url"] == urls.claim_url(dossier, "ferry-fastest-on-coast", ZH)
    assert review["@id"] == review["url"] + "#claimreview"
    assert review["translationOfWork"] == {"@id": english["ferry-fastest-on-coast"]["@id"]}
    assert review["headline"] == "新渡轮是沿海最快的渡轮"
    assert review["reviewRating"]["alternateName"] == "不实"
    assert review["reviewRating"]["ratingExplanation"] == "其公布的最高航速低于另外两艘渡轮。"
    # Quotes are the claimant's words in every language.
    assert (
        review["itemReviewed"]["text"] == english["ferry-fastest-on-coast"]["itemReviewed"]["text"]
    )
    # An untranslated claim's page carries the original review.
    assert chinese["ferry-carries-500"] == english["ferry-carries-500"]
    assert english["ferry-fastest-on-coast"]["inLanguage"] == "en"


def test_the_data_files_hold_every_language(catalog):
    files = build_exports(catalog)
    feed = json.loads(files["data/claimreview.json"])
    languages = sorted(item["item"][0]["inLanguage"] for item in feed["dataFeedElement"])
    assert languages == ["en", "en", "en", ZH, ZH]
    rows = list(csv.DictReader(io.StringIO(files["data/claims.csv"].decode("utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "ferry-fastest-on-coast")
    assert row["title_zh-Hans"] == "新渡轮是沿海最快的渡轮"
    assert row["rating_label_zh-Hans"] == "不实"
    assert row["translation_zh-Hans"] == "current"
    assert row["url_zh-Hans"] == "https://dossier.example.org/zh/claims/ferry-fastest-on-coast/"
    missing = next(r for r in rows if r["id"] == "ferry-carries-500")
    assert (missing["title_zh-Hans"], missing["translation_zh-Hans"]) == ("", "missing")
    atom = build_exports(catalog, language=ZH)["feed.atom"].decode("utf-8")
    assert 'xml:lang="zh-Hans"' in atom and "<title>新渡轮是沿海最快的渡轮</title>" in atom
    assert '<entry xml:lang="en">' in atom  # the untranslated claim


def test_robots_txt_lists_every_editions_sitemap(catalog):
    robots = build_site(catalog).files["robots.txt"].decode()
    assert "Sitemap: https://dossier.example.org/sitemap.xml\n" in robots
    assert "Sitemap: https://dossier.example.org/zh/sitemap.xml\n" in robots
    assert "robots.txt" not in build_site(catalog, language=ZH).files


# --- the page around the content -----------------------------------------------------------

ALTERNATES = [
    Alternate("en", "../../../claims/x/", "https://d.test/claims/x/", original=True),
    Alternate(ZH, "./", "https://d.test/zh/claims/x/"),
]


def test_the_head_links_every_counterpart_and_the_default():
    head = head_block("feed.atom", "Feed", [], Share("S", "T", None, None), ALTERNATES)
    assert '<link rel="alternate" hreflang="en" href="https://d.test/claims/x/">' in head
    assert '<link rel="alternate" hreflang="zh-Hans" href="https://d.test/zh/claims/x/">' in head
    assert '<link rel="alternate" hreflang="x-default" href="https://d.test/claims/x/">' in head


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one():
    switcher = language_switcher(ALTERNATES, ZH)
    assert 'aria-label="本页的其他语言版本"' in switcher
    assert (
        '<a href="../../../claims/x/" hreflang="en" lang="en"'
        ' class="dossier-languages__link">English</a>'
    ) in switcher
    assert '<span lang="zh-Hans" aria-current="page">中文 (简体)</span>' in switcher
    assert language_switcher(ALTERNATES[:1], "en") == ""


def test_html_lang_is_the_editions_tag():
    assert set_html_lang('<html lang="zh" class="no-js">', ZH) == (
        '<html lang="zh-Hans" class="no-js">'
    )


def test_chinese_in_an_english_page_is_marked_and_nothing_else_is():
    html = (
        '<p>He is 时任公安部副部长 (vice minister), <span lang="zh">郭文贵</span></p>'
        "<pre><code>中文</code></pre><svg><text>中文</text></svg>"
    )
    assert mark_chinese(html, "en") == (
        '<p>He is <span lang="zh">时任公安部副部长</span> (vice minister),'
        ' <span lang="zh">郭文贵</span></p>'
        "<pre><code>中文</code></pre><svg><text>中文</text></svg>"
    )
    assert mark_chinese(html, ZH) == html


def test_another_editions_navigation_titles_come_from_the_catalog():
    nav = [
        {"Home": "index.md"},
        {"Claims": [{"All claims": "claims/index.md"}, {"Odd one": "odd.md"}]},
        {"Elsewhere": "https://example.org/"},
    ]
    assert edition_nav(nav, gettext_for(ZH)) == [
        {"首页": "index.md"},
        # A title the catalog lacks is left to the page's own heading.
        {"说法": [{"全部说法": "claims/index.md"}, "odd.md"]},
        {"Elsewhere": "https://example.org/"},
    ]


def test_claim_review_of_an_untranslated_claim_in_another_language_is_the_original(catalog):
    assert claim_review(catalog, "ferry-carries-500", ZH) == claim_review(
        catalog, "ferry-carries-500"
    )


def test_a_descriptive_title_is_translated_and_a_published_one_kept():
    from dossier_gen.records.models import Source
    from dossier_gen.rendering.localize import Edition, localized_source

    edition = Edition(ZH, "en")
    translation = {ZH: {"translated_on": "2026-11-28", "title": "关于外逃官员的中文网页"}}
    common = {"publisher": "A site", "kind": "news-report", "url": "https://example.org/a"}
    # A Chinese page with no title recorded: the English title is the dossier's description.
    described = Source.model_validate(
        {**common, "title": "Chinese-language page on officials who fled", "language": ZH}
        | {"translations": translation}
    )
    assert localized_source(edition, described).title == "关于外逃官员的中文网页"
    # A Chinese title as published is shown as written, with nothing beside it.
    published = Source.model_validate(
        {**common, "title": "外逃官员", "language": ZH, "translations": translation}
    )
    assert localized_source(edition, published).title == "外逃官员"


def test_the_chinese_edition_names_people_in_characters_where_a_source_gives_them(zh_pages):
    # zhou-haiyan's native_name (周海燕) is the name a cited source gives: it leads in the
    # Chinese edition, with the romanised name after it in the index; a claimant without
    # one keeps the name as written.
    assert "[周海燕](zhou-haiyan.md) Zhou Haiyan" in zh_pages["entities/index.md"]
    assert ">Ferry Weekly</a>" in zh_pages["claims/ferry-fastest-on-coast.md"]


def test_only_an_unnamed_sources_description_is_translated_as_a_name():
    from pydantic import ValidationError

    from dossier_gen.records.models import Entity
    from dossier_gen.rendering.localize import entity_name

    translation = {"translated_on": "2026-11-28", "name": "一名官员", "description": "官员。"}
    unnamed = Entity.model_validate(
        {
            "kind": "unnamed",
            "name": "An official (unnamed)",
            "description": "An official.",
            "translations": {ZH: translation},
        }
    )
    assert entity_name(unnamed, ZH) == "一名官员"
    assert entity_name(unnamed, "en") == "An official (unnamed)"
    with pytest.raises(ValidationError, match="not translated"):
        Entity.model_validate(
            {
                "kind": "person",
                "name": "Ada Example",
                "description": "A person.",
                "translations": {ZH: translation},
            }
        )
