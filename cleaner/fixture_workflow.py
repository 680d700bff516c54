"""The fixtures workflow: add a raw input with its current record, compare and rewrite expected records."""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import shutil
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from cleaner.batches import document_args
from cleaner.decode import UTF8_ENCODINGS, DecodeError, decode_bytes, looks_binary
from cleaner.document import NOTHING_VISIBLE, nothing_visible
from cleaner.fixtures import (InputFieldsError, KeptRulesError, RuleOptions, RuleOptionsError,
                              case_cleaner, case_name_typed, case_names, clean_fixture, dump_record,
                              expected_path, expected_problem, fixture_inputs,
                              input_fields_path, record_diff, rule_aliases, rule_options_path,
                              stored_rule_options, with_rule_ids, write_rule_options)
from cleaner.identify import site_host
from cleaner.inputs import (MAX_RECORD_BYTES, RECORD, Item, ReadOptions, Reject, shown_id,
                             without_compression)
from cleaner.jsonl_reader import is_jsonl, open_compressed
from cleaner.normalize import repair_surrogates
from cleaner.rulefile import unknown_rule_ids
from cleaner.warc_reader import bare_record_id


class FixtureError(ValueError):
    """A fixture that cannot be added: says why."""


def case_name(text: str) -> str:
    """A file-name-safe case name.

    >>> case_name("1472670028-jet tempur/swiss?")
    '1472670028-jet_tempur_swiss'
    """
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")
    return name[:100] or "case"


# Why an empty --id is refused, by explain and by fixtures add alike.
EMPTY_ID = "--id cannot be empty: give a record's id, FILE:LINE (dump.jsonl:9) or a line number"


class RecordPicker:
    """The records `--id` names among those read one by one, and the rejects, in the one order
    `explain` and `fixtures add` both take (docs/usage.md): an id names first each record whose
    id it is, rejected or not (ids_naming: a record without one is named as `clean` names it,
    `dump.jsonl:9`); else, where no record read has that id, a number names what is on that line
    of each file, a record or a reject. An empty id is refused (FixtureError): it names no
    record."""

    def __init__(self, ids: Iterable[str]):
        self.ids = frozenset(ids)
        if "" in self.ids:
            # No record has "" as its id, and as a line number it would name the no-line of
            # every file read whole (.txt, .html), selecting them all: a slip, not a choice.
            raise FixtureError(EMPTY_ID)
        self._found: set[str] = set()       # ids given that a record or a reject has
        # (file, number given) -> the record or reject on that line
        self._by_line: dict[tuple[str, str], Item | Reject] = {}

    def wants(self, item: Item | Reject) -> bool:
        """Whether an id given names a record (or a reject) by its id; one on a line named by a
        number is held (held), to be taken where no record has that number as its id."""
        named = ids_naming(item, self.ids)
        if named:
            self._found.update(named)
            return True
        for number in self._numbers(item):
            self._by_line.setdefault((item.source, number), item)
        return False

    def held(self) -> list[Item | Reject]:
        """What is on the lines named by numbers that no record had as its id."""
        return [item for (_, line), item in self._by_line.items() if line not in self._found]

    def naming(self, item: Item | Reject) -> list[str]:
        """The ids given that name `item` (wanted, or held and given out): by its id, or by its
        line's number where no record read so far has that number as its id."""
        return ids_naming(item, self.ids) + [n for n in self._numbers(item)
                                             if n not in self._found]

    def pick(self, items: Iterable) -> Iterator:
        """What is named among `items` (a reject that no id names by its line passes through,
        to be said or not by the caller): what is named by its id as it comes, then what was
        held for its line."""
        for item in items:
            if self.wants(item) or (isinstance(item, Reject) and not self._numbers(item)):
                yield item
        yield from self.held()

    def _numbers(self, item: Item | Reject) -> list[str]:
        """The ids given that are the number of `item`'s line (a WARC's record)."""
        number = str(item.line) if item.line else ""
        return [number] if number in self.ids else []


def ids_naming(item: Item | Reject, ids: Iterable[str]) -> list[str]:
    """The ids of `ids` that name a record, or a reject, by its id: the record's id; FILE:LINE,
    as `clean` names a record without an id (`dump.jsonl:9`, `2019/dump.jsonl:9` in a subfolder;
    FILE also the file's path as given, or its end), which names the line whatever its record's
    id (a reject of a line with none known, broken JSON, is found so); for a file read whole, the
    file's name, with or without its suffix, or its path's end. (A line's number alone is no
    id: RecordPicker takes it only where no record has it as its id.) A WARC record is named by
    its WARC-Record-ID too, with or without the angle brackets around it (_warc_record_id)."""
    warc_id = _warc_record_id(item)
    if isinstance(item, Reject):
        record_id, made = item.id, None
    else:
        made = str(document_args(item)["id"])       # (FILE:LINE where it has no id)
        record_id = None if item.fields.get("id") is None else made
    source = item.source
    place = source.replace(os.sep, "/")
    named = []
    for wanted in ids:
        if wanted == record_id or wanted == made or (
                warc_id is not None and bare_record_id(wanted) == warc_id):
            named.append(wanted)
        elif item.line:
            name, _, number = wanted.rpartition(":")
            if number == str(item.line) and name and (place == name or
                                                     place.endswith("/" + name)):
                named.append(wanted)
        elif (wanted in (Path(source).name, Path(source).stem) or place.endswith("/" + wanted)
              or place.rsplit(".", 1)[0].endswith("/" + wanted)):
            named.append(wanted)
    return named


# A WARC-Record-ID header line, as a reject of a WARC record keeps the record's header.
_RECORD_ID = re.compile(r"^WARC-Record-ID:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def _warc_record_id(item: Item | Reject) -> str | None:
    """A WARC record's WARC-Record-ID, without its angle brackets: a cleaned record's as its
    output keeps it (warc_record_id), a rejected one's from the header the reject keeps."""
    if isinstance(item, Item):
        record_id = item.fields.get("warc_record_id")
    else:
        found = _RECORD_ID.search(item.raw or "") if item.unit == RECORD else None
        record_id = found.group(1) if found else None
    return bare_record_id(record_id) if isinstance(record_id, str) else None


# A fixture is one record the user asked for by name: read whatever its size (fixtures add has
# no --max-record-bytes; a run's limit guards a run's memory across millions of records).
NO_RECORD_LIMIT = sys.maxsize - 1
# A reader's advice to raise a limit of `clean` (`; raise --max-html-bytes to read it`), which
# fixtures add has no option to raise.
_ADVICE = re.compile(r"; raise --[a-z-]+ to read it$")


def find_record(path: Path, record_id: str | None, text_field: str = "text",
                html_field: str = "html") -> Item:
    """One record of a JSONL file, with a text or a web page, read as a run reads it (but for
    the run's limit on a record's size: NO_RECORD_LIMIT): the one --id names (RecordPicker), or
    the only one. A record named that the run rejects (an empty text, no text field, broken
    JSON, a page too large) is refused with the run's reason (refused_as_read), not as one the
    file lacks; so is a file the run rejects whole (UTF-16, binary, a damaged stream) where no
    record is found, and, with no --id, the file's only line where the run rejects it."""
    # The run's own reader (as `cleaner explain` reads): what it reads as only nearly JSON (NaN,
    # half a surrogate pair, a byte order mark, integer ids past 64 bits) is found here too,
    # with the same fields, and what it rejects is rejected with the same words, by the same
    # line numbers. (Imported here: `fixtures check` has no use for every reader.)
    from cleaner.readers import iter_inputs
    from cleaner.run import DAMAGE_REASONS

    options = ReadOptions(text_field=text_field, html_field=html_field,
                          max_record_bytes=NO_RECORD_LIMIT)
    found = None
    picker = RecordPicker([record_id]) if record_id is not None else None
    broken: list[int] = []          # lines that are not JSON: passed over, named if nothing is found
    named: Reject | None = None     # the first reject --id names by its id
    of_the_file: Reject | None = None   # the first reject of the whole file or its stream
    rejects = 0
    last = 0                        # the last line a record was read from
    for record in iter_inputs([str(path)], options):
        if isinstance(record.line, int):
            last = max(last, record.line)
        if isinstance(record, Reject):
            rejects += 1
            # Not JSON even as a run reads it; else no document (no text, an empty one).
            if record.reason.startswith(("broken JSON", "invalid UTF-8")) and record.line:
                broken.append(int(record.line))
            if record.line is None or record.reason.startswith(DAMAGE_REASONS):
                of_the_file = of_the_file or record
        if picker is None:
            if isinstance(record, Reject):
                named = named or record
                continue
            if found is not None:
                raise FixtureError(f"{path} holds several records: choose one with --id")
            found = record
        elif picker.wants(record):
            if not isinstance(record, Reject):
                return record
            named = named or record
    if picker is not None:
        # By its id, a reject; else what is on the line numbered, a record or a reject.
        for held in ([named] if named else []) + picker.held():
            if isinstance(held, Reject):
                raise refused_as_read(held)
            return held
    if found is not None:
        return found
    if of_the_file is not None:
        raise refused_as_read(of_the_file)
    if picker is None and rejects == 1 and named is not None:
        raise refused_as_read(named)          # the file's one line, the one meant
    unread = f" (lines not JSON: {', '.join(map(str, broken[:5]))})" if broken else ""
    # (a line number past the file's end reads like an id the file lacks: its lines are said)
    past = f", nor a line {record_id}: the file's records end at line {last}" \
        if record_id and record_id.isdigit() and int(record_id) > last else ""
    raise FixtureError((f"{path}: no record with id '{shown_id(record_id)}'{past}" if record_id else
                        f"{path}: no record with a {text_field!r} or {html_field!r} "
                        "field") + unread)


def refused_as_read(reject: Reject) -> FixtureError:
    """Why a record asked for is not added: the run's reject of it, with no advice to raise a
    limit of `clean`'s (_ADVICE) that fixtures add has no option for."""
    return FixtureError(f"{reject.where()} is rejected as a run reads it: "
                        f"{_ADVICE.sub('', reject.reason)}; nothing was added")


def record_case_name(item: Item, source: Path, record_id: str | None) -> str:
    """The default case name of a dump's record: its id; for one without an id picked out of
    several (--id), the file's stem and its line (`dump-9`), so that two records of one dump
    are two cases; the file's stem where the record is the file's only one. The stem is the
    name without its compression's suffix too (`dump.jsonl.gz`: `dump`)."""
    if item.fields.get("id"):
        return case_name(str(item.fields["id"]))
    stem = Path(without_compression(source.name)).stem
    if record_id is None or not item.line:
        return case_name(stem)
    return case_name(f"{stem}-{item.line}")


def run_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A record's fields as a run writes them: NaN and Infinity, which JSON has no words for,
    become null (orjson's way), so that the stored input fields hold what the run's record does.

    >>> run_fields({"score": float("nan"), "n": 1})
    {'score': None, 'n': 1}
    """
    return orjson.loads(orjson.dumps(fields, option=orjson.OPT_NON_STR_KEYS))


@dataclass
class Added:
    raw: Path
    expected: Path
    record: dict[str, Any]
    text: str
    repaired: bool = False      # half a surrogate pair in a dump's text, stored repaired
    site: str | None = None     # what meta.site should say for --site (site_seen_as)
    site_url: str | None = None  # the url given the input to make it --site's (none came with it)
    converted_from: str | None = None   # the encoding a .txt was read in, stored as UTF-8


def _unpacked(source: Path, limit: int) -> bytes:
    """A compressed fixture input's content, whole; a damaged one, or one over `limit` bytes
    once unpacked (a small file may inflate to any size), is refused, as clean refuses it."""
    import zlib

    import zstandard

    try:
        with open_compressed(source) as stream:
            data = stream.read(limit + 1)
    except (ValueError, EOFError, zlib.error, zstandard.ZstdError) as exc:
        raise FixtureError(f"{source}: cannot decompress: {exc}") from None
    if len(data) > limit:
        raise FixtureError(f"{source}: over {limit} bytes once decompressed")
    return data


def add_fixture(cleaner, root: str | Path, site: str, source: str | Path, name: str | None = None,
                record_id: str | None = None, fields: dict[str, Any] | None = None,
                force: bool = False, text_field: str = "text", html_field: str = "html",
                new_site: bool = False, options: RuleOptions = RuleOptions()) -> Added:
    """Copy a raw input (.txt, .html, or one record of a .jsonl) into root/site/ and write its
    current record beside it as the expected one, for review, cleaned as the site's.
    `new_site`: the site is meant as spelt, even where it is spelt like a known site's.
    `options`: the rule options `cleaner` was made with, kept beside the case (<case>.rules)."""
    source = Path(source)
    if not source.is_file():
        raise FixtureError(f"no such file {source}")
    if not re.fullmatch(r"[A-Za-z0-9.-]+", site):
        raise FixtureError(f"--site must be a host name like kompas.com, not {site!r}")
    near = None if new_site else near_site(site, (d for p in cleaner.packs for d in p.domains))
    if near is not None:
        # Its fixture would be cleaned without the site's rules, and keep them from ever
        # being checked against it.
        raise FixtureError(f"--site {site} is no site a pack knows, but is spelt like "
                           f"{near}, which one does: did you mean {near}? (--new-site adds "
                           f"{site} as a new site, spelt as given)")
    if name is not None and case_name(name) != name:
        # A name is a file name in the site's folder: "../x" would write outside the fixtures.
        raise FixtureError(f"--name must be a plain case name like {case_name(name)!r}, "
                           f"not {name!r}")
    folder = Path(root) / site
    fields = {k: v for k, v in (fields or {}).items() if v not in (None, "")}
    repaired = False
    converted_from = None
    compressed = False                  # a .html.gz or .txt.zst: stored unpacked
    if is_jsonl(source.name):
        item = find_record(source, record_id, text_field, html_field)
        # A page (in the html field, or raw in the text field) is kept as the .html it is.
        page = item.kind == "html"
        extra = {k: v for k, v in item.fields.items() if k not in (text_field, html_field, "id")}
        fields = {**run_fields(extra), **fields}
        name = name or record_case_name(item, source, record_id)
        raw = folder / f"{name}{'.html' if page else '.txt'}"
        # The input file is UTF-8, which has no code for half a surrogate pair: it holds the text
        # as the run's first fix (fix_surrogates) leaves it, and its record names no such fix.
        text = repair_surrogates(item.text)
        repaired = text != item.text
        data = text.encode("utf-8")
        where = f"{source}: record {shown_id(str(item.fields.get('id') or record_id))}"
        if not page:
            _refuse_unclean(cleaner, text, where)
    else:
        if record_id is not None:
            # (it was passed over without a word, and the file added under its own name)
            raise FixtureError(f"--id picks one record of a .jsonl file; {source} is one "
                               "document: leave --id out (--name names the case)")
        # A page or text kept compressed (page.html.gz, as clean reads it) is stored unpacked:
        # fixtures are read by their suffix, and a diff of the input must be readable.
        bare = Path(without_compression(source.name))
        compressed = bare.name != source.name
        suffix = bare.suffix.lower()
        if suffix not in (".txt", ".html", ".htm"):
            raise FixtureError(f"{source}: a fixture input is .txt, .html (either also .gz or "
                               ".zst) or a record of .jsonl")
        name = name or case_name(bare.stem)
        raw = folder / f"{name}{suffix}"
        limit = MAX_RECORD_BYTES if suffix == ".txt" else cleaner.max_html_bytes
        data = _unpacked(source, limit) if compressed else source.read_bytes()
        where = str(source)
        if suffix == ".txt":
            text, converted_from = fixture_text(source, data)
            if converted_from:
                data = text.encode("utf-8")
            _refuse_unclean(cleaner, text, str(source))
        if raw.exists() and os.path.samefile(source, raw):
            # Copied onto itself, and its stored url and date would be dropped.
            raise FixtureError(f"{source} is this fixture's own input: `cleaner fixtures update "
                               f"{raw.stem}`, with the rule options it was added with, rewrites "
                               "its record")
    expected = expected_path(raw)
    if (raw.exists() or expected.exists()) and not force:
        raise FixtureError(f"{raw} already exists (--force replaces it)")
    try:
        with _whole_or_not_at_all((raw, expected, input_fields_path(raw),
                                   rule_options_path(raw)), folder):
            folder.mkdir(parents=True, exist_ok=True)
            if is_jsonl(source.name) or converted_from or compressed:
                raw.write_bytes(data)
            else:
                shutil.copyfile(source, raw)
            record, site_url = _clean_as_site(cleaner, raw, fields, site)
            expected.write_text(dump_record(record), encoding="utf-8")
            # A record made with rules of one's own is reproduced only with them: kept beside
            # it, `fixtures check` without rule options cleans it with them.
            write_rule_options(raw, options)
    except ValueError as exc:
        from cleaner.html_load import PageError    # loaded already if a page was read

        if isinstance(exc, PageError):      # a page with no article: `clean` rejects it too
            raise FixtureError(f"{where}: {exc}, which `cleaner clean` rejects; nothing was "
                               "added") from None
        raise
    text = data.decode("utf-8", errors="replace")
    return Added(raw, expected, record, text, repaired, site_seen_as(cleaner, site), site_url,
                 converted_from)


def fixture_text(source: Path, data: bytes) -> tuple[str, str | None]:
    """A .txt fixture input's text, and the encoding it was read in when that is not UTF-8
    (None): read as `cleaner clean --encoding auto` reads it, since a fixture input is stored
    in UTF-8 (a UTF-16 file saved by an editor, a Windows code page). Raises FixtureError
    naming the command that converts it when no encoding reads it."""
    if not looks_binary(data):
        # (NUL bytes are valid UTF-8: UTF-16 of ASCII letters must meet its pattern first)
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    try:
        text, used = decode_bytes(data, "auto")
    except DecodeError as exc:
        if looks_binary(data):
            raise FixtureError(f"{source}: {exc}; a fixture input is text") from None
        out = source.with_name(f"{source.stem}.utf8{source.suffix}")
        raise FixtureError(f"{source}: {exc}; convert it to UTF-8 first, naming its encoding: "
                           f"iconv -f ENCODING -t UTF-8 {shlex.quote(str(source))} > "
                           f"{shlex.quote(str(out))}") from None
    # (a text with a few stray NULs is UTF-8, NULs and all: decode.not_text)
    return text, None if used in UTF8_ENCODINGS else used


@contextmanager
def _whole_or_not_at_all(paths: Iterable[Path], folder: Path) -> Iterator[None]:
    """Undo what the block wrote when it fails: the files it made go, the ones it replaced
    (--force) are put back as they were, and the folders it made go, so that a failed add
    leaves no half-made case for `fixtures check` to trip on."""
    saved = {path: path.read_bytes() if path.exists() else None for path in paths}
    made = [path for path in (folder, *folder.parents) if not path.exists()]
    try:
        yield
    except BaseException:
        for path, data in saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        for path in made:               # the deepest first; one a file was put in meanwhile stays
            try:
                path.rmdir()
            except OSError:
                pass
        raise


def _refuse_unclean(cleaner, text: str, where: str) -> None:
    """Refuse a text `cleaner clean` rejects, with its reason, before anything is written: no
    run makes a record of it, so an expected record would hold what no run writes. Its record
    is judged as a run judges it (nothing_visible; the input fields change no part of that):
    markup alone, a script, is removed and recorded, so it is not nothing."""
    from cleaner.html_load import PageError      # imported only when HTML is read

    if not text.strip():
        raise FixtureError(f"{where}: empty document, which `cleaner clean` rejects")
    try:
        record = cleaner.clean(text)
    except PageError as exc:        # a text that opens as a web page with no article
        raise FixtureError(f"{where}: {exc}, which `cleaner clean` rejects") from None
    if nothing_visible(record):
        raise FixtureError(f"{where}: {NOTHING_VISIBLE}, which `cleaner clean` rejects")


def _clean_as_site(cleaner, raw: Path, fields: dict[str, Any],
                   site: str) -> tuple[dict[str, Any], str | None]:
    """A fixture input's record, and the url on the site's host it was given, if it needed one."""
    record = _clean_with_fields(cleaner, raw, fields)
    own = site_host(record["meta"].get("url")) if "url" not in fields else None
    host = site_host(site)
    if (record["meta"].get("site") == site_seen_as(cleaner, site) or "url" in fields
            or host is None or own is not None and own != host
            and not own.endswith(f".{host}")):
        # the site's already; or a url of its own (given, or a page's canonical one on another
        # host), which is data (warned: report_site)
        return record, None
    # Without a url the text alone names the site, and another site's signature (a byline many
    # sites share) would freeze that site's record. A url on the host makes the document the
    # site's, stored in <case>.input.json so that `fixtures check` cleans it the same way.
    site_url = f"https://{site}/"
    return _clean_with_fields(cleaner, raw, {**fields, "url": site_url}), site_url


# How alike (difflib's ratio) a site is to a known site's host to be taken for a misspelling of
# it: tribunews.com is 0.96 of tribunnews.com, detk.com 0.94 of detik.com; the two shipped
# sites most alike, cnbcindonesia.com and cnnindonesia.com, 0.91; kompas.id is 0.74 of
# kompas.com, and passes as a site of its own.
NEAR_SITE = 0.85


def near_site(site: str, domains: Iterable[str]) -> str | None:
    """The known site's host (one of `domains`) that a site is a near miss of, if it is one:
    not a known site nor a subdomain of one, but spelt like one (the site itself or a parent
    of it: sport.tribunews.com is tribunews.com's).

    >>> domains = ["tribunnews.com", "detik.com", "kompas.com"]
    >>> [near_site(s, domains) for s in ("tribunews.com", "Detk.com", "sport.tribunews.com")]
    ['tribunnews.com', 'detik.com', 'tribunnews.com']
    >>> [near_site(s, domains) for s in ("detik.com", "news.detik.com", "kompas.id", "misc")]
    [None, None, None, None]
    """
    known = sorted({domain.lower() for domain in domains})
    name = site.lower().strip(".")
    if any(name == domain or name.endswith("." + domain) for domain in known):
        return None
    while name:
        close = difflib.get_close_matches(name, known, n=1, cutoff=NEAR_SITE)
        if close:
            return close[0]
        name = name.partition(".")[2]
        if "." not in name:         # a top-level domain alone ("com") is like no site
            break
    return None


def site_seen_as(cleaner, site: str) -> str | None:
    """The meta.site of a document of this site: its pack's id, else the host."""
    host = site_host(site)          # as meta.site: a name with no dot is no host
    pack = cleaner.index.site_by_host(host) if host else None
    return pack.id if pack is not None else host


def _clean_with_fields(cleaner, raw: Path, fields: dict[str, Any]) -> dict[str, Any]:
    """Store the input fields beside a fixture input (none: no sidecar), then clean it."""
    sidecar = input_fields_path(raw)
    if fields:
        sidecar.write_text(json.dumps(fields, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    elif sidecar.exists():
        sidecar.unlink()
    return clean_fixture(cleaner, raw, kept_rules=False)


@dataclass
class Comparison:
    raw: Path
    expected: Path
    before: str          # the expected file as it is ("" when missing)
    after: str           # the record the cleaner makes now ("" when it cannot make one)
    error: str = ""      # why the fixture could not be cleaned: a failure, never rewritten
    problem: str = ""    # why the expected file is no record (missing, not JSON): rewritable
    shared: str = ""     # an error of the rules several fixtures keep, said once (load_errors)
    compared: str = ""   # `before` with its rules' aliases named by their ids (with_rule_ids)
    gone: tuple[str, ...] = ()      # rule ids `before` names that no loaded rule has (gone_rule_ids)
    options: RuleOptions | None = None  # the rule options kept beside it it was cleaned with
    missing_input: bool = False     # an expected record whose input has gone (_orphans)

    def __post_init__(self) -> None:
        if not self.compared:
            self.compared = self.before

    @property
    def changed(self) -> bool:
        return bool(self.error or self.problem) or self.compared != self.after

    def records(self) -> tuple[dict, dict] | None:
        """The expected record (its aliases named by their ids) and the new one, read; None
        when either is no JSON object (missing, broken, not cleaned)."""
        try:
            before, after = json.loads(self.compared), json.loads(self.after)
        except ValueError:
            return None
        return (before, after) if isinstance(before, dict) and isinstance(after, dict) else None

    def lost(self) -> list[LostLine]:
        """The lines of article text the new record loses (lost_lines); none when there is no
        record to compare."""
        records = None if self.error or self.problem else self.records()
        return lost_lines(*records, self.raw) if records else []

    def diff(self, root: Path | None = None) -> str:
        name = str(self.expected.relative_to(root)) if root else self.expected.name
        if self.shared:
            return ""           # said once for every fixture keeping those rules
        if self.error:
            return f"{name}: cannot clean the fixture: {self.error}\n"
        if self.problem:
            # (a missing record shown whole as added lines says nothing; a broken one's diff
            # shows where it breaks)
            shown = "" if not self.expected.exists() else record_diff(self.before, self.after,
                                                                      name)
            return f"{name}: {self.problem}\n{shown}"
        return record_diff(self.compared, self.after, name)


class KeptRulesFailure(FixtureError):
    """Rule files kept by a fixture (<case>.rules) that are there but do not load: the same
    error for every fixture keeping them, to be said once, with no advice to delete the
    <case>.rules, which the rules are still meant for."""

    def __init__(self, kept: KeptRulesError):
        self.kept = kept
        super().__init__(f"{kept}; fix the rule file, then check again")


def compare_fixtures(cleaner, root: str | Path, only: Iterable[str] = (),
                     cleaner_for: Callable[[Path], Any] | None = None) -> list[Comparison]:
    """Every fixture (or those one of the cases `only` names: case_names) against its expected
    record, cleaned with `cleaner`, or with the one `cleaner_for` gives each fixture input (a
    FixtureError it raises is that fixture's failure). A removal naming an alias of a loaded
    rule counts as naming the rule (with_rule_ids)."""
    wanted = {case_name_typed(case, root) for case in only}
    out = []
    for raw in fixture_inputs(root):
        if wanted and wanted.isdisjoint(case_names(raw, root)):
            continue
        expected = expected_path(raw)
        text = _read_expected(expected)
        before, problem = text or "", expected_problem(raw, text) or ""
        try:
            fixture_cleaner = cleaner_for(raw) if cleaner_for else cleaner
        except KeptRulesFailure as exc:
            shared = f"{exc.kept.options.typed()}\0{exc.kept.reason}"
            out.append(Comparison(raw, expected, before, "", str(exc), shared=shared))
            continue
        except FixtureError as exc:
            out.append(Comparison(raw, expected, before, "", str(exc)))
            continue
        try:
            after = dump_record(clean_fixture(fixture_cleaner, raw, kept_rules=False))
        except InputFieldsError as exc:     # (it names the file)
            out.append(Comparison(raw, expected, before, "", str(exc)))
            continue
        except Exception as exc:   # one broken fixture (not UTF-8, no article) must not hide the rest
            out.append(Comparison(raw, expected, before, "", f"{type(exc).__name__}: {exc}"))
            continue
        compared = before if problem else \
            with_rule_ids(_as_dumped(before), rule_aliases(fixture_cleaner))
        gone = () if problem else tuple(gone_rule_ids(compared, fixture_cleaner))
        out.append(Comparison(raw, expected, before, after, problem=problem, compared=compared,
                              gone=gone, options=_kept_with(raw, fixture_cleaner, cleaner)))
    out.extend(_orphans(root, {c.expected for c in out}, wanted))
    return out


def _kept_with(raw: Path, used, default) -> RuleOptions | None:
    """The rule options kept beside a fixture that it was cleaned with: None when it was
    cleaned with `default` (the rules the run was given)."""
    if used is default:
        return None
    try:
        return kept_options(raw)
    except FixtureError:
        return None


def _read_expected(path: Path) -> str | None:
    """An expected record's text, None when there is none; one not UTF-8 read with its bad
    bytes replaced (then not JSON, said so), a folder of that name read as none."""
    try:
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None
    except OSError:
        return None


def _as_dumped(expected: str) -> str:
    """An expected record as dump_record writes it: a file saved again in another layout (its
    last newline cut, another indent) holds the same record, where its text compared as it was
    failed the check on a diff of `-}` and `+}`."""
    try:
        return dump_record(json.loads(expected))
    except ValueError:          # (no JSON: expected_problem says so)
        return expected


def _orphans(root: str | Path, compared: set[Path], wanted: set[str]) -> list[Comparison]:
    """Expected records whose input has gone (deleted, renamed, an upper-case suffix): each a
    failure, so that a lost input does not pass as a fixture that holds."""
    out = []
    for expected in _expected_records(root):
        if expected in compared:
            continue
        if wanted and wanted.isdisjoint(case_names(expected, root)):
            continue
        out.append(Comparison(expected.with_suffix(""), expected,
                              expected.read_text(encoding="utf-8", errors="replace"), "",
                              "its input is missing: no .txt, .html or .htm of that name "
                              "beside it", missing_input=True))
    return out


def _expected_records(root: str | Path) -> list[Path]:
    """Every expected record under a fixtures folder (not the input fields beside them)."""
    return [path for path in sorted(Path(root).rglob("*.json"))
            if not path.name.endswith(".input.json")]


def kept_options(raw: Path) -> RuleOptions | None:
    """The rule options kept beside a fixture input, its rule paths as seen from here (none:
    None); raises FixtureError on a broken <case>.rules."""
    stored = stored_options(raw)
    return None if stored is None else stored.seen_from(raw.parent)


def stored_options(raw: Path) -> RuleOptions | None:
    """The rule options kept beside a fixture input as its <case>.rules holds them (none:
    None); raises FixtureError on a broken one."""
    try:
        return stored_rule_options(raw)
    except RuleOptionsError as exc:
        raise FixtureError(str(exc)) from None


class KeptCleaners:
    """The cleaner each fixture was made with: for the rule options kept beside it
    (<case>.rules), one made once per set of options; else `default`."""

    def __init__(self, default):
        self.default = default

    def __call__(self, raw: Path):
        try:
            return case_cleaner(self.default, raw)
        except RuleOptionsError as exc:
            raise FixtureError(str(exc)) from None
        except KeptRulesError as exc:
            if not exc.missing and exc.reason.startswith("rule file"):
                raise KeptRulesFailure(exc) from None   # there, but broken: fixed, not deleted
            # The paths as the file holds them, and the file by its path: seen from here, a
            # path kept relative to a folder that moved reads as another, or as a typo.
            path = rule_options_path(raw)
            raise FixtureError(f"{exc}; give its rules with --rules (`cleaner fixtures update` "
                               "given them keeps them instead), or delete "
                               f"{path.name} if its packs are shipped now") from None


def cleaner_like(default, options: RuleOptions):
    """A cleaner for these rule options, made as `default` was; else why none can be made."""
    # (imported here: this module is given its cleaners, and the pipeline imports much)
    from cleaner.pipeline import Cleaner, cleaner_language
    from cleaner.rulefile import RuleFileError

    try:
        cleaner = Cleaner(rules=options.rules, builtin=not options.no_builtin_rules)
    except RuleFileError as exc:
        # Named whole: a path kept relative to the case's folder reads, seen from here, as a
        # bare name ("mypack.toml") that says nothing of where it was looked for.
        return f"rule file {RuleFileError(os.path.abspath(exc.path), exc.reason, exc.rule)}"
    try:
        # (only the language's error is one of the case's options: any other is raised)
        cleaner.lang = cleaner_language(options.lang, cleaner.index.langs)
    except ValueError:          # a lang no pack serves
        return f"no language pack {options.lang!r}"
    cleaner.page_timeout = default.page_timeout
    cleaner.given_site = default.given_site
    cleaner.max_html_bytes = default.max_html_bytes
    return cleaner


def made_with_given(comparisons: Iterable[Comparison], given: RuleOptions,
                    cleaner) -> list[Comparison]:
    """The fixtures an update given rule options keeps them beside, once it has rewritten every
    changed record: each it rewrote, each that kept options already (its pack moved), and each
    whose record only they reproduce (made with them before fixtures kept their options). Not
    the others: a check without those options reproduces them still, and would fail them once
    the options' rules are gone. `cleaner`: the one the update cleaned with."""
    out = []
    plain = None                # made once, when a record may need the options
    for comp in comparisons:
        if comp.error:
            continue
        if comp.changed or rule_options_path(comp.raw).exists():
            out.append(comp)
        elif given.recorded:
            if plain is None:
                plain = cleaner_like(cleaner, RuleOptions())
            if isinstance(plain, str) or not _reproduces(plain, comp):
                out.append(comp)
    return out


def _reproduces(cleaner, comp: Comparison) -> bool:
    """Whether this cleaner makes a fixture's expected record."""
    try:
        return dump_record(clean_fixture(cleaner, comp.raw, kept_rules=False)) == comp.compared
    except Exception:   # as compare_fixtures: any failure to clean is no record
        return False


def unmatched_cases(root: str | Path, cases: Iterable[str]) -> dict[str, list[str]]:
    """The cases given that name no fixture (case_names), each with the names nearest to it: a
    case matches a name whole, so "kompas" is no case when the fixtures are kompas.com's."""
    known: set[str] = set()
    for path in (*fixture_inputs(root), *_expected_records(root)):
        known.update(case_names(path, root))
    missing = [case for case in cases if case_name_typed(case, root) not in known]
    # The names a person types: case names and folders, not every spelling of a path.
    short = sorted(name for name in known if "/" not in name)
    return {case: _nearest(case_name_typed(case, root), short) for case in missing}


def shared_case_names(root: str | Path, cases: Iterable[str]) -> dict[str, list[str]]:
    """The cases given by a case name alone that several fixtures have (two sites' a1), each
    with their paths under the fixtures folder: an update means one, and given `a1` it rewrote
    both, keeping the given rule options beside each (another site's case then checked with
    rules not its own, its breakage unsaid)."""
    stems: dict[str, list[str]] = {}
    for raw in fixture_inputs(root):
        path = Path(raw).relative_to(root).with_suffix("").as_posix()
        stems.setdefault(raw.stem, []).append(path)
    return {case: sorted(stems[typed]) for case in cases
            if "/" not in (typed := case_name_typed(case, root)) and len(stems.get(typed, ())) > 1}


def case_label(raw: Path, root: str | Path, stems: Counter | None = None) -> str:
    """How to name a fixture as a CASE: its case name, or its path under the fixtures folder
    where another case has that name (two sites' a.txt). `stems`: the folder's case names
    counted, where many fixtures are named at once."""
    if stems is None:
        stems = Counter(path.stem for path in fixture_inputs(root))
    return raw.stem if stems[raw.stem] <= 1 else \
        raw.relative_to(root).with_suffix("").as_posix()


def _nearest(case: str, names: list[str], most: int = 5) -> list[str]:
    """The names that hold the case (what matching by a part of a name took), then the names
    spelt like it.

    >>> _nearest("kompas", ["kompas-2", "kompas.com", "tempo.co", "kompasiana"])
    ['kompas-2', 'kompas.com', 'kompasiana']
    """
    holding = [name for name in names if case.lower() in name.lower()]
    alike = difflib.get_close_matches(case, names, n=most, cutoff=0.6)
    return list(dict.fromkeys(holding + alike))[:most]


def rewrite(comparisons: Iterable[Comparison]) -> list[Comparison]:
    """Write the changed expected records; the ones written."""
    written = []
    for comp in comparisons:
        if comp.changed and not comp.error:
            comp.expected.write_text(comp.after, encoding="utf-8")
            written.append(comp)
    return written


# A span a rule now cuts from a line of an expected text is article text lost when it holds this
# many words or more (part of a sentence, as a loosened `.*$` takes); a shorter one (a code, a
# credit of a word or two) is a changed line, for the diff to show. Judged by what is taken,
# wherever in the line, not by what is kept.
CUT_WORDS = 3
_WORD = re.compile(r"[^\W_]+")
# The metadata fields a rule moves a line's words into (a dateline's place and source, a
# byline's names): a word cut from the text that one of them now holds is moved, not lost.
MOVED_FIELDS = ("location", "source", "authors", "editors")


@dataclass(frozen=True)
class LostLine:
    """A line of a case's expected text that its new text no longer holds whole: its words, the
    line of the input it came from (None when not found), the rule whose removal in the new
    record now covers it (None when none does: the text was reshaped otherwise) and, for a line
    kept in part, the article words cut from it (`cut`; None for a line lost whole)."""

    text: str
    line: int | None
    rule: str | None
    cut: str | None = None

    def shown(self) -> str:
        """`line 11, detik/photo-caption`, as a summary names it; a cut with its words."""
        where = f"line {self.line}" if self.line is not None else repr(_excerpt(self.text))
        named = f"{where}, {self.rule}" if self.rule else where
        return named if self.cut is None else f"{named} cut {_excerpt(self.cut)!r}"


def _excerpt(text: str, most: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= most else text[:most - 1] + "…"


def text_lines(record: dict) -> Counter:
    """The non-empty lines of a record's text, counted."""
    text = record.get("text")
    return Counter(line for line in text.split("\n") if line.strip()) \
        if isinstance(text, str) else Counter()


@dataclass
class TextChange:
    """How a record's text changed, by its lines (text_change), each once per time it went or
    came: lines of the expected text lost whole; lines a span of article words was cut from
    (line, the words: CUT_WORDS); lines changed otherwise (a short span cut); lines gained."""

    lost: list[str]
    cut: list[tuple[str, str]]
    changed: list[str]
    gained: list[str]

    @property
    def losing(self) -> list[str]:
        """The lines that lose article text: lost whole or cut."""
        return self.lost + [line for line, _ in self.cut]


def text_change(before: dict, after: dict) -> TextChange:
    """How a record's text changed, by its lines: a line of the expected text that a new line
    holds with spans cut (cut_spans) is cut, when a span holds CUT_WORDS words or more that the
    new record's metadata does not hold (a dateline's place and source moved there are no loss),
    else changed; one a new line holds whole with text added (a span a rule no longer cuts, a
    dateline no longer taken) is changed, as is one a new line holds spaced otherwise; one no
    new line holds either way is lost."""
    gone, came = text_lines(before) - text_lines(after), text_lines(after) - text_lines(before)
    change = TextChange([], [], [], list(came.elements()))
    held = meta_words(after)
    for line in gone.elements():
        spaced = next((new for new in change.gained if new.split() == line.split()), None)
        if spaced is not None:
            # (the same words spaced otherwise: a space a hand edit left at a line's end)
            change.gained.remove(spaced)
            change.changed.append(line)
            continue
        found = next(((new, spans) for new in change.gained
                      if (spans := cut_spans(line, new)) is not None), None)
        if found is None:
            grown = next((new for new in change.gained if cut_spans(new, line) is not None),
                         None)
            if grown is not None:
                # (text the record no longer removes: the diff shows it, no article is lost)
                change.gained.remove(grown)
                change.changed.append(line)
            else:
                change.lost.append(line)
            continue
        new, spans = found
        change.gained.remove(new)
        wordy = [span for span in spans if len(unheld_words(span, held)) >= CUT_WORDS]
        if wordy:
            change.cut.append((line, " … ".join(span.strip() for span in wordy)))
        else:
            change.changed.append(line)
    return change


def meta_words(record: dict) -> frozenset[str]:
    """The words (case folded) of a record's MOVED_FIELDS: where a dateline's or a byline's
    words went when a rule cut them from the text."""
    meta = record.get("meta")
    if not isinstance(meta, dict):
        return frozenset()
    values = []
    for name in MOVED_FIELDS:
        value = meta.get(name)
        values += [value] if isinstance(value, str) else \
            [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    return frozenset(word.casefold() for value in values for word in _WORD.findall(value))


def unheld_words(span: str, held: frozenset[str]) -> list[str]:
    """The words of a span cut from a line that the record's metadata does not hold (meta_words):
    the article words it takes.

    >>> held = frozenset({"semenanjung", "post", "shah", "alam"})
    >>> unheld_words("Semenanjung Post, SHAH ALAM - ", held)
    []
    >>> unheld_words("sejak pagi di Shah Alam", held)
    ['sejak', 'pagi', 'di']
    """
    return [word for word in _WORD.findall(span) if word.casefold() not in held]


def cut_spans(old: str, new: str) -> list[str] | None:
    """The spans cut from `old` to leave `new` (both stripped), None when `new` is not `old`
    with spans cut (text added or replaced, or nothing kept).

    >>> cut_spans("Hujan deras sejak Senin malam.", "Hujan deras sejak malam.")
    ['Senin ']
    >>> cut_spans("Hujan deras.", "Hujan lebat.") is None
    True
    """
    old, new = old.strip(), new.strip()
    if not new or len(new) >= len(old):
        return None
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    spans = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op == "delete":
            spans.append(old[i1:i2])
        elif op != "equal":
            return None
    return spans


def _removals(record: dict) -> list[dict]:
    removed = record.get("removed")
    return [r for r in removed if isinstance(r, dict)] if isinstance(removed, list) else []


def _removal_key(removal: dict) -> tuple:
    return tuple(str(removal.get(k)) for k in ("rule", "text", "line", "col", "action"))


def lost_lines(before: dict, after: dict, raw: Path | None = None) -> list[LostLine]:
    """The lines of article text a case's new record loses against its expected one
    (text_change: lost whole, or a span of article words cut), in the input's order, each with
    the line of the input it came from and the rule whose removal now covers it: a removal new
    to the record first, then any. The input `raw` (a .txt, or a .jsonl's record) gives the line
    a removal does not."""
    change = text_change(before, after)
    if not change.lost and not change.cut:
        return []
    known = {_removal_key(r) for r in _removals(before)}
    removals = _removals(after)
    ordered = ([r for r in removals if _removal_key(r) not in known]
               + [r for r in removals if _removal_key(r) in known])
    source = _input_lines(raw)
    out = [_covered(line.strip(), ordered, source) for line in change.lost]
    out += [_cut_by(line.strip(), cut, ordered, source) for line, cut in change.cut]
    return sorted(out, key=lambda lost: (lost.line is None, lost.line or 0))


def _removal_at(removal: dict) -> tuple[str, str, int | None] | None:
    """A removal's text, rule and line (None when it has none); None for a malformed one."""
    text, rule, start = removal.get("text"), removal.get("rule"), removal.get("line")
    if not isinstance(text, str) or not isinstance(rule, str):
        return None
    return text, rule, start if isinstance(start, int) and not isinstance(start, bool) else None


def _covered(line: str, removals: list[dict], source: list[str]) -> LostLine:
    """A lost line with the removal that covers it: one that holds the whole line first (a
    line dropped), else one that takes a part of it on the same input line; none where no
    removal does (the input's line, from `source`, where it is found)."""
    number = _source_line(line, source)
    found = [at for at in map(_removal_at, removals) if at is not None]
    for text, rule, start in found:
        if line in text:
            if start is not None:
                start += text[:text.index(line)].count("\n")
            return LostLine(line, start, rule)
    for text, rule, start in found:
        if text.strip() and text.strip() in line and number is not None and start == number:
            return LostLine(line, number, rule)
    return LostLine(line, number, None)


def _cut_by(line: str, cut: str, removals: list[dict], source: list[str]) -> LostLine:
    """A line a span of article words was cut from, with the removal that took them: one
    whose text holds the words cut (with the cruft it took before, a code), or is a part of
    them, on the line's input line where that is known."""
    number = _source_line(line, source)
    words = [part.strip() for part in cut.split(" … ")]
    for text, rule, start in filter(None, map(_removal_at, removals)):
        if number is not None and start is not None and start != number:
            continue
        if any(part in text or (text.strip() and text.strip() in part) for part in words):
            return LostLine(line, start if start is not None else number, rule, cut)
    return LostLine(line, number, None, cut)


def _source_line(line: str, source: list[str]) -> int | None:
    """The first line of the input holding a line of text (None where none does)."""
    return next((i for i, held in enumerate(source, 1) if line in held), None)


def _input_lines(raw: Path | None) -> list[str]:
    """The lines of a .txt fixture input (none for a page or one that cannot be read)."""
    if raw is None or raw.suffix != ".txt":
        return []
    try:
        return raw.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def meta_rules(before: dict, after: dict) -> list[tuple[str, str | None, str | None]]:
    """Each metadata field that differs, with the rule whose removal filled it in the expected
    record and in the new one (a removal's `fields`; None where none did)."""
    meta_before, meta_after = before.get("meta"), after.get("meta")
    if not isinstance(meta_before, dict) or not isinstance(meta_after, dict):
        return []
    fields = [k for k in dict.fromkeys([*meta_before, *meta_after])
              if meta_before.get(k) != meta_after.get(k)]
    return [(field, _filled_by(before, field), _filled_by(after, field)) for field in fields]


def _filled_by(record: dict, field: str) -> str | None:
    """The rule of the removal of a record whose value the record's metadata field holds: of
    the removals listing the field (a removal lists a field it found even where another's value
    stuck), those whose text holds the value; where not one alone does, every one listing it
    (`a/x + b/y`). None where none lists it."""
    listing = [r["rule"] for r in _removals(record) if isinstance(r.get("rule"), str)
               and isinstance(r.get("fields"), list) and field in r["fields"]]
    meta = record.get("meta")
    value = meta.get(field) if isinstance(meta, dict) else None
    values = [str(v).casefold() for v in (value if isinstance(value, list) else [value])
              if v not in (None, "")]
    holding = [r["rule"] for r in _removals(record) if r.get("rule") in listing
               and isinstance(r.get("text"), str) and values
               and all(v in r["text"].casefold() for v in values)]
    named = holding if len(set(holding)) == 1 else listing
    return " + ".join(dict.fromkeys(named)) or None


def shown_meta(field: str, was: str | None, now: str | None) -> str:
    """A changed metadata field with the rules that filled it: `authors (kompas/byline)`,
    `authors (was pt/byline)`, `location (was a/x, now b/y)`.

    >>> shown_meta("authors", "kompas/byline", "kompas/byline"), shown_meta("title", None, None)
    ('authors (kompas/byline)', 'title')
    >>> shown_meta("authors", "pt/byline", None), shown_meta("location", "a/x", "b/y")
    ('authors (was pt/byline)', 'location (was a/x, now b/y)')
    """
    if was == now:
        return f"{field} ({was})" if was else field
    named = [f"was {was}"] * bool(was) + [f"now {now}"] * bool(now)
    return f"{field} ({', '.join(named)})"


def gone_rule_ids(expected: str, cleaner) -> list[str]:
    """The rule ids an expected record's removals name that no loaded rule has as its id or as
    an alias, in a pack that is loaded (rulefile.unknown_rule_ids: `detik/photo-caption`
    renamed `detik/caption-credit` without `aliases`; not the ids the engine gives); a whole
    pack not loaded is unloaded_rules' to say. None for a record that is no JSON."""
    try:
        record = json.loads(expected)
    except ValueError:
        return []
    if not isinstance(record, dict):
        return []
    packs = (*cleaner.packs, *getattr(cleaner, "learned", {}).values())
    return unknown_rule_ids((removal.get("rule") for removal in _removals(record)), packs)
