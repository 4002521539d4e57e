"""Cross-references on a page, as one unit: the Markdown extension and the page state.

``markdown_ext`` turns ``[[term]]`` and ``[@cite]`` into placeholders and resolves them
through a :class:`markdown_ext.XrefPage`; ``state.PageState`` is that page: it links each
term once, numbers citations in order of first use and collects problems.  The state
imports the extension; the extension knows the state only through the protocol, and one
Markdown renders every page in turn (``state.markdown_for`` tells its extension which).
"""
