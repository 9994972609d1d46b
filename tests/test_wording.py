"""The words readers see: findings, locators, languages, kinds, tags, Chinese marked as such."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.rendering.escape import attr, md_text, prose, title_text
from dossier_gen.rendering.indexes import build_indexes, key_findings
from dossier_gen.rendering.wording import (
    finding,
    language_name,
    more_findings,
    reader_locator,
    sentences,
    source_kind,
    tag_label,
)

from .conftest import FIXTURE, ROOT

RATING = SimpleNamespace(label="Confirmed")


def claim(summary: str, conclusion: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(summary=summary, conclusion=conclusion)


def test_sentences_do_not_break_after_abbreviations_initials_or_amounts():
    text = (
        "Document No. 82 names 27 officers. The U.S. agency began on Sept. 6, as J. Smith said. "
        "It cost US$12.5 million. 他说：“是的。”Then he left."
    )
    assert sentences(text) == [
        "Document No. 82 names 27 officers.",
        "The U.S. agency began on Sept. 6, as J. Smith said.",
        "It cost US$12.5 million.",
        "他说：“是的。”",
        "Then he left.",
    ]


def test_the_finding_is_the_first_sentence_without_the_verdict_repeated():
    c = claim("Confirmed. China said so on 19 April 2017. Nothing else was found.")
    assert finding(c, RATING) == "China said so on 19 April 2017."
    assert more_findings(c, RATING) == "Nothing else was found."
    c = claim("Confirmed: Dong was a vice minister. The alias was not checked.")
    assert finding(c, RATING) == "Dong was a vice minister."


def test_a_short_first_sentence_takes_the_next_and_a_one_sentence_summary_leaves_nothing():
    c = claim("The arithmetic is wrong. It gives US$12.5 million each. The unit was yuan.")
    assert finding(c, SimpleNamespace(label="False")) == (
        "The arithmetic is wrong. It gives US$12.5 million each."
    )
    assert more_findings(c, SimpleNamespace(label="False")) == "The unit was yuan."
    one = claim("The registry lists the bridge as complete in 2018.")
    assert finding(one, RATING) == one.summary and more_findings(one, RATING) == ""


def test_chinese_sentences_are_joined_without_a_space():
    c = claim("算术有误。500亿美元由约4000名官员分摊，每人为1250万美元。单位是人民币。")
    assert finding(c, SimpleNamespace(label="错误")) == (
        "算术有误。500亿美元由约4000名官员分摊，每人为1250万美元。"
    )
    assert more_findings(c, SimpleNamespace(label="错误")) == "单位是人民币。"
    quoted = claim("He said “no.” The record says otherwise, and it is dated.")
    assert finding(quoted, RATING) == quoted.summary  # a space after a closing quote stays


def test_a_conclusion_of_its_own_comes_first_and_the_whole_summary_follows():
    c = claim("Confirmed. A long summary. With two sentences.", conclusion="It was built in 2018.")
    assert finding(c, RATING) == "It was built in 2018."
    assert more_findings(c, RATING) == c.summary


@pytest.mark.parametrize(
    ("locator", "shown"),
    [
        ("paragraph 3", "paragraph 3"),
        ("headline", "headline"),
        ("caption", "caption"),
        ("entry 42", "entry 42"),
        ("line 17", None),
        ("lines 3-5", None),
        ("body text (position in the page not recorded)", None),
        ("position unknown", None),
    ],
)
def test_locators_that_are_bookkeeping_are_left_out(locator, shown):
    assert reader_locator(locator) == shown


def test_codes_become_words():
    assert language_name("en") == "English"
    assert language_name("zh-Hant") == "Chinese (Traditional)"
    assert language_name("zh-Hans") == "Chinese (Simplified)"
    assert language_name("qqq") == "qqq"  # a private-use tag has no name: shown as it is
    assert source_kind("news-report") == "news report"
    assert tag_label("names-and-titles") == "names and titles"


def test_chinese_in_record_text_is_marked_but_never_inside_an_attribute():
    assert str(md_text("Guo (郭文贵) said")) == 'Guo &#40;<span lang="zh">郭文贵</span>&#41; said'
    assert str(md_text("「你好」")) == '<span lang="zh">「你好」</span>'
    assert str(attr("郭文贵")) == "郭文贵"
    assert 'lang="zh"' in str(title_text("郭文贵"))
    assert '<span lang="zh">人均卷走</span>' in str(prose('He wrote "人均卷走".'))
    assert 'href="https://zh.example/郭"' in str(prose("[x](https://zh.example/郭)"))
    assert str(md_text("No Chinese here")) == "No Chinese here"


def test_key_findings_lead_with_false_and_contradicted_one_article_each_first():
    catalog = load_catalog(ROOT / "data")
    chosen = key_findings(catalog)
    ratings = [catalog.claims[cid].model.rating for cid in chosen]
    assert 3 <= len(chosen) <= 5
    lowest = {"false", "contradicted"}
    if sum(c.model.rating in lowest for c in catalog.claims.values()) >= 3:
        assert set(ratings) <= lowest
    positions = [catalog.dossier.model.rating(r).position for r in ratings]
    assert positions == sorted(positions)
    articles = [catalog.claims[cid].model.appearance.source for cid in chosen]
    distinct = {
        c.model.appearance.source for c in catalog.claims.values() if c.model.rating in lowest
    }
    assert len(set(articles)) == min(len(distinct), len(chosen))


def test_key_findings_are_topped_up_from_the_top_of_the_scale_when_few_are_rated_low():
    # The fixture has no false claim: its one confirmed claim is the finding.
    assert build_indexes(load_catalog(FIXTURE / "data")).key_findings == ["bridge-finished"]


def test_articles_are_the_sources_claims_appeared_in_with_their_claims():
    indexes = build_indexes(load_catalog(FIXTURE / "data"))
    assert indexes.articles == [("example-report", ["bridge-finished", "bridge-best"])]
