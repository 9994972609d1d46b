"""Show partial dates (`2017`, `2017-10`, `2017-10-05`) as readers expect them."""

from __future__ import annotations

# Spelled out rather than taken from `calendar`, whose names follow the machine's locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: str) -> str:
    """`2017-10-05` → `5 October 2017`; `2017-10` → `October 2017`; `2017` → `2017`."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
