"""Pieces of the small web pages the page-metadata tests write: a JSON-LD block, a meta tag."""

from __future__ import annotations

import json


def ld(data) -> str:
    """A JSON-LD <script> holding `data`."""
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta_tag(name: str, content: str, attr: str = "name") -> str:
    """A <meta> tag: name="..." (or property="...", by `attr`) with its content."""
    return f'<meta {attr}="{name}" content="{content}">'
