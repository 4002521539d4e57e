"""Tools for maintainers and editors: the command line, scaffolding, JSON Schemas."""
