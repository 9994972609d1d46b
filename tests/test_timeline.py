"""Dated events across the dossier, in calendar order with partial dates."""

from __future__ import annotations

from dossier_gen.loading.load import load_catalog
from dossier_gen.rendering.timeline import claim_timeline, site_timeline

from .conftest import FIXTURE


def test_site_timeline_holds_every_dated_event_in_order():
    events = site_timeline(load_catalog(FIXTURE / "data"))
    assert [(e.date, e.kind, e.page) for e in events] == [
        ("2018", "published", "sources/example-registry.md"),
        ("2018", "claim made", "claims/bridge-best.md"),
        ("2018-05", "claim made", "claims/bridge-finished.md"),
        ("2018-05-02", "published", "sources/example-report.md"),
        ("2019-03", "development", "entities/ada-example.md"),
        ("2026-11-21", "update", "claims/bridge-finished.md"),
        ("2026-11-22", "update", "entities/ada-example.md"),
    ]


def test_claim_timeline_has_its_sources_updates_and_review():
    events = claim_timeline(load_catalog(FIXTURE / "data"), "bridge-finished")
    assert [(e.date, e.kind) for e in events] == [
        ("2018", "published"),
        ("2018-05", "claim made"),
        ("2018-05-02", "published"),
        ("2026-11-20", "reviewed"),
        ("2026-11-21", "update"),
    ]
    assert events[1].detail == "Ada Example"
    assert events[-1].detail == "rating-change"
