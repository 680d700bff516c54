"""Page chrome by class or id token: the groups, the markup's English words for them, and the
words the language packs add."""

from __future__ import annotations

import re
from functools import lru_cache

# Generic page chrome, by class or id tokens: (group, pattern on one token). The pattern must
# match a whole class token or the whole id, so "share" takes `share-bar` but not
# `shared-content`. These are the words of the markup, which themes write in English whatever
# the language of the page; a language pack adds its own (`[pack.chrome_classes]`: `bagikan`,
# `berita-terkait`, `komentar`).
CHROME_TOKENS: tuple[tuple[str, str], ...] = (
    ("share", r"(?:social-?)?shar(?:e|ing)(?:[-_]?(?:bar|buttons?|box|tools?|links?|icons?|"
              r"container|wrap(?:per)?|area|this|article|post|top|bottom|widget))?|sharethis|"
              r"addthis(?:_\w+)?|social-?(?:links|buttons|media|icons|bar)|a2a_kit|"
              r"(?:article|post|entry)[-_]share"),
    ("related", r"related(?:[-_]?(?:posts?|articles?|news|stories|links?|content|box|list|"
                r"items?))?|(?:post|article)[-_]?related|read[-_]?(?:also|more)[-_]?(?:box)?|"
                r"more[-_](?:stories|news|articles)|also[-_]read|"
                r"recommended(?:[-_]\w+)?|yarpp[-_]related|jp-relatedposts|"
                # (the BBC's and the Guardian's components: "More on this story", and the BBC's
                # "Related internet links" box, data-component="links-block")
                r"more[-_]on[-_]this[-_]story|links[-_]block|"
                r"(?:latest|more|other|popular|trending|top)[-_]?"
                r"(?:news|stories|posts?|articles?)(?:[-_]?(?:box|list|widget|row|"
                r"wrap(?:per)?|container|section))?|most[-_]?(?:read|popular|viewed)(?:[-_]\w+)?"),
    # (a layout's modifier, `no-sidebar`, `has-sidebar`, Genesis's `content-sidebar-wrap`, is on
    # the page's content: it names no sidebar)
    ("sidebar", r"(?!(?:no|has|with|without|one|two)[-_]|content[-_]side-?bar)"
                r"(?:\w+[-_])?side-?bar(?:[-_]\w+)?|widget-area|right-?rail"),
    ("promo", r"promo(?:[-_]\w+)*|\w+[-_]promo|sponsor(?:ed)?(?:[-_]\w+)?|"
              r"advert(?:isement)?s?(?:[-_]\w+)?|ads?|"
              r"ad[-_](?:slot|container|wrap(?:per)?|unit|box|banner)|"
              r"notification[-_]bar|(?:article|print|post)[-_]tools|print[-_]header|reprints?|"
              # a call to action: `nrplus-cta-wrap`, `cta-box`, `article-cta`
              r"(?:\w+[-_])*cta(?:[-_]\w+)*"),
    ("hover-card", r"tooltip(?:[-_]\w+)?|popover(?:[-_]\w+)?|hover-?card|rollover(?:[-_]\w+)+"),
    ("comments", r"comments?(?:[-_]?(?:area|section|list|form|box|wrap(?:per)?|container))?|"
                 r"disqus(?:_thread)?|respond|fb-comments"),
    ("tags", r"(?:post|article|entry|news)?[-_]?tags?(?:[-_]?(?:list|links|box|cloud|"
             r"wrap(?:per)?|container))?|tagcloud"),
    ("newsletter", r"newsletter(?:[-_]\w+)?|subscribe(?:[-_]\w+)?|subscription[-_]?(?:box|form)?|"
                   r"signup[-_]?(?:box|form)?|e-?mail[-_]?sign-?up(?:[-_]\w+)?|"
                   # a paywall's offer where the page's text stops: `paywall-offer`, `pw-offer`
                   # (not `paywall` alone: some sites class the article's paragraphs so)
                   r"(?:paywall|meter|subscriber|pw)[-_](?:offer|prompt|modal)(?:[-_]\w+)?"),
    # The box about the writer under the article (a picture, a job, a line on what they cover:
    # Reuters' `AuthorBio`, `author-bio`, `about-the-author`); the byline above the article is
    # read before it goes (page_metadata), and no byline class is one of these.
    ("author-bio", r"(?:\w+[-_])?author[-_]?(?:bios?|biography|box|profile)(?:[-_]\w+)?|"
                   r"about[-_]?(?:the[-_]?)?authors?(?:[-_]\w+)?"),
    ("app-prompt", r"(?:download|get)[-_]?(?:the[-_])?app|app[-_]?(?:banner|promo|download)"),
)

CHROME_GROUPS: tuple[str, ...] = tuple(name for name, _ in CHROME_TOKENS)

# Where a page names its components rather than classing them: React and CMS markup's
# `data-testid` (Reuters' "AuthorBio", "RecommendedRail"), `data-component` (the BBC's
# "byline-block", the Guardian's "EmailSignup") and CNN's `data-component-name`. Their values
# are read as class words are, a name in capitals parted into words first ("EmailSignup" is
# `email-signup`).
COMPONENT_ATTRIBUTES: tuple[str, ...] = ("data-testid", "data-component", "data-component-name")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def component_words(value: str) -> str:
    """A component name as class words: its capitals' words parted by '-', in lower case.

    >>> component_words("AuthorBio"), component_words("more-on-this-story"), component_words("HTMLEmbed")
    ('author-bio', 'more-on-this-story', 'html-embed')
    """
    return _CAMEL.sub("-", value.strip()).lower()


def pack_token_pattern(word: str, prefixed: bool = False) -> str:
    """The pattern of a pack's class word: its parts joined by '-', '_' or nothing, with any
    words after it joined by '-' or '_', and before it too where `prefixed` ("komentar" takes
    `komentar-list`, and prefixed `detail__komentar`; "berita-terkait" takes `berita_terkait`
    and `beritaterkait`), never a part of a word (`komentari`, `iklanbaris`).

    >>> [bool(re.fullmatch(pack_token_pattern("baca-juga", True), t))
    ...  for t in ("bacajuga_box", "inner-link-baca-juga", "kabaca-juga")]
    [True, True, False]
    """
    parts = [re.escape(part) for part in re.split(r"[-_\s]+", word.strip()) if part]
    return ((r"(?:[\w-]*[-_])?" if prefixed else "") + "[-_]?".join(parts)
            + r"(?:[-_][\w-]*)?")


class ChromeClasses:
    """The chrome group of a class token or id, by the markup's words and a pack combination's
    (`classes`: group -> the packs' words), each token's answer kept: a page repeats its
    classes, and so do the pages of a site. A token a group's words open is that group's
    before one another group's words end (`topik-terkait` is a tag list's, not a "terkait"
    box's)."""

    def __init__(self, classes: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        added = dict(classes)

        def pattern(alternatives) -> re.Pattern:
            return re.compile("|".join(f"(?:{p})" for p in alternatives), re.IGNORECASE)

        self.passes = (
            tuple((name, pattern([own, *(pack_token_pattern(w) for w in added.get(name, ()))]))
                  for name, own in CHROME_TOKENS),
            tuple((name, pattern([pack_token_pattern(w, True) for w in added[name]]))
                  for name in CHROME_GROUPS if name in added))
        self.known: dict[str, str | None] = {}

    def token_group(self, token: str) -> str | None:
        """The group a single class token or id names, None for none."""
        try:
            return self.known[token]
        except KeyError:
            pass
        group = next((name for patterns in self.passes for name, regex in patterns
                      if regex.fullmatch(token)), None)
        if len(self.known) < _TOKENS_KEPT:
            self.known[token] = group
        return group

    def group(self, attribute: str) -> str | None:
        """The group a class attribute or id names, by its first token that names one."""
        for token in attribute.split():
            name = self.token_group(token)
            if name:
                return name
        return None


# Tokens whose answer a ChromeClasses keeps: a run's sites write a few thousand.
_TOKENS_KEPT = 1 << 16


@lru_cache(maxsize=64)
def chrome_classes(classes: tuple[tuple[str, tuple[str, ...]], ...]) -> ChromeClasses:
    """The ChromeClasses of a pack combination's class words, built once per process."""
    return ChromeClasses(classes)
