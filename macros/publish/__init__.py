"""Publish: what leaves the site besides pages: data exports, the feed, ``llms.txt``,
social cards and tags, JSON-LD.  Uses ``content/`` and ``render/``; never the glue.
"""
