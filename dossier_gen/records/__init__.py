"""Stage 1, what a record is: the pydantic models (the single source of the schema), their
field types, the rating scale, the table of record kinds and the JSON Schema editors use.

May import: `problems` only. Nothing here reads files or knows about pages.
"""
