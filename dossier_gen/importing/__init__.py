"""Other fact-checkers' ClaimReview → new records: find it in JSON and HTML (`read`), map it
onto this dossier's records (`mapping`), and write all or nothing (`run`).

May import: `problems`, `records`, `loading`.
"""
