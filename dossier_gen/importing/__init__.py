"""Other fact-checkers' ClaimReview → new or updated records: find it in JSON, HTML and Fact
Check Tools responses (`read`), map it onto this dossier's records (`mapping`), and write all
or nothing (`run`).

May import: `problems`, `records`, `loading`, and `rendering.urls` for the pages an id may
not take.
"""
