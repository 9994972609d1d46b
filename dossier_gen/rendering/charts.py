"""Small bar charts drawn in HTML when the site is built, so pages need no chart script.

Every bar is a row of text (its label and its count) with the bar beside it, so the chart
never relies on colour, reads aloud as a list, and keeps the page's font size on a phone
(an SVG chart scales its labels down with its width). A rating's bar takes the rating's
colours from the stylesheet and its icon, as badges do. The output is a raw HTML block
(a `<figure>` with no blank line inside), which Markdown passes through untouched; record
text in it is escaped with `escape.md_text`, whose numeric character references are inert in
both Markdown and HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..records.ratings import RatingScale
from .escape import attr, md_text
from .i18n import N_

if TYPE_CHECKING:
    from ..records.models import Claim, Rating


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    css_class: str = ""
    """Extra class on the row (such as `rating-false`), which gives the bar its colours."""
    icon: str = ""
    """A mark before the label (a rating's icon), hidden from screen readers."""


NONE_YET = N_("None yet")
"""What a chart with no bar says."""


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    caption: str = "",
    skip_empty: bool = False,
    empty: str = NONE_YET,
) -> Markup:
    """A horizontal bar chart with one labelled, counted row per bar; `skip_empty` leaves
    out the rows whose count is 0, and `empty` is what the chart says with no row."""
    shown = [bar for bar in bars if bar.count or not skip_empty]
    top = max((bar.count for bar in shown), default=0) or 1
    rows = []
    for bar in shown:
        # Whole percent: the same widths on every machine, and short markup.
        width = round(100 * bar.count / top)
        icon = (
            f'<span class="dossier-chart__icon" aria-hidden="true">{md_text(bar.icon)}</span> '
            if bar.icon
            else ""
        )
        rows.append(
            f'<li class="dossier-chart__row {attr(bar.css_class)}">'
            f'<span class="dossier-chart__label">{icon}{md_text(bar.label)}</span>'
            f'<span class="dossier-chart__track"><span class="dossier-chart__bar'
            f' dossier-w-{width}"></span></span>'
            f'<span class="dossier-chart__count">{bar.count}</span></li>'
        )
    body = "".join(rows) if rows else f'<li class="dossier-chart__row">{md_text(empty)}</li>'
    figcaption = f'<p class="dossier-chart__caption">{md_text(caption)}</p>' if caption else ""
    return Markup(
        f'<figure class="dossier-chart" id="{attr(chart_id)}">'
        f'<figcaption class="dossier-chart__title">{md_text(title)}</figcaption>'
        f'<ul class="dossier-chart__rows">{body}</ul>{figcaption}</figure>'
    )


def bar_width_styles() -> str:
    """The stylesheet's rule for each whole-percent bar width. Widths are classes, not
    `style` attributes, because the pages' Content-Security-Policy refuses inline styles."""
    return "".join(f".dossier-w-{n}{{width:{n}%}}" for n in range(101)) + "\n"


def rating_chart(
    chart_id: str,
    title: str,
    ratings: Sequence[Rating],
    claims: Mapping[str, Claim],
    claim_ids: Sequence[str],
    caption: str = "",
    skip_empty: bool = False,
    empty: str = NONE_YET,
) -> Markup:
    """How many of `claim_ids` have each rating, one row per rating in display order."""
    counts = Counter(claims[cid].rating for cid in claim_ids)
    bars = [Bar(r.label, counts[r.id], f"rating-{r.id}", RatingScale.icon(r.id)) for r in ratings]
    return bar_chart(chart_id, title, bars, caption, skip_empty, empty)
