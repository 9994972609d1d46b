"""Placeholder publisher details are recognised, and real ones are not mistaken for them."""

from __future__ import annotations

import pytest

from dossier_gen import load_catalog
from dossier_gen.records.readiness import is_preview, missing, placeholder_reason, placeholders

from .conftest import ROOT


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/",
        "news@example.com",
        "https://desk.example.net/contact",
        "Example Desk (placeholder)",
        "PLACEHOLDER: say who funds it",
        "To be completed",
    ],
)
def test_placeholders_are_recognised(text):
    assert placeholder_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "Full Fact",
        "https://fullfact.org/contact/",
        "editor@fullfact.org",
        "Funded by readers, for example through monthly donations",
    ],
)
def test_real_details_pass(text):
    assert placeholder_reason(text) is None


def test_this_dossier_is_still_a_preview():
    dossier = load_catalog(ROOT / "data").dossier.model
    assert is_preview(dossier)
    assert [loc for loc, _ in placeholders(dossier)] == [
        ("publisher", "name"),
        ("publisher", "url"),
        ("publisher", "contact"),
        ("publisher", "funding"),
        ("base_url",),
    ]
    assert missing(dossier) == []
    ready = dossier.model_copy(
        update={
            "base_url": "https://dossier.news.test/",
            "publisher": dossier.publisher.model_copy(
                update={
                    "name": "A Desk",
                    "url": "https://news.test/",
                    "contact": "desk@news.test",
                    "funding": "Funded by its readers.",
                }
            ),
        }
    )
    assert not is_preview(ready)
