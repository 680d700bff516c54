"""The rule ids the cleaner gives its own removals (no rule file holds them), with what each takes."""

from __future__ import annotations

from typing import NamedTuple

from cleaner.chrome_classes import CHROME_TOKENS


class EngineRule(NamedTuple):
    """A removal id of the cleaner's own, as `rules list` shows it."""

    id: str
    action: str         # the action its removals record
    description: str


# What each chrome group of chrome_classes.CHROME_TOKENS is, by its name.
_CHROME_GROUPS = {
    "share": "share bars and buttons",
    "related": "related, \"Baca Juga\" and latest or popular story boxes",
    "sidebar": "sidebars and widget areas",
    "promo": "promo, sponsor and ad slots",
    "hover-card": "hover cards and tooltips (the name a card explains stays)",
    "comments": "comment sections and forms",
    "tags": "tag lists (classed so, or links marked rel=tag)",
    "newsletter": "newsletter and subscription prompts, paywall offers",
    "author-bio": "boxes about the writer under the article (picture, job, what they cover)",
    "app-prompt": "prompts to get the site's app",
}

ENGINE_RULES: tuple[EngineRule, ...] = (
    EngineRule("header/title", "meta", "the headline opening a text, moved into meta.title (a "
               "second headline line, or one already in meta, dropped)"),
    EngineRule("header/duplicate-title", "drop-line", "the title written again within the "
               "head, past a line the head does not hold"),
    EngineRule("header/byline", "meta", "a byline opening a text, its names moved into "
               "meta.authors or meta.editors"),
    EngineRule("header/date", "meta", "a date stamp line in the head, moved into meta.date"),
    EngineRule("header/category", "meta", "a section name in the head, moved into "
               "meta.category"),
    EngineRule("header/name-line", "meta", "a writer's name alone on its line under the "
               "headline (or under a subtitle, over a date), moved into meta.authors; not a "
               "kicker, a place or the story's subject, which the words and the text tell"),
    EngineRule("header/place-line", "meta", "a place alone on its line under such a name or "
               "a byline and over a date, moved into meta.location"),
    EngineRule("header/repeated-byline", "drop-line", "the byline's name written again alone "
               "on the line under it (Radio-Canada), already in meta.authors"),
    EngineRule("header/outlet-line", "meta", "a news outlet the packs list, alone on its line "
               "under a byline, moved into meta.source"),
    EngineRule("html/not-extracted", "html-strip", "a web page's text its extraction left out "
               "(menus, footers, teasers: docs/html.md)"),
    EngineRule("html/standfirst", "html-strip", "a page's standfirst under its headline, apart "
               "from the article's paragraphs"),
    *(EngineRule(f"html/chrome-{name}", "html-strip",
                 f"page chrome found by class or id: {_CHROME_GROUPS[name]}")
      for name, _ in CHROME_TOKENS),
    EngineRule("html/chrome-link-list", "html-strip", "a list whose every item is a link (a "
               "menu, \"more stories\")"),
    EngineRule("html/chrome-after-tags", "html-strip", "a comment or cookie notice right after "
               "the tag list closing an article"),
    EngineRule("html/chrome-related-link", "html-strip", "a paragraph that is one link in "
               "capitals to another article of the site"),
    EngineRule("html/chrome-date", "html-strip", "the visible date a page marks as its own, "
               "when its metadata gives the date"),
    EngineRule("structure/repeated-body", "drop-line", "a text given twice: its second copy"),
    EngineRule("markup/hidden", "drop-line", "comments, scripts and styles that strip_tags "
               "takes from a text field's markup"),
    EngineRule("learned/SITE/N", "drop-line", "a line --learn-boilerplate learned from the "
               "site's own documents"),
    EngineRule("PACK/html-strip:SELECTOR", "html-strip", "an element a site pack's html_strip "
               "selector names, stripped from a page before extraction"),
)
