"""The link helpers (rendering/fragments.py) that replaced the Jinja macros of _macros.md.j2."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dossier_gen.rendering.render import make_environment

from .conftest import TEMPLATES

RECORDS = {
    "claims": {
        "c": SimpleNamespace(
            title="A [claim] <b>", claimant="e", claimed_on="2017-10", rating="false"
        )
    },
    "entities": {"e": SimpleNamespace(name="Ms *E*")},
    "sources": {"s": SimpleNamespace(title="`Source`")},
    "ratings": {"false": SimpleNamespace(label="False & wrong")},
}
CALLS = (
    '{{ claim_link("c") }}|{{ entity_link("e") }}|{{ source_link("s") }}|'
    '{{ rating_badge("false") }}|{{ rating_link("false") }}|{{ when("2017-10-05") }}|'
    '{{ claims_table(["c"]) }}|{{ url("ratings.md", "false") }}'
)


@pytest.mark.parametrize(
    "import_line",
    [
        '{% from "_macros.md.j2" import claim_link, entity_link, source_link, rating_badge, '
        "rating_link, when, claims_table with context %}",
        '{% from "_macros.md.j2" import claim_link, entity_link, source_link, rating_badge, '
        "rating_link, when, claims_table %}",
    ],
)
def test_a_sites_own_template_importing_the_old_macros_gets_the_same_markdown(
    tmp_path, import_line
):
    (tmp_path / "own.md.j2").write_text(import_line + CALLS, encoding="utf-8")
    (tmp_path / "plain.md.j2").write_text(CALLS, encoding="utf-8")
    env = make_environment([tmp_path, TEMPLATES])
    own = env.get_template("own.md.j2").render(RECORDS, page_path="claims/x.md")
    plain = env.get_template("plain.md.j2").render(RECORDS, page_path="claims/x.md")
    assert own == plain
    # Record text is escaped, links are relative to the page, ids are printed raw.
    assert own.startswith(
        "[A &#91;claim&#93; &#60;b&#62;](c.md)|"
        "[Ms &#42;E&#42;](../entities/e.md)|[&#96;Source&#96;](../sources/s.md)|"
    )
    assert "[False &#38; wrong](../ratings.md#false)" in own
    assert '<time datetime="2017&#45;10&#45;05">5 October 2017</time>' in own
    assert "{ .dossier-badge .rating-false }" in own
    assert own.endswith("|../ratings.md#false")


def test_printing_none_through_a_helper_is_an_error(tmp_path):
    (tmp_path / "t.md.j2").write_text("{{ when(none) }}", encoding="utf-8")
    env = make_environment([tmp_path, TEMPLATES])
    with pytest.raises(ValueError, match="printed None"):
        env.get_template("t.md.j2").render(RECORDS, page_path="index.md")
