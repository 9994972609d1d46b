"""Small bar charts drawn as SVG when the site is built, so pages need no chart script.

Every bar carries its label and its count as text, so the chart never relies on colour; the
SVG has `role="img"`, a `<title>` and a `<desc>` listing every figure for screen readers.
The output is a raw HTML block (a `<figure>` with no blank line inside), which Markdown
passes through untouched; record text in it is escaped with `escape.md_text`, whose
numeric character references are inert in both Markdown and HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from .escape import md_text

if TYPE_CHECKING:
    from ..records.models import Claim, Rating

ROW_HEIGHT = 26
LABEL_WIDTH = 200
BAR_SPACE = 230
WIDTH = LABEL_WIDTH + BAR_SPACE + 50


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    css_class: str = ""
    """Extra class on the bar (such as `rating-false`), for print and theme styling only."""


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], caption: str = "") -> Markup:
    """A horizontal bar chart with one labelled, counted row per bar."""
    height = ROW_HEIGHT * max(len(bars), 1) + 4
    top = max((bar.count for bar in bars), default=0) or 1
    desc = "; ".join(f"{bar.label}: {bar.count}" for bar in bars) or "no data"
    rows = []
    for i, bar in enumerate(bars):
        y = i * ROW_HEIGHT + 2
        length = round(BAR_SPACE * bar.count / top)
        rows.append(
            f'<g class="dossier-chart__row {md_text(bar.css_class)}">'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end">'
            f"{md_text(bar.label)}</text>"
            f'<rect class="dossier-chart__bar" x="{LABEL_WIDTH}" y="{y + 4}" width="{length}"'
            f' height="{ROW_HEIGHT - 8}"></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 17}">{bar.count}</text></g>'
        )
    figcaption = f"<figcaption>{md_text(caption)}</figcaption>" if caption else ""
    return Markup(
        f'<figure class="dossier-chart" id="{md_text(chart_id)}">'
        f'<svg role="img" aria-labelledby="{md_text(chart_id)}-title {md_text(chart_id)}-desc"'
        f' viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{md_text(chart_id)}-title">{md_text(title)}</title>'
        f'<desc id="{md_text(chart_id)}-desc">{md_text(desc)}</desc>'
        + "".join(rows)
        + f"</svg>{figcaption}</figure>"
    )


def rating_chart(
    chart_id: str,
    title: str,
    ratings: Sequence[Rating],
    claims: Mapping[str, Claim],
    claim_ids: Sequence[str],
    caption: str = "",
) -> Markup:
    """How many of `claim_ids` have each rating, one row per rating in display order."""
    counts = Counter(claims[cid].rating for cid in claim_ids)
    bars = [Bar(r.label, counts[r.id], f"rating-{r.id}") for r in ratings]
    return bar_chart(chart_id, title, bars, caption)
