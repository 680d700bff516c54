"""Which site a document belongs to when mining or learning boilerplate: its site pack, else its url host."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from cleaner.identify import site_host, url_language

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
    pack's site all the same, so that two of its hosts are one site, with one pack file; but a
    page of its edition in another language is the edition's (claimed_site).
    """
    for pack in packs:
        if pack.kind == "site":
            return pack.id
    host = site_host(url) if claims is not None else None
    if claims is not None and host is not None:
        claimed = claims(host)
        if claimed is not None:
            lang = next((pack.id for pack in packs if pack.kind == "lang"), None)
            return claimed_site(claimed, host, url, lang, claims)
    return host_key(url)


def subdomain_of(host: str | None, site: str) -> bool:
    """Whether a document's host is a subdomain of a site asked for by its host: a site pack
    claims its domains' subdomains (a pack for harianjogja.com cleans
    jogjapolitan.harianjogja.com), so their pages are mined as that site's. A two-letter first
    label is a language's edition, a site of its own (en.goal.com), and is none.

    >>> subdomain_of("jogjapolitan.harianjogja.com", "harianjogja.com")
    True
    >>> subdomain_of("en.harianjogja.com", "harianjogja.com")     # an edition in English
    False
    >>> subdomain_of("xharianjogja.com", "harianjogja.com")
    False
    """
    if not host or not host.endswith("." + site):
        return False
    first = host[:-len(site) - 1].split(".")[0]
    return not (len(first) == 2 and first.isalpha())


def claimed_site(claimed, host: str, url: str | None, lang: str | None,
                 claims: Callable[[str], Any]) -> str:
    """The site of a document in `lang` at a host the pack `claimed` claims: that pack's id,
    unless its url names an edition in that language, which is not the pack's.

    The cleaner gives such a page (goal.com/en/ of an Indonesian goal.com) the pack of its
    edition, the one claiming the edition's subdomain (en.goal.com) in its language, else no
    site pack (identify.PackIndex.packs_for): its site is that pack's, else that subdomain,
    where a pack written for it is the one the cleaner gives the edition's pages.
    """
    if not lang or not claimed.lang or lang == claimed.lang or url_language(url) != lang:
        return claimed.id
    for domain in claimed.domains:
        pack = claims(f"{lang}.{domain}")
        if pack is not None and pack is not claimed and pack.lang == lang:
            return pack.id
    domain = host
    while domain and domain not in claimed.domains:     # the claimed parent of the host
        domain = domain.partition(".")[2]
    return f"{lang}.{domain or host}"


def squashed(text: str) -> str:
    """Letters and digits alone, in lower case: how a site's name and its host are compared
    ("The Daily Star" is in "thedailystar.net", "Kompas.com" is "kompascom"), and a rule id's
    prefix with its pack's name ("berita-baru" and beritabaru.example).

    >>> squashed("Kompas.com"), squashed("berita-baru")
    ('kompascom', 'beritabaru')
    """
    return "".join(ch for ch in text.lower() if ch.isalnum())


def site_stem(site: str) -> str:
    """The short name rule ids start with: "cnnindonesia.com" -> "cnnindonesia"; for an edition
    named by a two-letter subdomain, the site's with the edition's after it, as the shipped
    packs name theirs ("en.antaranews.com" -> "antaranews-en", not "en", a language pack's).

    >>> site_stem("cnnindonesia.com"), site_stem("republika.co.id"), site_stem("juara.net")
    ('cnnindonesia', 'republika', 'juara')
    >>> site_stem("en.antaranews.com"), site_stem("en.goal.com"), site_stem("id.com")
    ('antaranews-en', 'goal-en', 'id')
    >>> site_stem("xy.co.id")       # a two-letter site under a registry's label ("co", "or")
    'xy'
    """
    labels = site.split(".")
    if len(labels) > 2 and len(labels[0]) == 2 and labels[0].isalpha() and len(labels[1]) > 2:
        return f"{labels[1]}-{labels[0]}"
    return labels[0]
