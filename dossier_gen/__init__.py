"""dossier-gen: a fact-check dossier kept as YAML records, published as a static site.

Data flows one way: load (`load.py`) → validate (`models.py`, `crossref.py`) → render
(`render.py`, templates) → publish (`publish.py`, or MkDocs through `mkdocs_plugin.py`, the
only module that imports MkDocs).
"""
