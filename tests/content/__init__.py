"""Tests of macros/content/."""
