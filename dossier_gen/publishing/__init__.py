"""Stage 4, pages + data files → a site: `site.build_site` (what both faces call) adds the
JSON-LD heads (`claimreview`), the open-data exports (`exports`, `jsonld_schema`) and
robots.txt to the rendered pages; `write` puts them in a folder and swaps a finished build
into place; `audit` checks the built HTML; `publication` says whether the dossier is ready
to publish (`dossier validate --publication`).

May import: `problems`, `records`, `loading`, `rendering`.
"""
