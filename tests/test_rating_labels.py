"""Rating labels and aliases are compared as a person reads them (`RatingScale.find`)."""

from __future__ import annotations

import unicodedata

import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.problems import DataError
from dossier_gen.records.models import Dossier, Rating
from dossier_gen.records.ratings import RatingScale, code_points, label_key

RATINGS = [
    Rating(id="false", label="False", definition="Wrong.", position=1),
    Rating(id="misleading", label="Enganoso", definition="Misleading.", position=2),
    Rating(id="not-checkable", label="Not checkable", definition="Opinion."),
]
ALIASES = {"Engañoso": "misleading", "Pants on Fire": "false", "Faux": "false"}


@pytest.fixture
def scale() -> RatingScale[Rating]:
    return RatingScale(RATINGS, ALIASES)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("false", "false"),  # a label, in any case
        ("NOT CHECKABLE", "not-checkable"),
        ("not-checkable", "not-checkable"),  # an id
        (unicodedata.normalize("NFD", "Engañoso"), "misleading"),  # n + combining tilde
        ("Engañoso", "misleading"),  # precomposed, as typed
        ("ＦＡＬＳＥ", "false"),  # full-width letters (compatibility characters)
        ("Pants  on\u00a0Fire", "false"),  # spaces: doubled, no-break
        ("ﬁx", None),  # the ligature is fi, which is no label here
        ("Fаlse", None),  # a Cyrillic а: looks the same, is not the same
        ("Half true", None),
    ],
)
def test_find(scale, label, expected):
    found = scale.find(label)
    assert (found.id if found else None) == expected


def test_one_run_mappings_come_before_the_dossiers_aliases(scale):
    assert scale.find("faux", {"FAUX": "misleading"}).id == "misleading"
    assert scale.find("Falso", {"falso": "false"}).id == "false"
    assert scale.find("Falso", {"falso": "no-such-rating"}) is None


def test_a_look_alike_is_named_with_its_code_points(scale):
    assert scale.look_alike("Fаlse") == "False"
    assert scale.look_alike("Pants-on-fire!") == "Pants on Fire"
    assert scale.look_alike("Half true") is None
    assert code_points("Fаlse") == "'Fаlse' (U+0046 U+0430 U+006C U+0073 U+0065)"


def test_label_key_is_stable():
    for text in ("Engañoso", "ǅ", "ẞ", "ﬃ", "Ⅻ"):
        assert label_key(label_key(text)) == label_key(text)


def test_two_aliases_that_read_alike_must_agree(root):
    dossier = root / "data" / "dossier.yml"
    text = dossier.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", "Engañoso")
    dossier.write_text(
        text + f"rating_aliases:\n  Engañoso: false\n  {decomposed}: confirmed\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        load_catalog(root / "data")
    [problem] = error.value.problems
    assert problem.message == (
        f"rating_aliases maps {decomposed!r} to 'confirmed' and 'Engañoso', which reads"
        " the same, to 'false'; keep one of them"
    )


def test_dossier_model_builds_the_scale_with_aliases():
    dossier = Dossier.model_validate(
        {
            "title": "t",
            "description": "d",
            "language": "en",
            "publisher": {"name": "p", "url": "https://example.org/"},
            "base_url": "https://example.org/",
            "ratings": [r.model_dump() for r in RATINGS],
            "rating_aliases": {"PANTS ON FIRE": "false"},
        }
    )
    assert dossier.scale.find("pants on fire").id == "false"
