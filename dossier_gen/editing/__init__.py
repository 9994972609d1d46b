"""Tools for editors and reviewers around the pipeline: `diff` (what a change does to the
verdicts), `scaffold` (`dossier new`), `linkcheck` (a built site's internal links) and
`gitread` (records at a git revision).

May import: `problems`, `records`, `loading`, `rendering`.
"""
