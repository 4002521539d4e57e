"""Content: load YAML with line marks, validate it into a frozen model, index it.

Nothing here knows about pages, outputs or MkDocs: this is the first room of the house.
"""
