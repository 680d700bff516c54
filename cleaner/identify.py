"""Which packs apply to a document: its site (url host, else text signatures) and its language.

A document whose url names a host is that host's: the pack that claims the host (where packs of
other languages claim it and its parents, the one of them in the text's language: an edition's),
or no site pack (meta.site is then the host). Signatures name the site only of a document without
one (a text dump without urls): a signature is a guess from a byline or dateline, which other sites
share ("Reporter: X | Editor: Y" is many a site's byline), while a url says where the document was
published.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable
from urllib.parse import urlsplit

import re2

from cleaner.re2_spans import set_match
from cleaner.rulefile import Pack, alphabet_of, compile_spans, re2_options
from cleaner.scan_form import scan_form
from cleaner.wording import noun

# Signatures are looked for near the start (datelines) and the end (source footers).
SIGNATURE_WINDOW = 600
# At least this share of a text's words must be a language's stopwords to call it that language.
MIN_STOPWORD_SHARE = 0.08
# The first characters of a text, where its language is read.
LANGUAGE_WINDOW = 3000
# Under this many words (a letter of an unspaced script counting as one), a text without a
# language's stopwords is no evidence against it: of the lines of the packs' own fixtures and the
# benchmark's English articles, a fifth of 7-word starts hold none of their language's stopwords,
# 5% of 10-word ones, and at 15 words no Indonesian line and 1 Malay line in 21 (English's 9%
# there are tables and lists, which no length settles).
SHORT_TEXT_WORDS = 15
# A line of this many words or more, half of them opening in lower case, is prose, not a list's
# item: where a text's words hold too few stopwords, its prose lines' words are counted alone.
PROSE_LINE_WORDS = 6
# ... and their stopwords must be this many times the share that names a language.
PROSE_SHARE_FACTOR = 2
# The share of its words a longer text needs of the stopwords of the language its page declares to
# bear it out (a record's own field is not held to it: PackIndex.declared_evident).
# Prose in the packs' languages holds 17% and more (their fixtures, the benchmark's English
# articles), a list-like English page 5.7%; text in other languages holds a few by chance: the
# benchmark's German pages 3.1% of English's ("in", "an"), an Italian one 4.1% of Indonesian's
# ("di"), a Portuguese one 0.8% of English's ("as").
MIN_DECLARED_SHARE = 0.05
# The flag of a record whose document got no language pack.
NO_LANGUAGE = "no-language"
# What a split leaves glued to a word: a quote or bracket before it, a stop, comma, closing quote
# or bracket after it ("itu.", "(kata", "said,”"). A stopword counts in these forms too: a short
# text's stopwords end its sentences as often as not.
_OPENERS = ("(", '"', "“", "‘")
_CLOSERS = (".", ",", ":", ";", "!", "?", ")", '"', "”", "’",
            '."', ',"', ".”", ",”", ").", "),")

# Unicode blocks of scripts written without spaces between words: Thai, Lao, Tibetan, Myanmar,
# Khmer, New Tai Lue, Buginese and Tai Tham, Balinese, kana (and the CJK symbols' iteration
# marks), katakana's extensions, Yi, Javanese and Myanmar Extended-B, Myanmar Extended-A and Tai
# Viet, halfwidth katakana. Only their letters count (unicodedata's category L), not their
# digits, punctuation or vowel signs.
_UNSPACED_BLOCKS = ((0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF),
                    (0x1980, 0x19DF), (0x1A00, 0x1AAF), (0x1B00, 0x1B7F), (0x3000, 0x30FF),
                    (0x31F0, 0x31FF), (0xA000, 0xA48F), (0xA980, 0xA9FF), (0xAA60, 0xAADF),
                    (0xFF66, 0xFF9F))
# Han ideographs (Extension A, the unified block, compatibility ideographs, the supplementary
# and tertiary ideographic planes) are letters throughout: taken whole, as sifting their 160,000
# code points would cost 40 ms at every start.
_IDEOGRAPH_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def _letter_runs(blocks: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The runs of consecutive letters (category L) in the code point blocks, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for first, last in blocks:
        for point in range(first, last + 1):
            if unicodedata.category(chr(point)).startswith("L"):
                if runs and runs[-1][1] == point - 1:
                    runs[-1] = (runs[-1][0], point)
                else:
                    runs.append((point, point))
    return runs


_UNSPACED_LETTER = re.compile("[" + "".join(
    f"{chr(first)}-{chr(last)}" for first, last in
    _letter_runs(_UNSPACED_BLOCKS) + list(_IDEOGRAPH_BLOCKS)) + "]")


def written_forms(words: frozenset[str]) -> frozenset[str]:
    """The words as a split of running text finds them: bare, or with punctuation glued on.

    >>> sorted(written_forms(frozenset({"itu"})) & {"itu", "itu.", "(itu", "itu,”", "it.u"})
    ['(itu', 'itu', 'itu,”', 'itu.']
    """
    # Not every opener with every closer: a stopword quoted alone is rare, and the forms are
    # held by every worker (4,000 with three packs, against 56,000).
    return words.union((word + closer for word in words for closer in _CLOSERS),
                       (opener + word for word in words for opener in _OPENERS))


def frequent_enough(stopwords: int, words: int, window: str,
                    share: float = MIN_STOPWORD_SHARE) -> bool:
    """Whether stopwords are `share` of a text's words as a reader counts them.

    Those are its split's words, and one more for each letter of a script written without
    spaces: a split sees a sentence of Japanese, Chinese or Thai as one word. A few English words
    in a Japanese page ("Kindle for PC" 8 times) are then a small share of it; a text in scripts
    written with spaces counts exactly its split's words.

    >>> frequent_enough(8, 48, "Kindle for PC"), frequent_enough(8, 48, "電子書籍" * 20)
    (True, False)
    """
    if not words or stopwords / words < share:
        return False
    if window.isascii():
        return True
    # Such a letter takes 3 or 4 bytes in UTF-8, at least 2 more than a character: a bound on
    # their number that costs a seventh of counting them, and settles nearly every text.
    most = (len(window.encode("utf-8", "surrogatepass")) - len(window)) // 2
    if stopwords / (words + most) >= share:
        return True
    return stopwords / (words + unspaced_letters(window)) >= share


def prose_words(window: str) -> list[str]:
    """The words, in lower case, of a text's lines written as prose: six words or more, half of
    them or more opening in lower case. A list's lines of names, places, scores and times are
    not ("Bandung - Hujan ringan, 19-27 derajat Celsius", "Persib Bandung 2-1 Persija Jakarta").

    >>> prose_words("BMKG merilis prakiraan cuaca untuk wilayah Jawa Barat pada Rabu.\\n"
    ...             "Bandung - Hujan ringan, 19-27 derajat Celsius")[:4]
    ['bmkg', 'merilis', 'prakiraan', 'cuaca']
    >>> len(prose_words("Bandung - Hujan ringan, 19-27 derajat Celsius"))
    0
    """
    found: list[str] = []
    for line in window.split("\n"):
        words = line.split()
        if len(words) >= PROSE_LINE_WORDS and \
                2 * sum(1 for word in words if word[:1].islower()) >= len(words):
            found.extend(word.lower() for word in words)
    return found


def unspaced_letters(text: str) -> int:
    """How many letters of scripts written without spaces (Japanese, Chinese, Thai...) a text has.

    >>> unspaced_letters("Kindle版 電子書籍。"), unspaced_letters("ภาษาไทย ๑๒๓")
    (5, 7)
    >>> unspaced_letters("Tōkyō “Bahasa” Русский 한국어")    # spaced scripts
    0
    """
    return 0 if text.isascii() else len(_UNSPACED_LETTER.findall(text))


# "https://host/..." with a plain host name: no user, port or IPv6 brackets to unpick.
_PLAIN_HOST = re.compile(r"(?:https?:)?//([A-Za-z0-9.\-]+)(?:[/?#]|$)")


def url_host(url: str | None) -> str | None:
    """The lower-case host of a url, without "www." and port.

    >>> url_host("http://www.CNNIndonesia.com/internasional/x")
    'cnnindonesia.com'
    >>> url_host("kompas.com/read/1")
    'kompas.com'
    >>> url_host("http://[::1") is None     # a url only hints at the site: a bad one is no hint
    True
    >>> url_host(12345) is None              # nor is one that is not text (a caller's number)
    True
    """
    if not url or type(url) is not str:
        return None
    match = _PLAIN_HOST.match(url)
    if match is not None:           # the common case, without urlsplit's general parse
        host = match.group(1).lower().rstrip(".")
    else:
        try:
            host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
        except ValueError:          # "http://[::1": an unclosed or invalid IPv6 literal
            return None
    return host[4:] if host.startswith("www.") else host or None


def site_host(url: str | None) -> str | None:
    """The host of a url when it can name a site: a dotted name, not a dump's placeholder.

    >>> site_host("https://www.beritabaru.example/a1"), site_host("N/A"), site_host("unknown")
    ('beritabaru.example', None, None)
    """
    host = url_host(url)
    # "N/A", "null", "-" read as hosts ("n"...): no site's, so the text may still name the site.
    return host if host and "." in host else None


# A language code a url names: its host's first label ("en.antaranews.com") or its path's first
# segment ("goal.com/en/news/..."), with a region or not ("en-gb", "pt_BR").
_URL_LANGUAGE = re.compile(r"(?i)(?:https?:)?//(?:www\.)?([a-z]{2})(?:[-_][a-z]{2})?\.[^/?#]+\.[^/?#]+"
                           r"|(?:https?:)?//[^/?#]+/([a-z]{2})(?:[-_][a-zA-Z]{2})?(?:[/?#]|$)")


def url_language(url: object) -> str | None:
    """The language code a url names in its host or its first path segment, if any.

    >>> url_language("https://www.goal.com/en/news/x"), url_language("https://en.antaranews.com/a")
    ('en', 'en')
    >>> url_language("https://www.goal.com/id/berita/x"), url_language("https://kompas.com/read/1")
    ('id', None)
    >>> url_language(12345) is None      # a url that is not text (the learn pass hands one on)
    True
    """
    match = _URL_LANGUAGE.match(url) if url and type(url) is str else None
    return (match.group(1) or match.group(2)).lower() if match else None


def _dated_months(words: list[str], months: tuple[tuple[str, int], ...],
                  other: tuple[tuple[str, int], ...]) -> int:
    """How many of a text's split words are month names that `months` lists and `other` does
    not, written in a date: after a day's number or before a year's (`14 Mac`, `Mac 2026`). A
    month name alone may be a word or a name of any language ('Mac' is Apple's computer too).

    >>> _dated_months("pada 14 mac 2026 , mac os".split(), (("mac", 3),), (("maret", 3),))
    1
    """
    own = {name for name, _ in months} - {name for name, _ in other}
    if not own:
        return 0
    count = 0
    for i, word in enumerate(words):
        if word.rstrip(".,") not in own:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1].rstrip(".,") if i + 1 < len(words) else ""
        if (before.isdigit() and len(before) <= 2
                or after.isdigit() and len(after) == 4):
            count += 1
    return count


def latin_share(text: str) -> float:
    """The share of a text's letters that are Latin ones (ASCII and the Latin blocks below
    U+0250, accents included); 1.0 for a text with no letters.

    >>> latin_share("Harga beras naik"), latin_share("Цены на рис"), latin_share("123")
    (1.0, 0.0, 1.0)
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(c < "\u0250" for c in letters) / len(letters)


class PackIndex:
    """Finds the site and language packs for a document among the loaded packs."""

    def __init__(self, packs: list[Pack]):
        self.common = [p for p in packs if p.kind == "common"]
        self.langs = {p.id: p for p in packs if p.kind == "lang"}
        self.sites = [p for p in packs if p.kind == "site"]
        self._by_domain = {d: p for p in self.sites for d in p.domains}
        # The claimed domains whose own pack and their parents' packs differ in language
        # (en.antaranews.com: English, antaranews.com: Indonesian), each with those packs,
        # nearest first: a document at such a host goes by its language (site_for_host).
        chains = {d: self._host_chain(d) for d in self._by_domain}
        self._editions = {d: chain for d, chain in chains.items()
                          if len({p.lang for p in chain if p.lang}) > 1}
        self._edition_packs = frozenset(id(p) for chain in self._editions.values() for p in chain)
        # (pack, its signatures as one pattern) of the sites that have signatures.
        self._signature_sites = [(p, p.signature_pattern) for p in self.sites
                                 if p.signature_pattern]
        self._signature_match: Callable[[bytes], list[int] | None] | None = None
        # One tuple per combination of packs (by their identities), handed to every document
        # that has it: later stages look things up by the tuple itself.
        self._combinations: dict[tuple[int, ...], tuple[Pack, ...]] = {}
        # Each language's stopwords in their written forms (written_forms), looked up as a split
        # finds them: no word is stripped of its punctuation, which would cost each document.
        self._written = {code: written_forms(p.stopwords) for code, p in self.langs.items()
                         if p.stopwords}
        # The share of its stopwords a text must hold to be each language's (a pack's own, else
        # MIN_STOPWORD_SHARE).
        self._min_share = {code: p.min_stopword_share or MIN_STOPWORD_SHARE
                           for code, p in self.langs.items()}
        # Every language's stopwords: a text's words are sifted once, and each language counts
        # only the few left (the same answers, 30 microseconds a document against 33 with two
        # language packs).
        self._stopwords = frozenset().union(*self._written.values())
        # The languages whose stopwords are written with spaces (all three shipped packs'): a
        # text mostly in a script written without them is none of these, whatever it declares.
        self._spaced = frozenset(code for code, p in self.langs.items()
                                 if p.stopwords and not unspaced_letters("".join(p.stopwords)))
        # The languages whose stopwords are written in Latin letters (all three shipped packs'):
        # a text mostly in another alphabet (Cyrillic, Arabic, Hangul) is none of these.
        self._latin = frozenset(code for code, p in self.langs.items()
                                if p.stopwords and latin_share("".join(p.stopwords)) > 0.5)

    def _signatures(self) -> Callable[[bytes], list[int] | None]:
        """One RE2 set of every site's signatures, built on first use: one pass names the sites
        whose signature a text may hold, instead of one search per site. The set holds the
        signatures' scan forms (bounded repeats unbounded: they compile 10x faster); each site it
        names is then confirmed with its exact signature. Its Match (re2_spans.set_match):
        UTF-8 bytes -> the indexes of the sites named."""
        if self._signature_match is None:
            signatures = re2.Set.SearchSet(re2_options())
            for _, pattern in self._signature_sites:
                signatures.Add(scan_form(pattern))
            signatures.Compile()
            self._signature_match = set_match(signatures)
        return self._signature_match

    def site_by_host(self, host: str | None) -> Pack | None:
        """The pack whose domain is the host or a parent of it (subdomains included)."""
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2]
        return None

    def _edition_pack(self, site: Pack, edition: str) -> Pack | None:
        """The pack of a site's edition in another language, by the subdomain named after it
        (`en.antaranews.com` for antaranews.com's `en`), in that language; else None."""
        for domain in site.domains:
            pack = self._by_domain.get(f"{edition}.{domain}")
            if pack is not None and pack.lang == edition:
                return pack
        return None

    def _host_chain(self, host: str) -> tuple[Pack, ...]:
        """The packs claiming the host and each of its parents, nearest first, each once."""
        chain: list[Pack] = []
        while host:
            pack = self._by_domain.get(host)
            if pack is not None and all(pack is not seen for seen in chain):
                chain.append(pack)
            host = host.partition(".")[2]
        return tuple(chain)

    def site_for_host(self, host: str, text: str, declared: str | None = None,
                      from_fields: bool = False, lang: str | None = None) -> Pack | None:
        """The host's pack (site_by_host), unless the host's parents are claimed by packs of
        other languages: then, of its pack and theirs, the one in --lang's language, else in the
        text's (in_text_language).

        en.antaranews.com's pack is English, antaranews.com's Indonesian, and an Indonesian
        item filed under the English edition's host is still Indonesian; with no language
        evidence the nearest host's pack holds, as for any host."""
        while host:
            pack = self._by_domain.get(host)
            if pack is not None:
                editions = self._editions.get(host)
                if editions is None:      # (nearly every host: its text is not read here)
                    return pack
                return self.in_text_language(list(editions), text, declared, from_fields, lang,
                                             host)
            host = host.partition(".")[2]
        return None

    def site_by_text(self, text: str, declared: str | None = None, from_fields: bool = False,
                     lang: str | None = None) -> Pack | None:
        """The pack whose signature matches nearest the start of the text, else of its end; of
        packs matching at one place, the one in the text's language (in_text_language)."""
        if not self._signature_sites:
            return None
        for window in (text[:SIGNATURE_WINDOW], text[-SIGNATURE_WINDOW:]):
            data = window.encode("utf-8", "surrogatepass")
            found = self._signatures()(data)
            if not found:
                continue
            # The cheapest form the window's characters allow (a signature's \pL compiles in
            # tens of milliseconds in full; the window is ASCII or plain nearly always).
            alphabet = alphabet_of(window, data)
            starts = []
            for i in sorted(found):
                pack, pattern = self._signature_sites[i]
                spans = compile_spans(pattern, True, alphabet).search(data)
                if spans is not None:
                    starts.append((spans[0][0], i, pack))
            if starts:
                # The signature nearest the start wins, then the first pack.
                nearest = min(starts)[0]
                tied = [pack for start, _, pack in sorted(starts) if start == nearest]
                return self.in_text_language(tied, text, declared, from_fields, lang)
        return None

    def in_text_language(self, packs: list[Pack], text: str, declared: str | None = None,
                         from_fields: bool = False, lang: str | None = None,
                         host: str | None = None) -> Pack:
        """Of site packs that may each be a document's (signatures matching at one place, or a
        host's pack and its parents' in other languages: site_for_host), the one in `lang`
        (--lang's), else in the text's language (`language`), else the first: two editions of
        one publisher share their datelines ('Jakarta (ANTARA) - ' opens Antara's Indonesian and
        English items alike) and their hosts, and their words tell them apart."""
        first = packs[0]
        if all(pack.lang == first.lang for pack in packs):
            return first         # (the text's language is read only where it decides)
        lang = lang or self.language(text, declared, from_fields, host)
        return next((pack for pack in packs if lang and pack.lang == lang), first)

    def language(self, text: str, declared: str | None = None, from_fields: bool = False,
                 host: str | None = None) -> str | None:
        """The language pack whose stopwords are most frequent in the text, if frequent enough;
        else the `declared` language (the input's: declared_language), if a pack serves it and
        the text bears it out (declared_evident).

        Of two that tie, the declared one, else the one the evidence each pack declares names
        (told_apart: a date written with a month name only it lists, else the url `host`'s
        country-code domain among its `country_domains`), else the later loaded, but never a
        pack `near` the other (ms near id): a text written in the words both share is the
        nearer language's, whichever loads first. Between two packs a word both list counts for
        each, so their counts differ by their own words alone (those one lists and the other
        does not): the words near languages share decide nothing between them, which is why
        their packs list them in both lists. A declared language is overruled by a language
        whose stopwords are more frequent than its own, and, where the page declares it, not
        taken where its own are too few: a theme's `lang="de"` on an English page names the
        wrong language, and so does its `lang="en"` on a Portuguese page. A declaration
        `from_fields` (a record's `lang` field, a dataset's column) is the dataset's own
        metadata: taken without a share.
        """
        # Stopwords are short: a split of the first few KB, in which a stopword is found with
        # the punctuation glued to it (written_forms), is enough.
        window = text[:LANGUAGE_WINDOW]
        words = window.lower().split()
        best, best_count = self._most_stopwords(words, host)
        found_enough = best is not None and frequent_enough(best_count, len(words), window,
                                                            self._min_share[best])
        if not found_enough and best is not None:
            # A forecast by city or a table of results under a sentence that introduces it:
            # its names and numbers hold no stopwords, its sentences as many as any prose's.
            # Held to twice the share: a sentence or two of German holds English's "in" and "an"
            # as 11% of its words, where the packs' own prose holds 17% and more.
            # (taken only where it names one: the declared language is weighed against the
            # whole text's counts below, as before)
            prose = prose_words(window)
            if len(prose) >= SHORT_TEXT_WORDS:
                in_prose, count = self._most_stopwords(prose, host)
                if in_prose is not None and frequent_enough(
                        count, len(prose), window, PROSE_SHARE_FACTOR * self._min_share[in_prose]):
                    best, best_count, found_enough = in_prose, count, True
        if declared in self.langs and (found_enough and declared == best or self.declared_evident(
                declared, window, words, best, best_count, from_fields)):
            return declared
        return best if found_enough else None

    def declared_evident(self, declared: str, window: str, words: list[str], best: str | None,
                         best_count: int, from_fields: bool = False) -> bool:
        """Whether a text (its window, the window's words, the pack with the most stopwords in
        them and how many) bears out the language its input declares: no other pack's stopwords
        are more frequent than its own, and, for a page's declaration, its own are
        MIN_DECLARED_SHARE of its words, or it is too short to lack them (SHORT_TEXT_WORDS).

        A record's own field (`from_fields`) is held to the first test and to its script: a
        listing row of names and scores ("Hasil Liga 1: Persib Bandung 2-1 Persija Jakarta, ...")
        or a page of photo captions has none of its language's stopwords, and a dataset's label
        is far more reliable than a theme's; but a Japanese sentence or a Russian article
        labelled `en` is still not English (a French one is: its letters are Latin too)."""
        own = best_count if declared == best else self._stopword_count(declared, words)
        if own < best_count:
            return False
        if from_fields:
            if declared in self._latin and latin_share(window) < 0.5:
                return False
            return declared not in self._spaced or unspaced_letters(window) <= len(words)
        # (a split of SHORT_TEXT_WORDS words or more is long enough: no letters need counting)
        if (len(words) < SHORT_TEXT_WORDS
                and len(words) + unspaced_letters(window) < SHORT_TEXT_WORDS):
            return True
        return frequent_enough(own, len(words), window, MIN_DECLARED_SHARE)

    def _stopword_count(self, code: str, words: list[str]) -> int:
        """How many of the words are the stopwords of a language's pack (0 for a pack without)."""
        forms = self._written.get(code, frozenset())
        return sum(map(forms.__contains__, filter(self._stopwords.__contains__, words)))

    def _most_stopwords(self, words: list[str],
                        host: str | None = None) -> tuple[str | None, int]:
        """The pack with the most stopwords among the words (ties as `language` says), and how
        many: (None, 0) where there are none."""
        found = list(filter(self._stopwords.__contains__, words))
        best, best_count = None, 0
        for code, forms in self._written.items():
            count = sum(map(forms.__contains__, found))
            if count > best_count or (count and count == best_count
                                      and self._wins_tie(code, best, words, host)):
                best, best_count = code, count
        return best, best_count

    def _wins_tie(self, code: str, best: str | None, words: list[str],
                  host: str | None) -> bool:
        """Whether a pack with as many stopwords as the best so far takes its place: where the
        evidence the two declare tells them apart (told_apart), the one it names; else not a
        pack `near` the best, and otherwise the later loaded."""
        told = self.told_apart(code, best, words, host) if best is not None else 0
        return told > 0 if told else self.langs[code].near != best

    def told_apart(self, code: str, other: str, words: list[str], host: str | None) -> int:
        """1 where what two packs declare besides their stopwords names the first for a text (its
        split words) at a url host, -1 where it names the other, 0 where it names neither.

        Read only where their stopwords tie, so what the words say comes first: the text's dates
        written with a month name one pack lists and the other does not (`14 Mac 2026` is
        Malay's, `14 Maret 2026` Indonesian's), then the host's country-code domain where one
        pack's `country_domains` hold it and the other's do not (sinarharian.com.my's
        tie is Malay's; a .com host names no country)."""
        first, second = self.langs[code], self.langs[other]
        dated = (_dated_months(words, first.months, second.months)
                 - _dated_months(words, second.months, first.months))
        if dated:
            return 1 if dated > 0 else -1
        country = host.rpartition(".")[2] if host else ""
        return (country in first.country_domains) - (country in second.country_domains)

    def no_language_flag(self, text: str, declared: str | None = None,
                         forced: str | None = None) -> dict[str, str]:
        """The flag of a document that got no language (no --lang, site pack or language its
        words name): what the language pick found, and the language the input declares (which
        no pack serves, or which the text did not bear out), so that such records can be found
        and given one. `forced`: the language every document was given (--lang, a Cleaner's
        lang), which no pack serves: the pick did not run, and its words are not the reason."""
        if forced is not None:
            return {"flag": NO_LANGUAGE,
                    "reason": f"the language given for every document, {forced!r} (--lang, or a "
                              "Cleaner's lang), is no language pack's (the packs loaded: "
                              f"{', '.join(map(repr, sorted(self.langs))) or 'none'}): no "
                              "language pack's rules ran, and its words were not looked at"}
        window = text[:LANGUAGE_WINDOW]
        words = window.lower().split()
        best, count = self._most_stopwords(words)
        if not words:
            found = "it has no words"
        elif best is None and (letters := unspaced_letters(window)) and letters * 2 > sum(
                char.isalpha() for char in window):
            # (a split sees a Chinese or Japanese sentence as one word: "3 words" said nothing of
            # a 2,000-character article; but a Russian article quoting 北京 is no unspaced text)
            found = (f"its first {len(window):,} characters, unspaced text ({letters:,} letters "
                     f"of a script written without spaces, {len(words):,} "
                     f"{noun(len(words), 'word')} split by spaces), hold none of a "
                     f"language pack's stopwords")
        elif best is None:
            found = ("its one word is no language pack's stopword" if len(words) == 1 else
                     f"none of its first {len(words):,} words is a language pack's stopword")
        else:
            found = (f"{count} of its first {len(words):,} {noun(len(words), 'word')} "
                     f"{'is a stopword' if count == 1 else 'are stopwords'} of {best!r}, "
                     f"under the {self._min_share[best] * 100:g}% that names a language")
            if unspaced_letters(window):                     # as frequent_enough counts
                found += " (each letter of a script written without spaces counts as a word)"
        if declared is not None and declared not in self.langs:
            found = f"the input declares {declared!r}, which no language pack serves, and {found}"
        elif declared is not None:
            # (a theme's lang="en" on a Portuguese page: the pick did not take it)
            own = self._stopword_count(declared, words)
            found = (f"the input declares {declared!r}, which its words do not bear out "
                     f"({own} {declared!r} {noun(own, 'stopword')}), and {found}")
        return {"flag": NO_LANGUAGE,
                "reason": f"{found}: no language pack's rules ran (--lang, or lang= in Python, "
                          "names one)"}

    def packs_for(self, text: str, url: str | None, lang: str | None = None,
                  site: Pack | None = None, declared: str | None = None,
                  from_fields: bool = False) -> tuple[Pack, ...]:
        """Site, language and common packs for a document, most specific first; a site already
        known (an HTML page's site name) wins over the url host, but for the host's own pack
        where packs of other languages claim its parents (the text then chooses:
        site_for_host), and text signatures are looked for only without a url host (module
        docstring). `declared`: the language the
        input declares (`from_fields`: in its fields, not its page), which the text's stopwords
        may overrule (language)."""
        host = site_host(url)
        if site is None:
            site = (self.site_for_host(host, text, declared, from_fields, lang) if host
                    else self.site_by_text(text, declared, from_fields, lang))
        elif id(site) in self._edition_packs and host is not None and (
                self.site_by_host(host) is site):
            # A page's pack found by its url's host before its text was known (html_clean):
            # the host's editions are told apart by the text as a text's are.
            site = self.site_for_host(host, text, declared, from_fields, lang)
        if site is not None and site.lang:
            edition = url_language(url)
            if edition in self.langs and edition != site.lang and (
                    edition == lang if lang else self.language(text) == edition):
                # An edition in another language, which --lang names or the text's words
                # confirm (a path like /id/12345 is no language): the site's rules were written
                # for its own language's pages, and would take this one's text (a Title Case
                # subheading read as a related link). It gets the edition's own pack where one
                # claims the edition's subdomain (antaranews.com/en/ is en.antaranews.com's),
                # else none (goal.com/en/).
                site, lang = self._edition_pack(site, edition), edition
        lang = (lang or (site.lang if site else None)
                or self.language(text, declared, from_fields, host))
        chosen: list[Pack] = []
        if site:
            chosen.append(site)
        if lang in self.langs:
            chosen.append(self.langs[lang])
        chosen.extend(self.common)
        key = tuple(map(id, chosen))
        combination = self._combinations.get(key)
        if combination is None:
            combination = self._combinations[key] = tuple(chosen)
        return combination
