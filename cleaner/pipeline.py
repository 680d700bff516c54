"""The Cleaner: decode, normalize, identify, rules, header, paragraphs, in that order, one document at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from cleaner.apply_rules import GUARD_SHARE, RuleStage
from cleaner.dates import normalize_date
from cleaner.document import Document, Line
from cleaner.header import header_stage
from cleaner.identify import PackIndex, url_host
from cleaner.matcher import Matcher
from cleaner.metadata import MetaSink
from cleaner.normalize import normalize
from cleaner.paragraphs import split_glued
from cleaner.rulefile import Pack, load_packs


class Cleaner:
    """Cleans documents with the shipped rule packs plus any given rule files or folders.

    >>> record = Cleaner().clean("Judul Berita Hari Ini\\n\\nIsi berita ini panjang sekali. (ant)")
    >>> record["meta"]["title"], record["text"]
    ('Judul Berita Hari Ini', 'Isi berita ini panjang sekali.')
    """

    def __init__(self, rules: Iterable[str | Path] = (), builtin: bool = True,
                 lang: str | None = None, guard_share: float = GUARD_SHARE,
                 packs: list[Pack] | None = None):
        self.packs = packs if packs is not None else load_packs(rules, builtin=builtin)
        self.index = PackIndex(self.packs)
        self.sink = MetaSink(self.packs)
        self.lang = lang
        self.guard_share = guard_share
        self._stages: dict[tuple[str, ...], RuleStage] = {}

    def _rule_stage(self, packs: tuple[Pack, ...]) -> RuleStage:
        key = tuple(f"{p.kind}:{p.id}" for p in packs)
        stage = self._stages.get(key)
        if stage is None:
            rules = tuple(rule for pack in packs for rule in pack.rules)
            stage = RuleStage(Matcher(rules), self.sink, self.guard_share)
            self._stages[key] = stage
        return stage

    def make_document(self, text: str, url: str | None = None, id: str | None = None,
                      title: str | None = None, date: Any = None, **fields: Any) -> Document:
        """A Document from input text and fields; title and date are hints, the rest rides along."""
        doc = Document(id=str(id) if id is not None else "", text=text, url=url or None,
                       fields=dict(fields))
        if title:
            doc.hints["title"] = str(title)
        if date:
            doc.hints["date"] = date
        return doc

    def clean(self, text: str, url: str | None = None, **fields: Any) -> dict[str, Any]:
        """Clean one document and return its record (see README for the schema)."""
        return self.clean_document(self.make_document(text, url, **fields)).to_record()

    def clean_document(self, doc: Document) -> Document:
        """Run every stage on a Document and return it."""
        text, doc.fixes = normalize(doc.text)
        doc.text = text
        doc.lines = [Line(t, n) for n, t in enumerate(text.split("\n"), start=1) if t]
        doc.packs = self.index.packs_for(text, doc.url, self.lang)
        self._rule_stage(doc.packs)(doc)
        header_stage(doc)
        self._split_paragraphs(doc)
        self._fill_meta(doc)
        doc.removed.sort(key=lambda r: (r.line, r.col))
        return doc

    @staticmethod
    def _split_paragraphs(doc: Document) -> None:
        abbreviations: set[str] = set()
        for pack in doc.packs:
            abbreviations |= pack.abbreviations
        lines = []
        for line in doc.lines:
            parts = split_glued(line.text, abbreviations)
            if len(parts) == 1:
                lines.append(line)
            else:
                lines.extend(Line(part, line.number) for part in parts)
        doc.lines = lines

    def _fill_meta(self, doc: Document) -> None:
        """Input hints win over text headers for title, date and url; site and lang name the packs."""
        months: dict[str, int] = {}
        for pack in doc.packs:
            months.update(pack.months)
        if "title" in doc.hints:
            doc.meta["title"] = doc.hints["title"]
        if "date" in doc.hints:
            raw = doc.hints["date"]
            doc.meta["date"] = normalize_date(str(raw), months) or raw
        doc.meta["url"] = doc.url
        site = next((p for p in doc.packs if p.kind == "site"), None)
        lang = next((p for p in doc.packs if p.kind == "lang"), None)
        doc.meta["site"] = site.id if site else url_host(doc.url)
        doc.meta["lang"] = lang.id if lang else doc.meta.get("lang")
