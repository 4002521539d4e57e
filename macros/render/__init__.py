"""Render: the indexed model into page Markdown/HTML, one renderer per page kind.

Uses ``content/`` only; never ``publish/`` or the MkDocs glue.
"""
