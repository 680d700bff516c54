"""Which site a document belongs to when mining or learning boilerplate: its site pack, else its url host."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from cleaner.identify import site_host

# Host prefixes that name the same site: "m.antaranews.com" is antaranews.com.
TRIVIAL_PREFIXES = ("www.", "m.", "mobile.", "amp.", "beta.")


def host_key(url: str | None) -> str | None:
    """A url's host without the prefixes that name the same site.

    >>> host_key("http://m.antaranews.com/berita/1")
    'antaranews.com'
    >>> host_key("https://beta.goal.com/id/x"), host_key(None), host_key("N/A")
    ('goal.com', None, None)
    """
    host = site_host(url)          # as meta.site: a placeholder url ("N/A") names no site
    while host and host.count(".") > 1 and host.startswith(TRIVIAL_PREFIXES):
        host = host.partition(".")[2]
    return host


def site_key(packs: Iterable, url: str | None,
             claims: Callable[[str], Any] | None = None) -> str | None:
    """The site of a document: the id of its site pack (the one claiming its url host, or, for a
    document without a url host, found by a text signature), else the host of its url, else None.

    `claims`: the pack claiming a url host among packs that did not clean the document (`cleaner
    suggest --packs common` cleans with fewer packs than it loads): a host a pack claims is that
    pack's site all the same, so that two of its hosts are one site, with one pack file.
    """
    for pack in packs:
        if pack.kind == "site":
            return pack.id
    if claims is not None:
        host = site_host(url)
        claimed = claims(host) if host else None
        if claimed is not None:
            return claimed.id
    return host_key(url)


def site_stem(site: str) -> str:
    """The short name rule ids start with: "cnnindonesia.com" -> "cnnindonesia".

    >>> site_stem("cnnindonesia.com"), site_stem("republika.co.id"), site_stem("juara.net")
    ('cnnindonesia', 'republika', 'juara')
    """
    return site.split(".")[0] if "." in site else site
