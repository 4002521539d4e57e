"""Tests of macros/publish/."""
