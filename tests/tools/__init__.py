"""Tests of macros/tools/."""
