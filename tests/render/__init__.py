"""Tests of macros/render/."""
