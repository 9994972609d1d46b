"""Stage 2, YAML files → a validated `Catalog`: safe reading (`safefiles`, `textcheck`), the
libyaml event loader that keeps strings as strings (`yaml_loader`), validation messages with
positions (`messages`), cross-references (`crossref`), and `load.load_catalog`, which
gathers every problem of every file at once.

May import: `problems`, `records`.
"""
