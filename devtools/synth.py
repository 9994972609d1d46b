"""Write a synthetic dossier of N claims, shaped like real ones, for the benchmark.

Deterministic for a given (N, seed): the same files byte for byte on every machine, so runs
compare like with like. Every name, quote and organisation here is invented filler
(example.org addresses, "Example" outlets); nothing is meant to be read as fact.

Shape, per 1,000 claims: 50 entities (some with a native name in Chinese), 250 sources
(about a fifth in Chinese), and claims with 3-6 evidence items, 1-4 tags, 0-2 related
claims, an update on about one claim in five, and Chinese statements on about one in five.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS = [
    "report",
    "official",
    "agency",
    "statement",
    "record",
    "archive",
    "letter",
    "meeting",
    "border",
    "visit",
    "office",
    "minister",
    "budget",
    "contract",
    "court",
    "filing",
    "witness",
    "interview",
    "vessel",
    "port",
    "figure",
    "survey",
    "network",
    "company",
    "council",
    "hearing",
    "memo",
    "leak",
    "transcript",
    "audit",
    "grant",
    "bridge",
    "station",
]
ZH = "官员报告声明调查记录文件会议法院证人采访公司网络预算合同边境访问部门档案机构信件审计港口"
TAGS = [f"topic-{i}" for i in range(40)]
RATINGS = ("confirmed", "partly-confirmed", "unsupported", "contradicted", "false")
DOSSIER = """\
title: Synthetic benchmark dossier
description: Invented records, generated to measure how the site generator scales.
language: en
publisher:
  name: Example Bench Desk (placeholder)
  url: https://example.org/
base_url: https://bench.example.org/
ratings:
  - id: confirmed
    label: Confirmed
    position: 4
    definition: Independent evidence confirms the claim as stated.
  - id: partly-confirmed
    label: Partly confirmed
    position: 3
    definition: Independent evidence confirms part of the claim.
  - id: unsupported
    label: Unsupported
    definition: No evidence was found either way.
  - id: contradicted
    label: Contradicted by evidence
    position: 2
    definition: The weight of credible evidence points against the claim.
  - id: false
    label: "False"
    position: 1
    definition: The claim is wrong.
"""


def _q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Text:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def sentence(self, lo: int = 6, hi: int = 14) -> str:
        return self.words(self.rng.randint(lo, hi)).capitalize() + "."

    def zh(self, lo: int = 8, hi: int = 30) -> str:
        return "".join(self.rng.choice(ZH) for _ in range(self.rng.randint(lo, hi))) + "。"

    def date(self, lo: int = 2005, hi: int = 2024, full: bool = False) -> str:
        year = self.rng.randint(lo, hi)
        precision = 3 if full else self.rng.choice((1, 2, 3, 3, 3))
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        return (f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}")[precision - 1]


def entity_yaml(t: _Text, i: int, n_sources: int) -> str:
    kind = t.rng.choice(("person", "person", "organisation", "unnamed"))
    lines = [f"kind: {kind}", f"name: Example {kind.capitalize()} {i}"]
    if t.rng.random() < 0.4:
        lines.append(f"native_name: {t.zh(2, 4)[:-1]}")
    lines.append(f"description: {_q(t.sentence(10, 25))}")
    lines.append("citations:")
    for _ in range(t.rng.randint(1, 2)):
        lines += [
            f"  - source: source-{t.rng.randrange(n_sources)}",
            f"    locator: paragraph {t.rng.randint(1, 30)}",
            f"    quote: {_q(t.sentence())}",
        ]
    if t.rng.random() < 0.3:
        lines += [
            "developments:",
            f"  - date: {_q(t.date())}",
            f"    text: {_q(t.sentence())}",
            f"    source: source-{t.rng.randrange(n_sources)}",
            "    locator: headline",
            f"    quote: {_q(t.sentence(4, 8))}",
        ]
    if t.rng.random() < 0.3:
        lines += ["links:", "  - label: Example profile", f"    url: https://example.org/e/{i}"]
    return "\n".join(lines) + "\n"


def source_yaml(t: _Text, i: int, n_entities: int) -> str:
    chinese = t.rng.random() < 0.2
    title = t.zh(10, 25) if chinese else t.sentence(5, 12)
    lines = [f"title: {_q(title)}", f"publisher: Example Outlet {i % 37}"]
    if t.rng.random() < 0.5:
        lines.append(f"publisher_entity: entity-{t.rng.randrange(n_entities)}")
    lines += [
        f"authors: [Writer {t.rng.randint(1, 500)}]",
        f"published_on: {_q(t.date())}",
        f"url: https://example.org/s/{i}",
        f"language: {'zh' if chinese else 'en'}",
        f"kind: {t.rng.choice(('news-report', 'document', 'official-statement'))}",
    ]
    if t.rng.random() < 0.5:
        lines.append(f"reliability: {_q(t.sentence())}")
    return "\n".join(lines) + "\n"


def claim_yaml(t: _Text, i: int, n: int, n_entities: int, n_sources: int) -> str:
    rng = t.rng
    chinese = rng.random() < 0.2
    statement = t.zh(20, 60) if chinese else t.sentence(12, 30)
    rating = rng.choice(RATINGS)
    lines = [
        f"title: {_q(f'Claim {i}: ' + t.words(rng.randint(4, 10)))}",
        "statement:",
        f"  text: {_q(statement)}",
        f"  form: {rng.choice(('quote', 'paraphrase'))}",
        f"claimant: entity-{rng.randrange(n_entities)}",
    ]
    if rng.random() < 0.4:
        lines.append(f"relayed_by: [entity-{rng.randrange(n_entities)}]")
    lines += [
        f"claimed_on: {_q(t.date())}",
        "appearance:",
        f"  source: source-{rng.randrange(n_sources)}",
        f"  locator: paragraph {rng.randint(1, 40)}",
        f"  quote: {_q(t.zh(6, 20) if chinese else t.sentence(5, 12))}",
        f"rating: {rating}",
        f"summary: {_q(' '.join(t.sentence() for _ in range(3)))}",
        "analysis: |",
        f"  {' '.join(t.sentence() for _ in range(4))}",
        "",
        f"  - The *first* point: {t.sentence()}",
        f"  - The second point, from [an example](https://example.org/a/{i}).",
        "",
        f"  {t.zh() if chinese else t.sentence(15, 30)}",
        "evidence:",
    ]
    for _ in range(rng.randint(3, 6)):
        lines += [
            f"  - stance: {rng.choice(('supports', 'contradicts', 'context'))}",
            f"    source: source-{rng.randrange(n_sources)}",
            f"    locator: paragraph {rng.randint(1, 60)}",
            f"    quote: {_q(t.zh(8, 30) if rng.random() < 0.2 else t.sentence())}",
        ]
        if rng.random() < 0.6:
            lines.append(f"    note: {_q(t.sentence())}")
    lines.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 4)))}]")
    related = {rng.randrange(n) for _ in range(rng.randint(0, 2))} - {i}
    if related:
        lines.append(f"related: [{', '.join(f'claim-{r}' for r in sorted(related))}]")
    lines.append(f"reviewed_on: {_q(t.date(2024, 2026, full=True))}")
    if rng.random() < 0.2:
        previous = rng.choice([r for r in RATINGS if r != rating])
        lines += [
            "updates:",
            f"  - date: {_q(t.date(2025, 2026, full=True))}",
            "    kind: rating-change",
            f"    previous_rating: {previous}",
            f"    note: {_q(t.sentence())}",
        ]
    return "\n".join(lines) + "\n"


def write_dossier(target: Path, claims: int, seed: int = 1) -> Path:
    """Write `target/data` (records) and `target/docs` (hand-written pages); return target."""
    rng = random.Random(seed * 1_000_003 + claims)
    t = _Text(rng)
    n_entities, n_sources = max(20, claims // 20), max(50, claims // 4)
    data = target / "data"
    if data.exists():
        shutil.rmtree(data)
    for folder in ("claims", "entities", "sources"):
        (data / folder).mkdir(parents=True)
    (data / "dossier.yml").write_text(DOSSIER, encoding="utf-8")
    for i in range(n_entities):
        (data / "entities" / f"entity-{i}.yml").write_text(
            entity_yaml(t, i, n_sources), encoding="utf-8"
        )
    for i in range(n_sources):
        (data / "sources" / f"source-{i}.yml").write_text(
            source_yaml(t, i, n_entities), encoding="utf-8"
        )
    for i in range(claims):
        (data / "claims" / f"claim-{i}.yml").write_text(
            claim_yaml(t, i, claims, n_entities, n_sources), encoding="utf-8"
        )
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("index.md", "# Synthetic dossier\n\nInvented records for the benchmark.\n"),
        ("methodology.md", "# Methodology\n\nInvented.\n"),
        ("about.md", "# About\n\nInvented.\n"),
    ):
        (docs / name).write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="folder to write data/ and docs/ into")
    parser.add_argument("--claims", type=int, default=1000, help="number of claims")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    args = parser.parse_args()
    write_dossier(args.target, args.claims, args.seed)


if __name__ == "__main__":
    main()
