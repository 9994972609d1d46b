"""Stage 3, a `Catalog` → Markdown pages: `render.render_pages` through the Jinja templates,
with every page path and address in `urls`, escaping in `escape`, the repeated pieces of
Markdown in `fragments`, and the derived views pages show (`indexes`, `timeline`, `charts`,
`dates`, `sharing`).

May import: `problems`, `records`, `loading`. Builds no published data file: that is
`publishing`'s work.
"""
