# ruff: noqa: E501 -- the expected records hold addresses longer than a line
"""`dossier import-claimreview` on hand-written inputs (tests/fixtures/claimreview/), one shape
of real publishers' markup each, asserting the exact records written; importing again;
inputs built to break the reader; and a round trip of this dossier's own ClaimReview."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier_gen.cli import cli
from dossier_gen.importing.ids import slugify, url_words
from dossier_gen.importing.mapping import alias_line
from dossier_gen.importing.read import MAX_INPUT_BYTES, clean_text, is_post_address
from dossier_gen.importing.run import ImportFailed, run_import
from dossier_gen.loading.load import load_catalog
from dossier_gen.loading.yaml_loader import parse_values
from dossier_gen.publishing.claimreview import all_claim_reviews
from dossier_gen.publishing.exports import build_exports
from dossier_gen.rendering.urls import FEED_JSON

from .conftest import FIXTURE, ROOT

INPUTS = ROOT / "tests" / "fixtures" / "claimreview"

SCALE = """\
title: Import test
description: An empty dossier to import into.
language: en
publisher: {name: Example Desk (placeholder), url: "https://example.org/"}
base_url: "https://dossier.example.org/"
ratings:
  - {id: confirmed, label: Confirmed, position: 2, definition: Confirmed.}
  - {id: false, label: "False", position: 1, definition: Wrong.}
  - {id: not-checkable, label: Not checkable, definition: Opinion.}
rating_aliases:
  Mostly false: false
  PANTS ON FIRE: false
"""

HEADER = (
    "# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
    "# Imported from ClaimReview by `dossier import-claimreview`; check it before publishing.\n"
)
GOOD = (
    "appearance-object.json",
    "broken-other-block.html",
    "claim-with-url.html",
    "datafeed.json",
    "decomposed-label.json",
    "fact-check-tools.json",
    "graph-creativework.json",
    "ids.json",
    "no-appearance.json",
    "numeric-explanation.json",
    "page-several-blocks.html",
    "reimport",
)
"""The inputs that import, given these one-run mappings."""
MAPS = ("--map", "Faux=false", "--map", "Falso=false", "--map", "Engañoso=false")


@pytest.fixture
def empty(tmp_path, chdir) -> Path:
    """A dossier holding only dossier.yml, with the inputs copied beside it."""
    chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dossier.yml").write_text(SCALE, encoding="utf-8")
    shutil.copytree(INPUTS, tmp_path / "in")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["import-claimreview", *args])


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root / "data").as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((root / "data").rglob("*.yml"))
    }


def written(root: Path) -> dict[str, str]:
    """Every record the import wrote, without the two comment lines every one starts with."""
    out = {}
    for name, text in files(root).items():
        if name == "dossier.yml":
            continue
        kind = {"claims": "claim", "entities": "entity", "sources": "source"}[name.split("/")[0]]
        header = HEADER.format(kind=kind)
        assert text.startswith(header), name
        out[name] = text[len(header) :]
    return out


def tree(root: Path) -> dict[str, bytes]:
    """Every file under data/, byte for byte."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "data").rglob("*"))
        if p.is_file()
    }


def imported(root: Path):
    return load_catalog(root / "data")


# --- the shapes real publishers emit, and the exact records each gives ---------------------


def test_claim_typed_item_with_url_is_where_the_claim_appeared(empty):
    """AFP-style markup: the post's address is the `url` of an itemReviewed typed Claim, a
    claimant's sameAs names a video (a post) and a group (a profile, not a place), and the
    appearance list repeats the post and the review itself. No headline: the page's <title>,
    entities decoded. Tags and entities in claimReviewed: stripped and decoded."""
    result = run("--map", "Faux=false", "in/claim-with-url.html")
    assert result.exit_code == 0, result.output
    assert written(empty) == {
        "claims/letat-a-vendu-le-pont-a-une-societe-etrangere.yml": """\
title: L'État a vendu le pont à une société étrangère
statement:
  text: L'État a vendu le pont à une société étrangère
  form: paraphrase
claimant: social-media-users
claimed_on: '2023-05-01'
appearance:
  source: social-example-com-groups-123-posts-456
  locator: not given in the imported ClaimReview
  quote: L'État a vendu le pont à une société étrangère
rating: 'false'
summary: Rated “Faux” by Desk Example.
analysis: 'Imported from the ClaimReview that Desk Example published at https://desk.example.fr/doc.desk.example.fr.33XY7ZL,
  which rated the claim “Faux”. The review also gives these appearances, kept as sources: copie-archivee-du-message
  (https://archive.example.org/post-456); video-example-net-watch (https://video.example.net/watch?v=pont).
  To check before publishing: the appearance''s quote is the claim as the reviewer words it, not
  the source''s own words, and its place in the source is not given; read the source and replace
  both.'
evidence:
- stance: context
  source: non-ce-pont-na-pas-ete-vendu-desk-example
  locator: verdict
  quote: Faux
  note: Desk Example rated the claim “Faux”.
reviewed_on: '2023-05-04'
imported_from:
  url: https://desk.example.fr/doc.desk.example.fr.33XY7ZL
  id: https://desk.example.fr/doc.desk.example.fr.33XY7ZL#claimreview
  modified_on: '2023-05-04'
""",
        "entities/desk-example.yml": """\
kind: organisation
name: Desk Example
description: Publisher of an imported ClaimReview; no description given.
""",
        "entities/social-media-users.yml": """\
kind: organisation
name: Social media users
description: Named as the claimant in a ClaimReview by Desk Example; no description given.
""",
        "sources/copie-archivee-du-message.yml": """\
title: Copie archivée du message
publisher: archive.example.org
url: https://archive.example.org/post-456
language: und
kind: other
notes: Where the claim appeared, as given by a ClaimReview by Desk Example.
""",
        "sources/non-ce-pont-na-pas-ete-vendu-desk-example.yml": """\
title: Non, ce pont n'a pas été vendu | Desk Example
publisher: Desk Example
publisher_entity: desk-example
published_on: '2023-05-04'
url: https://desk.example.fr/doc.desk.example.fr.33XY7ZL
language: fr
kind: other
notes: A fact-check, imported from its ClaimReview markup. Its ClaimReview gives no headline;
  the title is the page's <title>.
""",
        "sources/social-example-com-groups-123-posts-456.yml": """\
title: https://social.example.com/groups/123/posts/456
publisher: social.example.com
url: https://social.example.com/groups/123/posts/456
language: und
kind: other
notes: Where the claim appeared, as given by a ClaimReview by Desk Example. No title was given;
  its address stands for it.
""",
        "sources/video-example-net-watch.yml": """\
title: https://video.example.net/watch?v=pont
publisher: video.example.net
url: https://video.example.net/watch?v=pont
language: und
kind: other
notes: Where the claim appeared, as given by a ClaimReview by Desk Example. No title was given;
  its address stands for it.
""",
    }


def test_a_broken_block_about_something_else_is_a_warning(empty):
    result = run("in/broken-other-block.html")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "in/broken-other-block.html:9:29: warning: JSON-LD block 1 is not valid JSON:"
        " Expecting property name enclosed in double quotes; it names no ClaimReview, so it"
        " is skipped\n"
    )
    assert written(empty) == {
        "claims/stadium-closed.yml": """\
title: The city stadium closed for good in July
statement:
  text: The city stadium closed for good in July
  form: paraphrase
claimant: pat-placeholder
claimed_on: '2022-07-30'
appearance:
  source: social-example-com-pat-status-9001
  locator: not given in the imported ClaimReview
  quote: The city stadium closed for good in July
rating: 'false'
summary: Rated “False” by Ground Truth.
analysis: 'Imported from the ClaimReview that Ground Truth published at https://groundtruth.example.com/checks/stadium-closed,
  which rated the claim “False”. To check before publishing: the appearance''s quote is the claim
  as the reviewer words it, not the source''s own words, and its place in the source is not given;
  read the source and replace both.'
evidence:
- stance: context
  source: did-the-stadium-close-no
  locator: verdict
  quote: 'False'
  note: Ground Truth rated the claim “False”.
reviewed_on: '2022-08-02'
imported_from:
  url: https://groundtruth.example.com/checks/stadium-closed
  modified_on: '2022-08-02'
""",
        "entities/ground-truth.yml": """\
kind: organisation
name: Ground Truth
description: Publisher of an imported ClaimReview; no description given.
""",
        "entities/pat-placeholder.yml": """\
kind: person
name: Pat Placeholder
description: Named as the claimant in a ClaimReview by Ground Truth; no description given.
""",
        "sources/did-the-stadium-close-no.yml": """\
title: Did the stadium close? No
publisher: Ground Truth
publisher_entity: ground-truth
published_on: '2022-08-02'
url: https://groundtruth.example.com/checks/stadium-closed
language: und
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
        "sources/social-example-com-pat-status-9001.yml": """\
title: https://social.example.com/pat/status/9001
publisher: social.example.com
url: https://social.example.com/pat/status/9001
language: und
kind: other
notes: Where the claim appeared, as given by a ClaimReview by Ground Truth. No title was given;
  its address stands for it.
""",
    }


def test_a_broken_block_that_names_claimreview_refuses_the_page(empty):
    page = empty / "in" / "trailing.html"
    page.write_text(
        '<html><head>\n<script type="application/ld+json">\n'
        '{"@type": "ClaimReview",}\n</script></head></html>\n'
    )
    result = run("in/trailing.html")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "in/trailing.html:3:25: JSON-LD block 1 is not valid JSON: Expecting property name"
        " enclosed in double quotes"
    )


def test_a_label_in_decomposed_unicode_matches_the_alias_typed_on_a_keyboard(empty):
    """The label is n + U+0303; dossier.yml's alias has the precomposed ñ. The review's
    address is percent-escaped Portuguese (the id is its words, accents dropped), and its
    language is written pt_BR."""
    label = json.loads((empty / "in" / "decomposed-label.json").read_text(encoding="utf-8"))
    assert "n\u0303" in label["reviewRating"]["alternateName"]
    with (empty / "data" / "dossier.yml").open("a", encoding="utf-8") as dossier:
        dossier.write("  Engañoso: false\n")
    result = run("in/decomposed-label.json")
    assert result.exit_code == 0, result.output
    assert written(empty) == {
        "claims/e-falso-que-eleicao-nao-tera-urnas.yml": """\
title: A eleição não terá urnas eletrônicas
statement:
  text: A eleição não terá urnas eletrônicas
  form: paraphrase
claimant: usuaria-exemplo
claimed_on: '2022-09-28'
appearance:
  source: social-example-com-usuaria-status-42
  locator: not given in the imported ClaimReview
  quote: A eleição não terá urnas eletrônicas
rating: 'false'
summary: Rated “Engañoso” by Checagem Exemplo.
analysis: 'Imported from the ClaimReview that Checagem Exemplo published at https://checagem.example.com.br/2022/10/e-falso-que-elei%C3%A7%C3%A3o-n%C3%A3o-ter%C3%A1-urnas/,
  which rated the claim “Engañoso”. To check before publishing: the appearance''s quote is the
  claim as the reviewer words it, not the source''s own words, and its place in the source is
  not given; read the source and replace both.'
evidence:
- stance: context
  source: e-falso-que-a-eleicao-nao-tera-urnas
  locator: verdict
  quote: Engañoso
  note: Checagem Exemplo rated the claim “Engañoso”.
reviewed_on: '2022-10-01'
imported_from:
  url: https://checagem.example.com.br/2022/10/e-falso-que-elei%C3%A7%C3%A3o-n%C3%A3o-ter%C3%A1-urnas/
  modified_on: '2022-10-01'
""",
        "entities/checagem-exemplo.yml": """\
kind: organisation
name: Checagem Exemplo
description: Publisher of an imported ClaimReview; no description given.
""",
        "entities/usuaria-exemplo.yml": """\
kind: person
name: Usuária Exemplo
description: Named as the claimant in a ClaimReview by Checagem Exemplo; no description given.
""",
        "sources/e-falso-que-a-eleicao-nao-tera-urnas.yml": """\
title: É falso que a eleição não terá urnas
publisher: Checagem Exemplo
publisher_entity: checagem-exemplo
published_on: '2022-10-01'
url: https://checagem.example.com.br/2022/10/e-falso-que-elei%C3%A7%C3%A3o-n%C3%A3o-ter%C3%A1-urnas/
language: pt-BR
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
        "sources/social-example-com-usuaria-status-42.yml": """\
title: https://social.example.com/usuaria/status/42
publisher: social.example.com
url: https://social.example.com/usuaria/status/42
language: und
kind: other
notes: Where the claim appeared, as given by a ClaimReview by Checagem Exemplo. No title was given;
  its address stands for it.
""",
    }


def test_a_number_is_not_a_verdict(empty):
    """ratingExplanation 1 (a number) and " 4.5 / 5 " (a score as text) are not summaries:
    the first falls back to the rating's sentence, the second to a short reviewBody."""
    result = run("in/numeric-explanation.json")
    assert result.exit_code == 0, result.output
    assert written(empty) == {
        "claims/bus-lanes-doubled.yml": """\
title: Bus lanes doubled in length
statement:
  text: Bus lanes doubled in length
  form: paraphrase
claimant: rail-minister-example
claimed_on: '2021-11-19'
appearance:
  source: news-example-com-rail-speech
  locator: not given in the imported ClaimReview
  quote: Bus lanes doubled in length
rating: confirmed
summary: The council's figures show 12 km of bus lanes in 2019 and 24 km in 2021.
analysis: 'Imported from the ClaimReview that Score Check published at https://scores.example.org/checks/bus-lanes-doubled,
  which rated the claim “Confirmed”. To check before publishing: the appearance''s quote is the
  claim as the reviewer words it, not the source''s own words, and its place in the source is
  not given; read the source and replace both.'
evidence:
- stance: context
  source: did-bus-lanes-double
  locator: verdict
  quote: Confirmed
  note: Score Check rated the claim “Confirmed”.
reviewed_on: '2021-11-21'
imported_from:
  url: https://scores.example.org/checks/bus-lanes-doubled
  modified_on: '2021-11-21'
""",
        "claims/train-fares-halved.yml": """\
title: Train fares were halved last year
statement:
  text: Train fares were halved last year
  form: paraphrase
claimant: rail-minister-example
claimed_on: '2021-11-18'
appearance:
  source: news-example-com-rail-speech
  locator: not given in the imported ClaimReview
  quote: Train fares were halved last year
rating: 'false'
summary: Rated “False” by Score Check.
analysis: 'Imported from the ClaimReview that Score Check published at https://scores.example.org/checks/train-fares-halved,
  which rated the claim “False”. To check before publishing: the appearance''s quote is the claim
  as the reviewer words it, not the source''s own words, and its place in the source is not given;
  read the source and replace both.'
evidence:
- stance: context
  source: were-train-fares-halved
  locator: verdict
  quote: 'False'
  note: Score Check rated the claim “False”.
reviewed_on: '2021-11-20'
imported_from:
  url: https://scores.example.org/checks/train-fares-halved
  modified_on: '2021-11-20'
""",
        "entities/rail-minister-example.yml": """\
kind: person
name: Rail Minister Example
description: Named as the claimant in a ClaimReview by Score Check; no description given.
""",
        "entities/score-check.yml": """\
kind: organisation
name: Score Check
description: Publisher of an imported ClaimReview; no description given.
""",
        "sources/did-bus-lanes-double.yml": """\
title: Did bus lanes double?
publisher: Score Check
publisher_entity: score-check
published_on: '2021-11-21'
url: https://scores.example.org/checks/bus-lanes-doubled
language: und
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
        "sources/news-example-com-rail-speech.yml": """\
title: https://news.example.com/rail-speech
publisher: news.example.com
url: https://news.example.com/rail-speech
language: und
kind: other
notes: Where the claim appeared, as given by a ClaimReview by Score Check. No title was given;
  its address stands for it.
""",
        "sources/were-train-fares-halved.yml": """\
title: Were train fares halved?
publisher: Score Check
publisher_entity: score-check
published_on: '2021-11-20'
url: https://scores.example.org/checks/train-fares-halved
language: und
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
    }


def test_no_appearance_and_no_headline_invent_nothing(empty):
    """The claimant's url is a profile, not a post, so nothing says where the claim
    appeared; the review has no headline and is not a page, so its title is derived and
    says so, and the claim's words are not taken for it."""
    result = run("in/no-appearance.json")
    assert result.exit_code == 0, result.output
    assert written(empty) == {
        "claims/water-price.yml": """\
title: Water prices tripled this year
statement:
  text: Water prices tripled this year
  form: paraphrase
claimant: pundit-example
claimed_on: '2024-06-01'
appearance:
  not_given_by: fact-check-by-quiet-check-2024-06-03
rating: 'false'
summary: The regulator's tariff rose 4%.
analysis: 'Imported from the ClaimReview that Quiet Check published at https://quiet.example.org/checks/water-price,
  which rated the claim “False”. To check before publishing: the review does not say where the
  claim appeared; find where it did and record it as the appearance, or leave it as not given.'
evidence:
- stance: context
  source: fact-check-by-quiet-check-2024-06-03
  locator: verdict
  quote: 'False'
  note: Quiet Check rated the claim “False”.
reviewed_on: '2024-06-03'
imported_from:
  url: https://quiet.example.org/checks/water-price
  modified_on: '2024-06-03'
""",
        "entities/pundit-example.yml": """\
kind: person
name: Pundit Example
description: Named as the claimant in a ClaimReview by Quiet Check; no description given.
""",
        "entities/quiet-check.yml": """\
kind: organisation
name: Quiet Check
description: Publisher of an imported ClaimReview; no description given.
""",
        "sources/fact-check-by-quiet-check-2024-06-03.yml": """\
title: Fact check by Quiet Check, 2024-06-03
publisher: Quiet Check
publisher_entity: quiet-check
published_on: '2024-06-03'
url: https://quiet.example.org/checks/water-price
language: und
kind: other
notes: A fact-check, imported from its ClaimReview markup. Its ClaimReview gives no headline;
  this title is derived from its publisher and date.
""",
    }


def test_fact_check_tools_api_response(empty):
    """A `claims:search` response: two reviews of one claim (two claims, one per
    reviewer's verdict), a publisher given by its site only, claimants by name only."""
    result = run("--map", "Falso=false", "in/fact-check-tools.json")
    assert result.exit_code == 0, result.output
    assert written(empty) == {
        "claims/agua-caliente-gripe.yml": """\
title: Drinking hot water cures the flu
statement:
  text: Drinking hot water cures the flu
  form: paraphrase
claimant: viral-message
claimed_on: '2020-03-10'
appearance:
  not_given_by: el-agua-caliente-no-cura-la-gripe
rating: 'false'
summary: Rated “Falso” by verifica.example.es.
analysis: 'Imported from the ClaimReview that verifica.example.es published at https://verifica.example.es/agua-caliente-gripe,
  which rated the claim “Falso”. To check before publishing: the review does not say where the
  claim appeared; find where it did and record it as the appearance, or leave it as not given.'
evidence:
- stance: context
  source: el-agua-caliente-no-cura-la-gripe
  locator: verdict
  quote: Falso
  note: verifica.example.es rated the claim “Falso”.
reviewed_on: '2020-03-13'
imported_from:
  url: https://verifica.example.es/agua-caliente-gripe
  modified_on: '2020-03-13'
""",
        "claims/bridge-closed-summer.yml": """\
title: The bridge will be closed all summer
statement:
  text: The bridge will be closed all summer
  form: paraphrase
claimant: transport-blog
claimed_on: '2021-05-02'
appearance:
  not_given_by: bridge-closure-mostly-right
rating: confirmed
summary: Rated “Confirmed” by Health Check Example.
analysis: 'Imported from the ClaimReview that Health Check Example published at https://healthcheck.example.com/bridge-closed-summer,
  which rated the claim “Confirmed”. To check before publishing: the review does not say where
  the claim appeared; find where it did and record it as the appearance, or leave it as not given.'
evidence:
- stance: context
  source: bridge-closure-mostly-right
  locator: verdict
  quote: Confirmed
  note: Health Check Example rated the claim “Confirmed”.
reviewed_on: '2021-05-04'
imported_from:
  url: https://healthcheck.example.com/bridge-closed-summer
  modified_on: '2021-05-04'
""",
        "claims/hot-water-flu.yml": """\
title: Drinking hot water cures the flu
statement:
  text: Drinking hot water cures the flu
  form: paraphrase
claimant: viral-message
claimed_on: '2020-03-10'
appearance:
  not_given_by: hot-water-does-not-cure-the-flu
rating: 'false'
summary: Rated “False” by Health Check Example.
analysis: 'Imported from the ClaimReview that Health Check Example published at https://healthcheck.example.com/hot-water-flu,
  which rated the claim “False”. To check before publishing: the review does not say where the
  claim appeared; find where it did and record it as the appearance, or leave it as not given.'
evidence:
- stance: context
  source: hot-water-does-not-cure-the-flu
  locator: verdict
  quote: 'False'
  note: Health Check Example rated the claim “False”.
reviewed_on: '2020-03-12'
imported_from:
  url: https://healthcheck.example.com/hot-water-flu
  modified_on: '2020-03-12'
""",
        "entities/health-check-example.yml": """\
kind: organisation
name: Health Check Example
description: Publisher of an imported ClaimReview; no description given.
""",
        "entities/transport-blog.yml": """\
kind: person
name: Transport blog
description: Named as the claimant in a ClaimReview by Health Check Example; no description given;
  the review gives a name only, not whether a person or an organisation.
""",
        "entities/verifica-example-es.yml": """\
kind: organisation
name: verifica.example.es
description: Publisher of an imported ClaimReview; no description given.
""",
        "entities/viral-message.yml": """\
kind: person
name: Viral message
description: Named as the claimant in a ClaimReview by Health Check Example; no description given;
  the review gives a name only, not whether a person or an organisation.
""",
        "sources/bridge-closure-mostly-right.yml": """\
title: 'Bridge closure: mostly right'
publisher: Health Check Example
publisher_entity: health-check-example
published_on: '2021-05-04'
url: https://healthcheck.example.com/bridge-closed-summer
language: en
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
        "sources/el-agua-caliente-no-cura-la-gripe.yml": """\
title: El agua caliente no cura la gripe
publisher: verifica.example.es
publisher_entity: verifica-example-es
published_on: '2020-03-13'
url: https://verifica.example.es/agua-caliente-gripe
language: es
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
        "sources/hot-water-does-not-cure-the-flu.yml": """\
title: Hot water does not cure the flu
publisher: Health Check Example
publisher_entity: health-check-example
published_on: '2020-03-12'
url: https://healthcheck.example.com/hot-water-flu
language: en
kind: other
notes: A fact-check, imported from its ClaimReview markup.
""",
    }


def test_fact_check_tools_problems_name_the_apis_fields(empty):
    response = json.loads((empty / "in" / "fact-check-tools.json").read_text())
    del response["claims"][1]["claimDate"]
    (empty / "in" / "fct.json").write_text(json.dumps(response))
    result = run("--map", "Falso=false", "in/fct.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "in/fct.json:1:1: claims[1].claimReview[0]: claimDate (when the claim was made) is"
        " missing, and no appearance is dated"
    )


def test_ids_editors_can_live_with(empty):
    """Percent-escaped Hindi, transliterated; the site's root and a query-only address, by
    the claim's words (Chinese, transliterated); a slug that is a page the generator writes
    (claims/by-claimant.md), with a suffix; `index.php` and a bare number, by the claim's
    words. Never a hex string."""
    result = run("in/ids.json")
    assert result.exit_code == 0, result.output
    assert [name for name in written(empty) if name.startswith("claims/")] == [
        "claims/bhart-mem-badh.yml",
        "claims/by-claimant-2.yml",
        "claims/nobody-reads-the-index.yml",
        "claims/the-moon-landing-was-filmed-in-a-studio.yml",
        "claims/tram-tickets-will-cost-nothing.yml",
        "claims/zhong-guo-pai-qian-shu-shi-ming-jian-die.yml",
    ]
    # The claims are whole and load; a review without a headline is titled from its
    # publisher and date, one with a headline by it.
    catalog = imported(empty)
    titles = sorted(s.model.title for s in catalog.sources.values())
    assert titles == ["Fact check by Id Check, 2024-02-01"] * 5 + ["Fact check: moon landing"]
    assert catalog.claims["zhong-guo-pai-qian-shu-shi-ming-jian-die"].model.title == (
        "中国派遣数十名间谍"
    )


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("https://x.example/2024/01/fact-check-the-moon/", "fact-check-the-moon"),
        ("https://x.example/hindi/%E0%A4%AD%E0%A4%BE%E0%A4%B0%E0%A4%A4", "bhart"),
        ("https://x.example/e-fals%C3%ADssimo.html", "e-falsissimo"),
        ("https://x.example/", ""),
        ("https://x.example/?p=12", ""),
        ("https://x.example/index.php?id=3", ""),
        ("https://x.example/c/4411", ""),
        ("https://x.example/doc.afp.com.33XY7ZL", ""),
        ("https://x.example/5f3a9b2c7d", ""),
    ],
)
def test_url_words(address, words):
    assert url_words(address) == words


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("中国派遣间谍", "zhong-guo-pai-qian-jian-die"),
        ("भारत में बाढ़", "bhart-mem-badh"),
        ("Eleição não terá urnas", "eleicao-nao-tera-urnas"),
        ("It's  a   “claim”!", "its-a-claim"),
        ("Straße", "strasse"),
        ("🙂", "slight-smile"),
        ("", ""),
        ("a" * 70 + " b", "a" * 60),
        ("word " * 20, "word-word-word-word-word-word-word-word-word-word-word-word"),
    ],
)
def test_slugify_transliterates(text, slug):
    assert slugify(text) == slug


# --- importing again ---------------------------------------------------------------------

FIRST_CLAIM = """\
title: The harbour was sold to a private fund
statement:
  text: The harbour was sold to a private fund
  form: paraphrase
claimant: harbour-critic
claimed_on: '2023-02-27'
appearance:
  source: morning-show-27-february
  locator: not given in the imported ClaimReview
  quote: The harbour was sold to a private fund
rating: not-checkable
summary: No sale document has been published.
analysis: 'Imported from the ClaimReview that Again Check published at https://again.example.org/checks/harbour-sold,
  which rated the claim “Not checkable”. To check before publishing: the appearance''s quote is
  the claim as the reviewer words it, not the source''s own words, and its place in the source
  is not given; read the source and replace both.'
evidence:
- stance: context
  source: was-the-harbour-sold
  locator: verdict
  quote: Not checkable
  note: Again Check rated the claim “Not checkable”.
reviewed_on: '2023-03-01'
imported_from:
  url: https://again.example.org/checks/harbour-sold
  id: https://again.example.org/checks/harbour-sold#review
  modified_on: '2023-03-01'
"""


def test_a_review_imported_before_is_unchanged_and_nothing_is_written(empty):
    assert run("in/reimport/first.json").exit_code == 0
    assert written(empty)["claims/harbour-sold.yml"] == FIRST_CLAIM
    before = tree(empty)
    # Fetched again (a new headline, not modified), and moved to a new address with the
    # same @id: the same review, so the same claim.
    result = run("in/reimport/first.json", "in/reimport/same-again.json", "in/reimport/moved.json")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "in/reimport/first.json:1:1: top level: already imported as"
        " data/claims/harbour-sold.yml, and not modified since (2023-03-01): unchanged\n"
        "in/reimport/same-again.json:1:1: top level: already imported as"
        " data/claims/harbour-sold.yml, and not modified since (2023-03-01): unchanged\n"
        "in/reimport/moved.json:1:1: top level: already imported as"
        " data/claims/harbour-sold.yml, and not modified since (2023-03-01): unchanged\n"
        "0 new, 0 updated, 3 unchanged, 0 refused.\n"
    )
    assert tree(empty) == before


def test_a_later_date_modified_updates_the_claim_with_a_dated_rating_change(empty):
    assert run("in/reimport/first.json").exit_code == 0
    result = run("in/reimport/later.json")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Wrote 1 file:\n"
        "  data/claims/harbour-sold.yml (updated)\n"
        "0 new, 1 updated, 0 unchanged, 0 refused.\n"
    )
    expected = parse_values(FIRST_CLAIM)
    expected["rating"] = "false"
    expected["summary"] = "The fund's filing of 10 April shows no purchase."
    expected["analysis"] = expected["analysis"].replace(
        "rated the claim “Not checkable”", "rated the claim “False”"
    )
    expected["evidence"][0].update(quote="False", note="Again Check rated the claim “False”.")
    expected = {
        **{k: v for k, v in expected.items() if k != "imported_from"},
        "updates": [
            {
                "date": "2023-04-12",
                "kind": "rating-change",
                "note": "Again Check updated its review (the dateModified of its ClaimReview),"
                " and now rates the claim “False”.",
                "previous_rating": "not-checkable",
            }
        ],
        "imported_from": {**expected["imported_from"], "modified_on": "2023-04-12"},
    }
    after = written(empty)["claims/harbour-sold.yml"]
    assert parse_values(after) == expected
    assert list(parse_values(after)) == list(expected)  # the model's order of fields
    assert len(imported(empty).claims) == 1
    # The earlier version, fetched again, is older than what is imported: unchanged.
    result = run("in/reimport/first.json", "in/reimport/later.json")
    assert result.output.endswith("0 new, 0 updated, 2 unchanged, 0 refused.\n")


def test_a_later_date_with_the_same_verdict_is_a_dated_update(empty):
    assert run("in/reimport/first.json").exit_code == 0
    review = json.loads((empty / "in" / "reimport" / "first.json").read_text())
    review["dateModified"] = "2023-03-09"
    (empty / "in" / "touched.json").write_text(json.dumps(review))
    assert run("in/touched.json").exit_code == 0
    claim = imported(empty).claims["harbour-sold"].model
    assert [(u.date, u.kind, u.note) for u in claim.updates] == [
        (
            "2023-03-09",
            "update",
            "Again Check updated its review (the dateModified of its ClaimReview); its rating"
            " and verdict are as before.",
        )
    ]
    assert claim.rating == "not-checkable"
    assert claim.imported_from is not None and claim.imported_from.modified_on == "2023-03-09"


def test_an_update_keeps_the_editors_comments_at_the_top(empty):
    assert run("in/reimport/first.json").exit_code == 0
    path = empty / "data" / "claims" / "harbour-sold.yml"
    text = path.read_text(encoding="utf-8").replace(
        "# Imported from", "# Checked by R. Editor on 2023-03-02.\n# Imported from"
    )
    path.write_text(text, encoding="utf-8")
    assert run("in/reimport/later.json").exit_code == 0
    assert path.read_text(encoding="utf-8").splitlines()[1] == (
        "# Checked by R. Editor on 2023-03-02."
    )


def test_the_same_review_twice_in_one_run_is_one_claim(empty):
    result = run("in/reimport/first.json", "in/reimport/same-again.json")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("1 new, 0 updated, 1 unchanged, 0 refused.\n")
    assert list(imported(empty).claims) == ["harbour-sold"]


def test_importing_the_same_folder_twice_leaves_the_tree_byte_identical(empty):
    shutil.copytree(
        empty / "in",
        empty / "good",
        ignore=lambda d, names: [n for n in names if Path(d) == empty / "in" and n not in GOOD],
    )
    first = run(*MAPS, "good")
    assert first.exit_code == 0, first.output
    # The folder holds a review and its later version: the later updates the claim the
    # first makes, and the other copies are unchanged.
    assert first.output.endswith("20 new, 1 updated, 2 unchanged, 0 refused.\n")
    before = tree(empty)
    again = run(*MAPS, "good")
    assert again.exit_code == 0, again.output
    assert again.output.endswith("0 new, 0 updated, 23 unchanged, 0 refused.\n")
    assert "Wrote" not in again.output
    assert tree(empty) == before


def test_a_claim_imported_before_imported_from_existed_is_found_by_its_verdict(empty):
    assert run("in/reimport/first.json").exit_code == 0
    path = empty / "data" / "claims" / "harbour-sold.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("imported_from:")], encoding="utf-8")
    before = tree(empty)
    result = run("in/reimport/first.json")
    assert result.output.endswith("0 new, 0 updated, 1 unchanged, 0 refused.\n")
    assert tree(empty) == before


def test_a_hand_written_claim_of_the_same_id_is_never_overwritten(empty):
    assert run("in/graph-creativework.json").exit_code == 0
    claims = empty / "data" / "claims"
    text = (claims / "city-budget-doubled.yml").read_text(encoding="utf-8")
    # Another claim an editor wrote, whose file name the next review's address suggests.
    (claims / "tram-line.yml").write_text(text[: text.index("imported_from:")], encoding="utf-8")
    hand_written = (claims / "tram-line.yml").read_bytes()
    result = run("in/appearance-object.json")
    assert result.exit_code == 0, result.output
    assert "  data/claims/tram-line-2.yml (new)\n" in result.output
    assert (claims / "tram-line.yml").read_bytes() == hand_written


# --- what the importer has always done ---------------------------------------------------


def test_graph_wrapper_type_list_string_numbers_and_creativework_item(empty):
    result = run("in/graph-creativework.json")
    assert result.exit_code == 0, result.output
    catalog = imported(empty)
    claim = catalog.claims["city-budget-doubled"].model
    assert claim.title == "The city budget doubled in one year"
    assert claim.rating == "false"
    assert claim.reviewed_on == "2020-10-07"  # "2020-10-07 20:05"
    # The CreativeWork that was reviewed is where the claim appeared, and gives its date.
    assert claim.claimed_on == "2020-10-05"
    assert claim.appeared_in is not None
    source = catalog.sources[claim.appeared_in.source].model
    assert source.url == "https://video.example.net/watch?v=abc123&t=95"
    assert source.title == "State of the city address"
    claimant = catalog.entities[claim.claimant].model
    assert (claimant.kind, claimant.name) == ("person", "Mayor Jo Example")
    assert claimant.description == "Mayor of Example City"
    reviewer = [e.model for e in catalog.entities.values() if e.model.name == "Checkers Example"]
    assert reviewer and reviewer[0].kind == "organisation"  # NewsMediaOrganization


def test_html_page_with_several_blocks_inverted_scale_and_mixed_appearances(empty):
    result = run("in/page-several-blocks.html")
    assert result.exit_code == 0, result.output
    catalog = imported(empty)
    assert list(catalog.claims) == ["river-clean"]  # the Organization block is not a review
    claim = catalog.claims["river-clean"].model
    assert claim.rating == "false"  # "Mostly false" through rating_aliases
    assert claim.summary == "Tests in 2020 found bacteria above the bathing limit."
    assert claim.reviewed_on == "2021-03-02"
    # The zone is not converted: 2021-03-05T11:00-05:00 is the 5th as the publisher states.
    assert [(u.kind, u.date) for u in claim.updates] == [("update", "2021-03-05")]
    assert claim.claimed_on == "2021-02-28"
    assert claim.tags == ["environment", "rivers"]
    claimant = catalog.entities[claim.claimant].model
    assert (claimant.kind, claimant.name) == ("organisation", "Example Water Board")
    urls = {s.model.url: s.model for s in catalog.sources.values()}
    # An appearance as a plain address and one as an object with archivedAt as an object.
    assert "https://social.example.com/waterboard/status/1" in urls
    news = urls["https://news.example.com/river"]
    assert news.archived_url == "https://archive.example.org/news-river"
    assert news.title == "Water board says river is clean"
    assert news.published_on == "2021-03-01"
    assert claim.appeared_in is not None
    assert catalog.sources[claim.appeared_in.source].model.url == (
        "https://social.example.com/waterboard/status/1"
    )
    review = urls["https://rivercheck.example.com/2021/river-clean"]
    assert review.title == "Fact check: the river is clean" and review.language == "en"
    assert [e.source for e in claim.evidence] == [
        next(sid for sid, s in catalog.sources.items() if s.model.url == review.url)
    ]


def test_datafeed_dates_with_utc_and_alias_matched_case_insensitively(empty):
    result = run("in/datafeed.json")
    assert result.exit_code == 0, result.output
    # The address's last segment is a number: the id is the claim's words.
    claim = imported(empty).claims["bus-fares-will-be-free-from-next-month"].model
    assert claim.rating == "false"  # "Pants on Fire" → the alias written "PANTS ON FIRE"
    assert claim.reviewed_on == "2017-03-01"  # "2017-03-01 20:30:17 UTC"
    assert claim.claimed_on == "2017-02"  # a partial date stays partial
    assert claim.summary == "Rated “Pants on Fire” by Feed Check."
    # The byline is a person: the publisher organisation is the reviewer, the person an author.
    review = next(
        s.model
        for s in imported(empty).sources.values()
        if s.model.url == "https://feedcheck.example.org/c/4411"
    )
    assert (review.publisher, review.authors) == ("Feed Check", ["Ria Reviewer"])
    assert [e.model.name for e in imported(empty).entities.values()] == ["Feed Check", "Sam Sample"]


def test_appearance_as_one_object_and_label_matching_a_rating_id(empty):
    result = run("in/appearance-object.json")
    assert result.exit_code == 0, result.output
    catalog = imported(empty)
    claim = catalog.claims["tram-line"].model
    assert claim.rating == "confirmed"
    assert claim.appeared_in is not None
    assert catalog.sources[claim.appeared_in.source].model.title == "Mayor opens new tram stop"


def test_an_entity_or_source_already_in_the_dossier_is_reused(empty):
    assert run("in/graph-creativework.json").exit_code == 0
    before = files(empty)
    result = run("in/appearance-object.json")
    assert result.exit_code == 0, result.output
    after = files(empty)
    assert all(after[name] == text for name, text in before.items()), "a record was changed"
    new = sorted(set(after) - set(before))
    # The mayor and the reviewer exist already: only the claim and two sources are new.
    assert [n.split("/")[0] for n in new] == ["claims", "sources", "sources"]


def test_unknown_label_is_reported_with_a_line_to_copy_and_nothing_is_written(empty):
    result = run("in/appearance-object.json", "in/unknown-label.json")
    assert result.exit_code == 1
    assert result.stderr == (
        "in/unknown-label.json:1:1: [0]: rating 'Half True' is not on this dossier's scale"
        " (its number, 3, is 40% of the way from 1, the worst, to 6, the best); map it under"
        ' rating_aliases in data/dossier.yml with the line  "Half True": RATING  (RATING one'
        " of confirmed, false, not-checkable), or for this run only with --map"
        " 'Half True=RATING'\n"
        "1 new, 0 updated, 0 unchanged, 1 refused; 1 problem found, so nothing was written.\n"
    )
    assert list(files(empty)) == ["dossier.yml"]  # the good input was not imported either


def test_the_suggested_line_works_as_it_is_printed(empty):
    review = json.loads((empty / "in" / "appearance-object.json").read_text())
    label = 'Pants: "on" #fire - \\ it\'s'
    review["reviewRating"] = {"@type": "Rating", "alternateName": label}
    (empty / "in" / "odd.json").write_text(json.dumps(review))
    result = run("in/odd.json")
    line = result.stderr.split("with the line  ")[1].split("  (RATING")[0]
    with (empty / "data" / "dossier.yml").open("a", encoding="utf-8") as dossier:
        dossier.write(f"  {line.replace('RATING', 'confirmed')}\n")
    assert run("in/odd.json").exit_code == 0
    assert imported(empty).claims["tram-line"].model.rating == "confirmed"


@given(st.text(max_size=40))
def test_the_suggested_line_is_valid_yaml_for_any_label(raw):
    label = clean_text(raw)
    if label:
        assert parse_values(f"rating_aliases:\n  {alias_line(label)}\n") == {
            "rating_aliases": {label: "RATING"}
        }


def test_a_look_alike_label_is_shown_with_its_code_points(empty):
    review = json.loads((empty / "in" / "appearance-object.json").read_text())
    review["reviewRating"] = {"@type": "Rating", "alternateName": "F\u0430lse"}
    (empty / "in" / "cyrillic.json").write_text(json.dumps(review))
    result = run("in/cyrillic.json")
    assert result.exit_code == 1
    assert (
        "rating 'Fаlse' is not on this dossier's scale; it looks like 'False' (U+0046 U+0061"
        " U+006C U+0073 U+0065) but is written 'Fаlse' (U+0046 U+0430 U+006C U+0073 U+0065);"
    ) in result.stderr


def test_map_maps_a_label_for_one_run(empty):
    result = run("--map", "Half True=not-checkable", "in/unknown-label.json")
    assert result.exit_code == 0, result.output
    claim = imported(empty).claims["moon-cheese"].model
    assert claim.rating == "not-checkable"
    assert "Half True" not in (empty / "data" / "dossier.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Half True", "'Half True' is not LABEL=RATING, such as 'Pants on Fire=false'"),
        ("=false", "'=false' is not LABEL=RATING"),
        (
            "Half True=mostly",
            "--map Half True=mostly: 'mostly' is not a rating id of data/dossier.yml; use one"
            " of confirmed, false, not-checkable",
        ),
    ],
)
def test_a_wrong_map_is_wrong_usage(empty, value, message):
    result = run("--map", value, "in/unknown-label.json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(files(empty)) == ["dossier.yml"]


def test_a_label_may_hold_an_equals_sign(empty):
    review = json.loads((empty / "in" / "appearance-object.json").read_text())
    review["reviewRating"] = {"@type": "Rating", "alternateName": "4=bad"}
    (empty / "in" / "eq.json").write_text(json.dumps(review))
    assert run("--map", "4=bad=false", "in/eq.json").exit_code == 0


def test_problems_of_every_input_are_reported_at_once(empty):
    (empty / "in" / "empty.json").write_text('{"@type": "WebPage"}')
    result = run("in/broken.json", "in/empty.json", "in/unknown-label.json")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        lines[0] == "in/broken.json:4:1: the file is not valid JSON: Expecting property"
        " name enclosed in double quotes"
    )
    assert lines[1].startswith("in/empty.json:1:1: no ClaimReview found")
    assert lines[2].startswith("in/unknown-label.json:1:1: [0]: rating 'Half True'")
    assert lines[-1] == (
        "0 new, 0 updated, 0 unchanged, 3 refused; 3 problems found, so nothing was written."
    )


def test_dry_run_writes_nothing(empty):
    result = run("--dry-run", "in/datafeed.json")
    assert result.exit_code == 0, result.output
    assert "Would write 5 files:" in result.output
    assert "  data/claims/bus-fares-will-be-free-from-next-month.yml (new)" in result.output
    assert list(files(empty)) == ["dossier.yml"]


def test_a_record_the_models_refuse_is_reported_at_the_review_as_its_kind(empty):
    review = json.loads((empty / "in" / "appearance-object.json").read_text())
    review["itemReviewed"]["author"]["name"] = "N" * 5001
    (empty / "in" / "long.json").write_text(json.dumps(review))
    result = run("in/long.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "in/long.json:1:1: top level: the entity record it would make is invalid: name is 5001"
        " characters long; at most 5000 are allowed"
    )
    assert list(files(empty)) == ["dossier.yml"]


CARRIED = (
    "url",
    "claimReviewed",
    "headline",
    "inLanguage",
    "author",
    "datePublished",
    "dateModified",
    "keywords",
)


def test_round_trip_of_this_dossiers_claimreview(tmp_path, chdir):
    """Export the fixture's ClaimReview, import them into an empty dossier, export again:
    every field ClaimReview carries comes back the same, as a reader would read it (text
    that reads as an HTML tag, such as the hostile fixture's `<script>`, is stripped)."""
    chdir(tmp_path)
    original = load_catalog(FIXTURE / "data")
    (tmp_path / "feed.json").write_bytes(build_exports(original)[FEED_JSON])
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURE / "data" / "dossier.yml", tmp_path / "data" / "dossier.yml")
    result = run("feed.json")
    assert result.exit_code == 0, result.output

    def as_read(value):
        return clean_text(value) if isinstance(value, str) else value

    again = all_claim_reviews(load_catalog(tmp_path / "data"))
    before = all_claim_reviews(original)
    assert sorted(again) == sorted(before)
    for cid, review in before.items():
        back = again[cid]
        for key in CARRIED:
            assert back.get(key) == as_read(review.get(key)), (cid, key)
        assert back["reviewRating"] == review["reviewRating"], cid
        item, item_back = review["itemReviewed"], back["itemReviewed"]
        assert item_back["author"] == item["author"], cid
        assert item_back["datePublished"] == item["datePublished"], cid
        assert item_back.get("text") == item.get("text"), cid
        assert item_back["firstAppearance"] == item["firstAppearance"], cid
    # Imported again: the same reviews, so nothing changes.
    before_bytes = tree(tmp_path)
    assert run("feed.json").output.endswith("0 new, 0 updated, 2 unchanged, 0 refused.\n")
    assert tree(tmp_path) == before_bytes


def test_inverted_scale_with_numbers_as_text_is_read_lowest_worst(empty):
    (empty / "in" / "inverted.json").write_text("""{
      "@context": "https://schema.org", "@type": "ClaimReview",
      "url": "https://afp.example.net/check/1", "claimReviewed": "A claim",
      "datePublished": "2020-01-02", "author": {"@type": "Organization", "name": "Checks"},
      "reviewRating": {"@type": "Rating", "alternateName": "Faux", "ratingValue": "2",
                       "bestRating": "1", "worstRating": "5"},
      "itemReviewed": {"@type": "Claim", "author": "Someone", "datePublished": "2020-01-01"}
    }""")
    result = run("in/inverted.json")
    assert result.exit_code == 1
    assert (
        "rating 'Faux' is not on this dossier's scale (its number, 2, is 25% of the way"
        " from 1, the worst, to 5, the best)"
    ) in result.stderr


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2020-10-07", "2020-10-07"),
        ("2020-10-07 20:05", "2020-10-07"),
        ("2017-03-01 20:30:17 UTC", "2017-03-01"),
        ("2020-10-07T23:30:00-05:00", "2020-10-07"),
        ("2020-10-07T23:30:00Z", "2020-10-07"),
        ("2017-10", "2017-10"),
        ("2017", "2017"),
        (["2019-06-01", "2019-07-01"], "2019-06-01"),
        ({"@value": "2019-06-01", "@type": "Date"}, "2019-06-01"),
        ("0001-01-01T00:00:00Z", None),
        ("2017-02-30", None),
        ("June 2017", None),
        ("20171005", None),
        (None, None),
    ],
)
def test_dates_as_publishers_write_them(given, expected):
    from dossier_gen.importing.read import date

    assert date(given) == expected


def test_numbers_as_text():
    from dossier_gen.importing.read import number

    assert [number(v) for v in ("4", " 4.5 ", 3, [2], "-1", "five", True, None, "nan", 1e999)] == [
        4.0,
        4.5,
        3.0,
        2.0,
        -1.0,
        None,
        None,
        None,
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("It&#039;s &lt;b&gt;false&lt;/b&gt;", "It's false"),  # encoded twice
        ("<p>Claim</p><p>two</p>", "Claim two"),
        ("Fa<b>ls</b>e", "False"),
        ("a\u00a0 b\n\tc", "a b c"),
        ("R&D and &copy without a semicolon", "R&D and &copy without a semicolon"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
        ("x<script>alert(1)</script>y", "x y"),
        ("left\u202eright\u2028line\x07bell", "leftright line bell"),
        ("&amp;amp;", "&"),
    ],
)
def test_text_as_readers_see_it(raw, read):
    assert clean_text(raw) == read


@pytest.mark.parametrize(
    ("address", "post"),
    [
        ("https://social.example.com/someone/status/123", True),
        ("https://social.example.com/groups/123/posts/456", True),
        ("https://video.example.net/watch?v=abc", True),
        ("https://photos.example.com/p/Cx1/", True),
        ("https://blog.example.org/?p=12", True),
        ("https://social.example.com/someone", False),
        ("https://social.example.com/groups/123", False),
        ("https://en.wikipedia.org/wiki/Someone", False),
        ("https://social.example.com/profile.php?id=100", False),
    ],
)
def test_a_claimants_post_address_is_told_from_a_profile(address, post):
    assert is_post_address(address) is post


# --- inputs that would break a reader: refused with a position, never a traceback ---------


def test_json_nested_a_thousand_levels_is_refused_with_its_position(empty):
    (empty / "in" / "deep.json").write_text("[" * 1000 + "]" * 1000)
    result = run("in/deep.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "in/deep.json:1:65: the file nested more than 64 levels deep; ClaimReview needs about"
        " ten, so this is not read"
    )


def test_a_page_block_nested_a_thousand_levels_is_refused_with_its_position(empty):
    block = '{"@type": "ClaimReview", "x": ' + "[" * 1000 + "]" * 1000 + "}"
    (empty / "in" / "deep.html").write_text(
        f'<html><head>\n  <script type="application/ld+json">\n{block}\n</script>\n'
    )
    result = run("in/deep.html")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "in/deep.html:3:94: JSON-LD block 1 nested more than 64 levels deep; ClaimReview"
        " needs about ten, so this is not read"
    )


def test_a_five_thousand_digit_number_is_refused_with_its_position(empty):
    review = (empty / "in" / "appearance-object.json").read_text()
    big = review.replace('"ratingValue": 5', '"ratingValue": ' + "9" * 5000)
    (empty / "in" / "big.json").write_text(big)
    result = run("in/big.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "in/big.json:8:84: the file holds a number of 5,000 digits; numbers may have at most 100"
    )


def test_a_huge_file_is_refused_from_its_size_without_reading_it(empty):
    huge = empty / "in" / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GiB that take no room, and no time to make
    result = run("in/huge.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"in/huge.json:1:1: the file is {3 * 1024**3:,} bytes; inputs may be at most"
        f" {MAX_INPUT_BYTES:,} bytes"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_not_read(empty):
    os.mkfifo(empty / "in" / "pipe.json")
    assert stat.S_ISFIFO((empty / "in" / "pipe.json").stat().st_mode)
    result = run("in/pipe.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "in/pipe.json:1:1: this is not a regular file"


def test_text_that_is_not_utf8_is_refused_at_the_byte(empty):
    (empty / "in" / "latin1.json").write_bytes(b'{"a":\n "caf\xe9"}')
    result = run("in/latin1.json")
    assert result.stderr.splitlines()[0] == "in/latin1.json:2:6: the file is not UTF-8 text"


def test_a_folder_without_inputs_and_a_missing_path(empty):
    (empty / "in" / "nothing").mkdir()
    result = run("in/nothing")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "in/nothing:1:1: this folder holds no input file (looked for .json, .jsonld, .html,"
    )
    assert run("in/no-such-file.json").exit_code == 2  # wrong usage, as click says


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "ClaimReview",
            "Claim",
            "Person",
            "Organization",
            "2020-01-02",
            "2020-01-02T23:00:00-05:00",
            "https://x.example/a",
            "https://x.example/",
            "False",
            "Confirmed",
            "<b>x</b>&amp;",
            "\u202e\ud800",
        ]
    ),
)
KEYS = st.sampled_from(
    [
        "@type",
        "@id",
        "@graph",
        "url",
        "claimReviewed",
        "headline",
        "name",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "reviewRating",
        "alternateName",
        "ratingExplanation",
        "ratingValue",
        "bestRating",
        "worstRating",
        "itemReviewed",
        "appearance",
        "firstAppearance",
        "sameAs",
        "keywords",
        "inLanguage",
        "claims",
        "claimReview",
        "text",
        "claimant",
        "claimDate",
        "textualRating",
    ]
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(KEYS, st.text(max_size=8)), inner, max_size=6)
    ),
    max_leaves=40,
)
ADDRESSES = st.one_of(
    st.sampled_from(
        [
            "https://checks.example.org/2024/a-claim",
            "https://checks.example.org/",
            "https://checks.example.org/?p=1",
            "https://social.example.com/someone/status/1",
            "https://social.example.com/someone",
            "http://x.example/a b",
            "ftp://x.example/",
            "https://x.example/%E4%B8%AD",
        ]
    ),
    st.text(max_size=20).map(lambda tail: "https://checks.example.org/" + tail),
)
TEXTS = st.one_of(
    st.sampled_from(["The bridge was sold", "Le pont a été vendu", "中国派遣间谍", "भारत में बाढ़"]),
    st.sampled_from(["It&#039;s <b>sold</b>", "  spaced   out  ", "A " * 80]),
    st.text(min_size=1, max_size=60),
)
# Hypothesis favours small integers, so the odd case is the largest.
DATES = st.integers(0, 5).flatmap(
    lambda n: (
        st.sampled_from(["0001-01-01", "2020-02-30", "June 2020"])
        if n == 5
        else st.sampled_from(["2020-01-02", "2020-01-03T23:00:00-05:00", "2021", "2019-11"])
    )
)
LABELS = st.integers(0, 4).flatmap(
    lambda n: (
        st.text(max_size=10)
        if n == 4
        else st.sampled_from(
            ["False", "Confirmed", "Not checkable", "PANTS ON FIRE", "mostly FALSE"]
        )
    )
)


def mostly(valid):
    """Valid values nine times in ten; anything else the rest of the time."""
    return st.integers(0, 9).flatmap(lambda n: ANY_JSON if n == 9 else valid)


PEOPLE = st.one_of(
    TEXTS,
    st.fixed_dictionaries(
        {"@type": st.sampled_from(["Person", "Organization", "NGO", "Thing"]), "name": TEXTS},
        optional={"sameAs": st.lists(ADDRESSES, max_size=2), "url": ADDRESSES},
    ),
)
WORKS = st.one_of(
    ADDRESSES,
    TEXTS,
    st.fixed_dictionaries(
        {"@type": st.just("CreativeWork")},
        optional={
            "url": ADDRESSES,
            "name": TEXTS,
            "headline": TEXTS,
            "datePublished": DATES,
            "archivedAt": ADDRESSES,
            "inLanguage": st.sampled_from(["en", "pt_BR", "English", "zh-Hant"]),
            "author": PEOPLE,
        },
    ),
)
REVIEWS = st.fixed_dictionaries(
    {
        "@type": st.just("ClaimReview"),
        "url": mostly(ADDRESSES),
        "claimReviewed": mostly(TEXTS),
        "datePublished": mostly(st.sampled_from(["2020-01-02", "2020-01-03T23:00:00-05:00"])),
        "author": mostly(PEOPLE),
        "reviewRating": mostly(
            st.fixed_dictionaries(
                {"@type": st.just("Rating"), "alternateName": LABELS},
                optional={
                    "ratingValue": JSON_SCALARS,
                    "bestRating": JSON_SCALARS,
                    "worstRating": JSON_SCALARS,
                    "ratingExplanation": mostly(TEXTS),
                },
            )
        ),
        "itemReviewed": mostly(
            st.fixed_dictionaries(
                {
                    "@type": st.sampled_from(["Claim", "CreativeWork"]),
                    "author": PEOPLE,
                    "datePublished": DATES,
                },
                optional={
                    "url": ADDRESSES,
                    "appearance": st.one_of(WORKS, st.lists(WORKS, max_size=3)),
                    "firstAppearance": WORKS,
                    "text": TEXTS,
                },
            )
        ),
    },
    optional={
        "@id": ADDRESSES,
        "headline": TEXTS,
        "dateModified": DATES,
        "keywords": st.one_of(TEXTS, st.lists(TEXTS, max_size=3)),
        "reviewBody": TEXTS,
        "publisher": PEOPLE,
        "inLanguage": st.sampled_from(["en", "es", "English"]),
    },
)
INPUTS_OF_ANY_SHAPE = st.one_of(
    ANY_JSON,
    REVIEWS,
    st.lists(REVIEWS, min_size=1, max_size=3),
    st.lists(REVIEWS, min_size=1, max_size=3).map(lambda r: {"@graph": r}),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=INPUTS_OF_ANY_SHAPE)
def test_any_json_gives_records_or_positioned_problems(tmp_path_factory, value):
    """Whatever the JSON, the import writes valid records or refuses with positions, never
    an exception; and what it wrote, imported again, changes nothing."""
    root = tmp_path_factory.mktemp("any")
    (root / "data").mkdir()
    (root / "data" / "dossier.yml").write_text(SCALE, encoding="utf-8")
    given_input = root / "input.json"
    given_input.write_text(json.dumps(value), encoding="utf-8")
    try:
        result = run_import([given_input], root / "data")
    except ImportFailed as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path.endswith("input.json"), problem
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.message, problem
        assert not (root / "data" / "claims").exists()
        return
    assert result.outcomes and "refused" not in {o.status for o in result.outcomes}
    assert all(path.parent.parent == root / "data" for path in result.created)
    load_catalog(root / "data")  # what was written is valid
    before = tree(root)
    again = run_import([given_input], root / "data")
    assert {o.status for o in again.outcomes} <= {"unchanged"}
    assert not again.created and not again.updated
    assert tree(root) == before
