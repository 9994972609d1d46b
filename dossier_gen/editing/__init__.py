"""Tools for editors and reviewers around the pipeline: `diff` (what a change does to the
verdicts), `scaffold` (`dossier new`), `linkcheck` (a built site's internal links),
`gitread` (records at a git revision) and `newdossier` (`dossier init`, which writes the
repository in `skeleton/`).

May import: `problems`, `records`, `loading`, `rendering`.
"""
