"""Page titles and site names without their decoration: "Judul - Kompas.com" is "Judul", "LinkNaija | Nigeria's popular news platform" is LinkNaija."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

# Separators between a headline and a site name in <title> and og:title.
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_PREFIX_SEPARATORS = (": ", " | ", " - ", " – ", " — ")
# A domain name written in a title, a byline or a site name ("Kompas.com", "tribunnews.com").
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|id|co|info|news|tv|my|sg|asia|io|uk)"
                    r"\b", re.IGNORECASE)
SPACES = re.compile(r"\s+")


def lower_words(text: str) -> str:
    """A name's or a title's words in lower case, one space between them, marks left out: what
    two names are compared by ("Al-Bawaba" and "al bawaba").

    >>> lower_words("  Al-Bawaba | News! ")
    'al bawaba news'
    """
    return " ".join(re.findall(r"\w+", text.lower()))


def _is_site_name(part: str, names: Iterable[str]) -> bool:
    """True when a title segment is the site's name, a domain, or one of the given names: as
    written, its words run together ("Al-Bawaba"), without "www.", opening like a name's first
    word ("Kompas.com" and "Kompas"), or spelling the label of a host among the names ("The
    New York Times" on nytimes.com, "The Space Review" on thespacereview.com, "Vortex Cannon
    Entertainment" on vortexcannon.org; _spells_label)."""
    key = _without_www(lower_words(part))
    if not key:
        return False
    squashed = key.replace(" ", "")
    names = [n for n in names if n]
    for name in names:
        other = _without_www(lower_words(name))
        if other and (key == other or squashed == other.replace(" ", "")):
            return True
        # "Kompas.com" vs site name "Kompas", "Republika Online" vs "republika.co.id"; a host's
        # stem is its site's label, not a section's subdomain ("Ekonomi" on ekonomi.bisnis.com)
        stem = next(iter(_main_labels([name])), None) or other.split(" ")[0]
        if len(stem) >= 4 and key.split(" ")[0] == stem and len(key.split()) <= 3:
            return True
    if _site_shaped(part) and any(_spells_label(key, label.replace("-", ""))
                                  for label in _main_labels(names)):
        return True
    return bool(DOMAIN.fullmatch(part.strip()))


def _spells_label(key: str, label: str) -> bool:
    """Whether a title segment's words spell a host's label, in order, each word whole or by its
    first letter, with one word at most left out, and one whole word of three letters or more
    among them: "The New York Times" spells nytimes, "Vortex Cannon Entertainment" vortexcannon,
    "The Space Review" thespacereview. A headline that opens with the site's name or a word it
    begins does not: "Detik-detik Menegangkan Evakuasi Korban" (detik.com), "Bisnis Kopi Makin
    Menjanjikan" (bisnis.com); nor do initials alone ("Dengan Elektabilitas Tinggi ...").

    >>> _spells_label("the new york times", "nytimes")
    True
    >>> _spells_label("vortex cannon entertainment", "vortexcannon")
    True
    >>> _spells_label("detik detik menegangkan evakuasi korban", "detik")
    False
    >>> _spells_label("dengan elektabilitas tinggi ini kandidat", "detik")
    False
    """
    words = key.split(" ")
    if len(words) > _SITE_WORDS:
        return False

    def spells(index: int, at: int, skipped: bool, whole: bool) -> bool:
        if index == len(words):
            return at == len(label) and whole
        word = words[index]
        if label.startswith(word, at) and spells(index + 1, at + len(word), skipped,
                                                 whole or len(word) >= 3):
            return True
        if len(word) > 1 and label.startswith(word[0], at) and \
                spells(index + 1, at + 1, skipped, whole):
            return True
        return not skipped and spells(index + 1, at, True, whole)

    return bool(label) and spells(0, 0, False, False)


def _without_www(words: str) -> str:
    return words[4:] if words.startswith("www ") else words


# A site's name is a few words; a longer segment of a title is a headline's.
_SITE_WORDS = 5


def _undecorated(title: str, names: Sequence[str]) -> tuple[str, list[str]]:
    """A title without the site names before and after it, and those names, outermost first."""
    stripped: list[str] = []
    while title:
        found = (_strip_name(title, names, _SUFFIX_SEPARATORS, suffix=True)
                 or _strip_name(title, names, _PREFIX_SEPARATORS, suffix=False))
        if found is None:
            break
        title, name = found
        stripped.append(name)
    return title, stripped


def _strip_name(title: str, names: Sequence[str], separators: Sequence[str],
                suffix: bool) -> tuple[str, str] | None:
    """The title without the site name after its last separator (`suffix`) or before its
    first, and that name; None where that part is no site name."""
    for sep in separators:
        head, found, tail = title.rpartition(sep) if suffix else title.partition(sep)
        title_part, name = (head, tail) if suffix else (tail, head)
        if found and title_part.strip() and _is_site_name(name, names):
            return title_part.strip(), name.strip()
    return None


def clean_title(title: str | None, names: Iterable[str] = (), headline: str | None = None) -> str | None:
    """A page title without the site-name decoration around it.

    `names` are the site's names (og:site_name, the host, the site pack's names); `headline` is
    the page's <h1>, which wins when the title merely decorates it.

    >>> clean_title("Judul Berita - Kompas.com")
    'Judul Berita'
    >>> clean_title("Judul | Republika Online", ["Republika Online"])
    'Judul'
    >>> clean_title("KapanLagi.com: Judul")
    'Judul'
    >>> clean_title("Jokowi - Prabowo Bertemu di Istana")
    'Jokowi - Prabowo Bertemu di Istana'
    >>> clean_title("Berita Hari Ini | Detik", headline="Berita Hari Ini")
    'Berita Hari Ini'
    >>> clean_title("Opini: Harga Beras Naik")
    'Opini: Harga Beras Naik'
    >>> clean_title("About bugs – Vortex Cannon Entertainment", ["vortexcannon.org"])
    'About bugs'
    """
    if not title:
        return None
    title = SPACES.sub(" ", title).strip()
    names = [n for n in names if n]
    if headline:
        headline = SPACES.sub(" ", headline).strip()
        if headline and lower_words(headline) and lower_words(headline) in lower_words(title) \
                and len(lower_words(headline)) >= 0.4 * len(lower_words(title)):
            return headline
    return _undecorated(title, names)[0] or None


def title_site_name(titles: Iterable[str | None], names: Iterable[str] = ()) -> str | None:
    """The site's name a page's titles are decorated with: the outermost part clean_title takes
    off as a site name ("Judul - Kompas.com"; "The Space Review: ..." on thespacereview.com).
    Words a separator merely sets after the headline are not taken: they are as often a
    tagline ("Berita Terkini dan Terpercaya"), a section ("Ekonomi") or a label ("Live
    Updates") as the site's name.

    >>> title_site_name(["The Space Review: A big rocket"], ["thespacereview.com"])
    'The Space Review'
    >>> title_site_name(["Harga Beras Naik - Ekonomi"], ["bisnis.com"]) is None
    True
    """
    names = [n for n in names if n]
    for title in titles:
        if not title:
            continue
        stripped = _undecorated(SPACES.sub(" ", title).strip(), names)[1]
        if stripped:
            return stripped[0]
    return None


def _site_shaped(text: str) -> bool:
    """A few words without a digit that open with a capital: what a site's name looks like
    beside a headline ("The New York Times"), where "comwrap auf der DMEXCO 2018" is not."""
    words = text.split()
    return 0 < len(words) <= _SITE_WORDS and words[0][:1].isupper() \
        and not any(ch.isdigit() for ch in text)


# A site's name that is an address: a url or a host ("https://www.newsnation.in",
# "www.wday.ru"); a handle ("@politifact").
_ADDRESS = re.compile(r"(?i)^(?:https?://|www\.)\S*$")
_HANDLE = re.compile(r"^@\w+$")
_SITE_SEPARATORS = re.compile("|".join(map(re.escape, _SUFFIX_SEPARATORS)))


def clean_site_name(name: str | None, hosts: Iterable[str] = (),
                    publisher: str | None = None) -> str | None:
    """A site's name (og:site_name) as a name, decoration off as titles lose it: of the parts
    separators part ("Autoracing | F1 | Indy", "LinkNaija | Nigeria's popular news platform"),
    the one that opens with the label of one of the `hosts`, else the first that is not its
    address ("The Jerusalem Post | JPost.com"); an address gives the `publisher` (the publisher
    meta) when there is one, else its host's first label; a handle loses its @.

    >>> clean_site_name("Autoracing | F1 | Indy | MotoGP"), clean_site_name("@politifact")
    ('Autoracing', 'politifact')
    >>> clean_site_name("The Jerusalem Post | JPost.com", ["jpost.com"])
    'The Jerusalem Post'
    >>> clean_site_name("https://www.newsnation.in", [], "News Nation")
    'News Nation'
    >>> clean_site_name("https://www.newsnation.in/"), clean_site_name("Remember 80/90")
    ('newsnation', 'Remember 80/90')
    """
    if not name or not any(ch.isalnum() for ch in name):
        return None                     # marks alone ("|", "@") name nothing
    text = SPACES.sub(" ", name).strip()
    if _HANDLE.match(text):
        return text[1:]
    if _ADDRESS.match(text):
        if publisher and publisher.strip() and not _ADDRESS.match(publisher.strip()):
            return SPACES.sub(" ", publisher).strip()
        return _address_label(text)
    parts = [part.strip() for part in _SITE_SEPARATORS.split(text)
             if any(ch.isalnum() for ch in part)]
    if len(parts) < 2:
        return parts[0] if parts else None
    named = [part for part in parts if not DOMAIN.fullmatch(part)] or parts
    labels = [label.replace("-", "") for label in host_labels(hosts) if len(label) >= 4]
    return next((part for part in named if any(
        _without_www(lower_words(part)).replace(" ", "").startswith(label) for label in labels)),
        named[0])


def _main_labels(names: Iterable[str]) -> list[str]:
    """The label that names the site in each host among a site's names: the last of four
    letters or more before the top-level domain ("bisnis" of ekonomi.bisnis.com, "telegraph"
    of www.telegraph.co.uk), not a section's subdomain ("ekonomi", whose "- Ekonomi" after a
    headline is the section)."""
    found: list[str] = []
    for name in names:
        labels = [label for label in _host_parts(name) if len(label) >= 4]
        if labels and labels[-1] not in found:
            found.append(labels[-1])
    return found


def _host_parts(name: str | None) -> list[str]:
    """A host name's labels but the last ("com"), lower case; none for a name that is no host."""
    if not name or "." not in name or " " in name.strip():
        return []
    return [label for label in name.strip().lower().split(".")[:-1] if label]


def _address_label(address: str) -> str | None:
    """The first label of an address's host, but "www": "newsnation" of
    https://www.newsnation.in."""
    host = re.sub(r"(?i)^https?://", "", address).split("/")[0].split(":")[0].lower()
    labels = [label for label in host.split(".") if label and label != "www"]
    return labels[0] if labels else None


def host_labels(names: Iterable[str]) -> list[str]:
    """The labels of the host names among a site's names, but the last ("com") and "www":
    "telegraph" and "co" of www.telegraph.co.uk."""
    labels: list[str] = []
    for name in names:
        labels.extend(label for label in _host_parts(name) if label != "www" and label not in labels)
    return labels
