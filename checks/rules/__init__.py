"""Consistency rules: one module per rule.

Each module's docstring is the rule's documentation (summary line, what it
catches and why, a firing example, a silent example, options). A module
defines ``CODE``, ``NAME``, ``CATEGORY``, ``SEVERITY``, optionally an
``Options`` pydantic model, and one ``check(corpus, options)`` generator that
yields :class:`checks.findings.Hit` objects. Helpers shared by several rules
live in modules whose names start with ``_``.
"""
