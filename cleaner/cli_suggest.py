"""`cleaner suggest`: mine a dump for recurring lines and line shapes per site, print them as candidate rules."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from cleaner.batches import clean_item_document, internal_error
from cleaner.cli_common import (add_read_options, add_rule_options, at_least, no_such_input,
                                no_such_lang, read_options, share)
from cleaner.identify import PackIndex, site_host, url_language
from cleaner.fixture_workflow import near_site
from cleaner.inputs import Reject
from cleaner.pipeline import Cleaner, cleaner_language
from cleaner.readers import iter_inputs
from cleaner.rulefile import RuleFileError, load_pack, load_packs
from cleaner.sitekey import claimed_site, host_key
from cleaner.wording import counted, noun

# The miner and its shapes are imported by this command's own run: `cleaner clean` registers
# every command at start and should not pay for them.
if TYPE_CHECKING:
    from cleaner.suggest import Candidate


def register(sub) -> None:
    parser = sub.add_parser(
        "suggest", help="mine a dump for boilerplate and print candidate rules",
        description="Find lines and line shapes that recur across many documents of a site "
                    "(exact repeats, 'Label : <title>' lines, short templates, codes closing a "
                    "paragraph, datelines), rank them by how many documents they touch and print "
                    "each as a rule, with real examples, ready to paste into a site pack and edit. "
                    "What the loaded rules already remove is left out.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  cleaner suggest dump.jsonl --packs common        as if only the language-neutral "
               "pack existed\n"
               "  cleaner suggest dump.jsonl --site kumparan.com --top 20\n"
               "  cleaner suggest dump.jsonl --write-packs new-rules/   one pack file per site\n"
               "  cleaner suggest dump.jsonl --write-packs new-rules/ --force   mine again, "
               "replacing those files and any edits made to them\n\n"
               "exit status: 0 candidates printed (none found is said, and is 0 too); 1 no "
               "document of the --site given in the input, or pack files that could not be "
               "written; 2 bad usage, an input that cannot be read, a broken rule file, or "
               "--write-packs refusing to replace a file without --force.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="as for `cleaner clean`")
    parser.add_argument("--packs", default="all", metavar="SPEC",
                        help="which loaded packs count as existing rules: all (default), none, or "
                             "a comma list of pack kinds or ids (common; common,id)")
    parser.add_argument("--site", metavar="SITE",
                        help="only this site: a url host (www. and case aside) or a pack id")
    parser.add_argument("--top", type=at_least(1), default=10, metavar="N",
                        help="candidates per site (default: 10)")
    parser.add_argument("--min-docs", type=at_least(1), default=3, metavar="N",
                        help="a candidate touches at least N documents (default: 3)")
    parser.add_argument("--min-share", type=share, default=0.02, metavar="F",
                        help="... and at least this share of its site's documents (default: 0.02)")
    parser.add_argument("--max-docs", type=at_least(1), default=5000, metavar="N",
                        help="documents mined per site (default: 5000)")
    parser.add_argument("--format", choices=("toml", "json"), default="toml",
                        help="toml: commented rules to paste (default); json: one object per site")
    parser.add_argument("--write-packs", metavar="DIR",
                        help="also write one pack file per site, DIR/<site>.toml; one there "
                             "already is replaced only with --force (else nothing is written)")
    parser.add_argument("--force", action="store_true",
                        help="with --write-packs, replace pack files that exist in DIR (edits "
                             "made to them are lost)")
    add_read_options(parser)
    add_rule_options(parser)
    parser.set_defaults(run=run)


def select_packs(packs: list, spec: str) -> list:
    """The packs a spec names: all, none, or a comma list of kinds and ids."""
    spec = spec.strip().lower()
    if spec == "all":
        return list(packs)
    if spec in ("none", ""):
        return []
    wanted = {s.strip() for s in spec.split(",") if s.strip()}
    return [p for p in packs if p.kind in wanted or p.id.lower() in wanted]


def unknown_pack_names(packs: list, spec: str) -> list[str]:
    """The names in a spec that are neither a kind nor the id of a loaded pack (a typo would
    otherwise count fewer packs as existing rules, in silence)."""
    spec = spec.strip().lower()
    if spec in ("all", "none", ""):
        return []
    names = {p.kind for p in packs} | {p.id.lower() for p in packs}
    return [s.strip() for s in spec.split(",") if s.strip() and s.strip() not in names]


def run(args: argparse.Namespace) -> int:
    from cleaner import shapes
    from cleaner.suggest import NO_SITE, Miner, SuggestOptions

    if no_such_input(args.inputs):
        return 2
    try:
        packs = load_packs(args.rules, builtin=not args.no_builtin_rules)
    except RuleFileError as exc:
        print(f"cleaner: error: rule file {exc}", file=sys.stderr)
        return 2
    unknown = unknown_pack_names(packs, args.packs)
    if unknown:
        print(f"cleaner: error: --packs names no loaded pack: {', '.join(unknown)} (a kind: "
              "common, lang, site; or a pack id)", file=sys.stderr)
        return 2
    # A host a loaded pack claims is that pack's site, whichever packs count as existing rules:
    # its documents are mined together and its suggestions go to that pack's file.
    index = PackIndex(packs)
    claims = index.site_by_host
    site = None if args.site is None else wanted_site(args.site, packs, claims)
    if args.site is not None and site is None:
        print(f"cleaner: error: --site {args.site!r} names no site: give a url host "
              "(kompas.com) or a pack id", file=sys.stderr)
        return 2
    if args.write_packs and refuse_folder(Path(args.write_packs)):
        return 2            # said before mining: the dump may take an hour to mine
    if args.write_packs and site and refuse_existing(
            args, [pack_path(Path(args.write_packs), site)]):
        return 2            # the one site's pack is known now: no need to mine the dump first
    try:
        # Read as `cleaner clean` reads it (--lang EN is en), against every loaded pack.
        lang = cleaner_language(args.lang, index.langs)
    except ValueError:
        no_such_lang(args.lang, index.langs)        # (says why)
        return 2
    chosen = select_packs(packs, args.packs)
    cleaner = Cleaner(packs=chosen)
    # (set, not given: the packs --packs chooses may leave out --lang's, which then forces no
    # language's rules, as before; Cleaner(lang=...) refuses such a language)
    cleaner.lang = lang
    options = SuggestOptions(min_docs=args.min_docs, min_share=args.min_share, top=args.top,
                             max_docs_per_site=args.max_docs, site=site)
    miner = Miner(options, claims, partial(document_language, index))
    # What no document came of, for the message when nothing is mined: (how, what) -> count
    unread: Counter[tuple[str, str]] = Counter()
    for item in iter_inputs(args.inputs, read_options(args)):
        if isinstance(item, Reject):
            print(f"cleaner: rejected {item.where()}: {item.reason}", file=sys.stderr)
            unread["rejected", unread_unit(item)] += 1
            continue
        try:
            # A web page is mined for what remains of its article, as `clean` cleans it, not
            # for its markup.
            miner.add(clean_item_document(cleaner, item))
        except Exception as exc:  # one odd document must not end the mining
            # (in the words `clean` rejects it with: a page with no article, a bug's exception)
            print(f"cleaner: skipped {item.where()}: {internal_error(item, exc).reason}",
                  file=sys.stderr)
            unread["skipped", unread_unit(item)] += 1
    if site and not miner.sites:
        given = "" if site == args.site else f" (given as {args.site!r})"
        print(f"cleaner: error: no document of site {site!r}{given} in the input (a site is a "
              f"url's host without www., or a pack id){sites_met(site, miner.other_sites)}",
              file=sys.stderr)
        return 1
    known = {r.id for p in packs for r in p.rules} | {a for p in packs for r in p.rules
                                                      for a in r.aliases}
    results = []
    for site in sorted(miner.sites, key=lambda s: (-miner.sites[s].docs, s)):
        fresh, covered = miner.candidates(site, known)
        known |= {c.rule["id"] for c in fresh}     # ids stay unique across the whole output
        results.append((site, miner.sites[site], fresh, covered))
    if args.write_packs and refuse_existing(args, pack_paths(Path(args.write_packs), results)):
        return 2
    if args.format == "json":
        out = [{"site": site, "documents": state.docs, "mined": state.mined,
                "repeats": state.repeats,
                "candidates": [c.as_dict() for c in fresh],
                "covered": [c.as_dict() for c in covered],
                "field_lists": [{"shape": shapes.label_display(g.key), "docs": len(g.docs)}
                                for g in state.field_lists]}
               for site, state, fresh, covered in results]
        sys.stdout.buffer.write(orjson.dumps(out, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        names = ", ".join(p.id for p in chosen) or "none"
        docs = sum(s.docs for _, s, _, _ in results)
        print(f"# cleaner suggest: {counted(docs, 'document')}, "
              f"{counted(len(results), 'site')}; existing rules: {names}")
        for site, state, fresh, covered in results:
            print()
            print(format_site(site, state.docs, state.mined, fresh, covered, state.field_lists,
                              state.repeats))
    if args.write_packs:
        existing = {p.id: p.path for p in packs if p.kind == "site"}
        try:
            written = write_packs(Path(args.write_packs), results, existing)
        except OSError as exc:      # made unwritable, or a file put in its place, while mining
            print(f"cleaner: error: cannot write pack files to {args.write_packs}: {exc}",
                  file=sys.stderr)
            return 1
        unnamed = unnamed_docs(results)
        if not written:
            print(f"cleaner: error: wrote no pack file to {args.write_packs}: "
                  + (no_document_reason(unread) if not results else
                     no_host_reason(unnamed) if unnamed else
                     no_candidate_reason(miner, [site for site, *_ in results], args)
                     + _unnamed_too(results)),
                  file=sys.stderr)
            return 1
        print(f"cleaner: wrote {counted(len(written), 'pack file')} to {args.write_packs}",
              file=sys.stderr)
        if unnamed:
            print(f"note: no pack file holds the candidates of {NO_SITE}: "
                  + no_host_reason(unnamed), file=sys.stderr)
        for path in written:
            if path.stem in existing:
                print(f"cleaner: {path} is the pack {existing[path.stem]} with the suggested "
                      "rules added at its end (loaded with --rules, it takes that pack's place)",
                      file=sys.stderr)
    return 0


def wanted_site(given: str, packs: list, claims) -> str | None:
    """The site --site names, as a mined document's site is named (sitekey.site_key): a loaded
    site pack's id, the pack claiming the host (or the edition in another language its host or
    path names, claimed_site), else the host as documents' hosts are named (lower case, no www.,
    no port); None when it names no site ("", "www.")."""
    from cleaner.suggest import NO_SITE

    given = given.strip()
    ids = {p.id.lower(): p.id for p in packs if p.kind == "site"}
    if given.lower() in ids:
        return ids[given.lower()]
    if given == NO_SITE:                # the heading of documents with no site, as printed
        return given
    host = site_host(given)
    claimed = claims(host) if host else None
    if host is None or claimed is None:
        return host_key(host)
    # An edition in another language (en.goal.com, goal.com/en/) is a site of its own.
    url = given if "//" in given else f"//{given}"
    edition = url_language(url)
    langs = {p.id for p in packs if p.kind == "lang"}
    return claimed_site(claimed, host, url, edition if edition in langs else None, claims)


def no_candidate_reason(miner, sites: list[str], args: argparse.Namespace) -> str:
    """Why sites with documents got no candidate: the lines the loaded rules leave were seen in
    too few documents (--min-docs, or --min-share of a site's), said with how many, or else
    the loaded rules remove all that recurs."""
    reason = "no site had candidates the loaded rules do not already remove"
    rare = sum(miner.rare_lines(site) for site in sites)
    if not rare:
        return reason
    needed = sorted({miner.needed(site) for site in sites})
    fewer = str(needed[0]) if len(needed) == 1 else f"{needed[0]} to {needed[-1]}"
    options = f"--min-docs {args.min_docs}"
    if needed[-1] > args.min_docs:          # the share of a site's documents asked for more
        options += f", --min-share {args.min_share:g} of a site's documents"
    docs = sum(miner.sites[site].docs for site in sites)
    if all(miner.sites[site].docs < miner.needed(site) for site in sites):
        return (f"{reason}: the input holds {counted(docs, 'document')} of "
                f"{noun(len(sites), 'the site', 'its sites')}, fewer than the {fewer} a "
                f"candidate needs ({options}), so none of the {counted(rare, 'line')} the "
                f"loaded rules leave can recur in as many; give more documents of the site, or "
                "a smaller --min-docs")
    repeated = sum(miner.rare_lines(site, least=2) for site in sites)
    if not repeated:
        # (a site whose cruft the loaded rules all remove: only its articles' lines are left)
        return (f"{reason}: each of the {counted(rare, 'line')} the loaded rules leave was "
                f"seen in one document alone (the articles' own text, as a rule), and a "
                f"candidate needs {fewer} ({options}); if cruft is left, give more documents "
                "of the site")
    return (f"{reason}: {counted(repeated, 'line')} the loaded rules leave "
            f"{noun(repeated, 'was', 'were')} seen in more than one document but fewer than "
            f"{fewer}, the fewest a candidate touches ({options}); give more documents of the "
            "site, or a smaller --min-docs")


def _unnamed_too(results) -> str:
    """What the reason a site got no candidate adds where every document is of no site: more
    of them would still be named by no pack file (a lone .txt was told only to give more)."""
    from cleaner.suggest import NO_SITE

    docs = sum(state.docs for _, state, _, _ in results)
    if not docs or any(site != NO_SITE for site, *_ in results):
        return ""
    return "; and " + no_host_reason(docs)


def unnamed_docs(results) -> int:
    """How many documents have candidates but no site to name a pack file by."""
    from cleaner.suggest import NO_SITE

    return sum(state.docs for site, state, fresh, _ in results if site == NO_SITE and fresh)


def unread_unit(item) -> str:
    """What a reject or a skipped document was, as no_document_reason counts it: a record of a
    dump (its line, a WARC's record, a Parquet row), or an input taken whole (a .txt, a page,
    a file refused as a whole)."""
    return "input" if item.line is None else "record"


def sites_met(site: str, others: Counter[str], most: int = 5) -> str:
    """What a site met nowhere is told against: the input's site spelt like it ("; did you
    mean X?"), else its sites with the most documents; nothing for an input of none.

    >>> sites_met("harbourgazete.example", Counter({"harbourgazette.example": 41, "x.id": 2}))
    '; did you mean harbourgazette.example (41 documents)?'
    >>> sites_met("kompas.com", Counter({"(no site)": 3, "detik.com": 9}))
    '; the input holds detik.com (9 documents), (no site) (3 documents)'
    """
    if not others:
        return ""
    close = near_site(site, others)
    if close is not None:
        return f"; did you mean {close} ({counted(others[close], 'document')})?"
    listed = ", ".join(f"{name} ({counted(n, 'document')})" for name, n in others.most_common(most))
    more = len(others) - most
    return f"; the input holds {listed}" + (f" and {counted(more, 'other site')}" if more > 0
                                            else "")


def no_document_reason(unread: Counter[tuple[str, str]]) -> str:
    """Why an input of no document to mine gets no pack file: empty, or every record of it
    rejected or skipped (said above it, one by one), by (how, what) counts (unread_unit).

    >>> no_document_reason(Counter({("skipped", "input"): 1, ("rejected", "record"): 2}))
    'the input held no document to mine: 2 records rejected, 1 input skipped (above)'
    """
    if not unread:
        return "the input held no document"
    said = [f"{counted(count, what)} {how}" for (how, what), count in sorted(unread.items())]
    return f"the input held no document to mine: {', '.join(said)} (above)"


def no_host_reason(docs: int) -> str:
    """Why the candidates of documents without a site get no pack file, and how to give them one."""
    from cleaner.suggest import NO_SITE

    return (f"the {counted(docs, 'document')} under {NO_SITE} {noun(docs, 'has', 'have')} no url "
            "host (a text file has none, nor has a record without a url) and no loaded site "
            "pack's signature in the text, so no site pack can be named for them: give JSONL "
            "records with a `url` field (--field url=NAME reads it from another field)")


def document_language(index: PackIndex, doc) -> str | None:
    """A mined document's language, for its site's pack: as it was cleaned when a loaded
    language pack serves it, else as every loaded pack would identify it (with --packs common
    no language pack cleans it, but the pack written is loaded beside them); its url's host
    breaks a tie of stopwords as it does in clean (country_domains)."""
    lang = doc.meta.get("lang")
    return lang if lang in index.langs else index.language(doc.text, host=site_host(doc.url))


def refuse_existing(args: argparse.Namespace, paths: list[Path]) -> bool:
    """Whether pack files to be written exist and are not to be replaced (said on stderr): step
    2 of the authoring loop edits them, and mining again must not lose the edits in silence."""
    there = [path for path in paths if path.exists()]
    if not there or args.force:
        return False
    print(f"cleaner: error: pack file{'s' if len(there) > 1 else ''} already there: "
          f"{', '.join(map(str, there))}; nothing written (--force replaces "
          f"{'them' if len(there) > 1 else 'it'}, edits and all; or give --write-packs another "
          "folder)", file=sys.stderr)
    return True


def refuse_folder(folder: Path) -> bool:
    """Whether a --write-packs folder cannot be made or written in, for a file standing where
    it or a folder above it must be (said on stderr)."""
    try:
        blocker = file_in_the_way(folder)
    except OSError as exc:          # a folder above it that may not be looked in
        print(f"cleaner: error: --write-packs {folder}: {exc}", file=sys.stderr)
        return True
    if blocker is None:
        if folder.suffix.lower() == ".toml" and not folder.exists():
            # (a pack file's name: the folder it would make holds <site>.toml files)
            print(f"cleaner: error: --write-packs {folder} names a pack file: give the folder "
                  "to write one pack file per site in (it is made if missing)", file=sys.stderr)
            return True
        return False
    what = "is" if blocker == folder else f"is under {blocker}, which is"
    print(f"cleaner: error: --write-packs {folder} {what} no folder: give a folder to write "
          "pack files in (it is made if missing)", file=sys.stderr)
    return True


def file_in_the_way(folder: Path) -> Path | None:
    """The path that is no folder (a file, a link to nothing) where a folder is, or one above
    it must be made; None when it can be made or is there."""
    for path in (folder, *folder.parents):
        if path.is_dir():
            return None
        if path.exists() or path.is_symlink():
            return path
    return None


def _comment(text: str, width: int = 150) -> str:
    text = text if len(text) <= width else text[:width - 3] + "..."
    return text.replace("\n", " ")


def format_site(site: str, docs: int, mined: int, fresh: list[Candidate],
                covered: list[Candidate], field_lists=(), repeats: int = 0) -> str:
    """A site's candidates as commented TOML rules, best first."""
    from cleaner import shapes
    from cleaner.rule_toml import pack_toml, rule_toml

    out = [f"# ===== {site}: {counted(docs, 'document')}"
           + (f" ({mined} mined)" if mined < docs else "")
           + (f", {counted(repeats, 'repeated document')} left out (same url or text)"
              if repeats else "")
           + " " + "=" * max(3, 60 - len(site))]
    for cand in covered:
        rules = ", ".join(f"{r} {n}" for r, n in cand.covered_by)
        out.append(f"# already removed: {cand.shape!r} in {counted(cand.docs, 'document')} "
                   f"({cand.covered:.0%} by {rules})")
    if field_lists:
        shown = ", ".join(f"{shapes.label_display(g.key)!r} {len(g.docs)}" for g in field_lists[:6])
        out.append(f"# left out as field lists (content): {shown}")
    if not fresh:
        out.append("# no new candidates")
    for rank, cand in enumerate(fresh, start=1):
        out.append("")
        out.append(f"# [{rank}] {cand.kind}: {cand.shape!r}: {cand.docs} of "
                   f"{counted(cand.site_docs, 'document')} ({cand.share:.0%}), "
                   f"{counted(cand.lines, 'line')}")
        if cand.covered:
            rules = ", ".join(f"{r} {n}" for r, n in cand.covered_by)
            out.append(f"#     partly removed already ({cand.covered:.0%}: {rules})")
        for example in cand.examples:
            out.append(f"#   | {_comment(example)}")
        for key, words in cand.pack_words.items():
            out.append(f"#     add to the site's [pack]: {pack_toml({key: words}).partition(chr(10))[2]}")
        for note in cand.notes:
            out.append(f"#     note: {note}")
        out.append(rule_toml(cand.rule))
    return "\n".join(out)


def write_packs(folder: Path, results, existing: dict[str, str] | None = None) -> list[Path]:
    """One site pack per site with new candidates, checked by the loader after writing. A site
    that has a pack (`existing`: pack id -> its file) gets that pack with the candidates added
    at its end: loaded with --rules, a pack of the same id replaces the existing one whole, and
    its name, aliases, domains and rules would be lost."""
    from cleaner.rule_toml import pack_toml, rule_toml
    from cleaner.suggest import own_name_head, own_names

    chosen = _with_packs(results)
    if chosen:                  # (a run that writes nothing leaves no empty folder behind)
        folder.mkdir(parents=True, exist_ok=True)
    written = []
    for site, state, fresh, _ in chosen:
        path = pack_path(folder, site)
        body = "\n\n".join(pack_rule(c, rule_toml(c.rule)) for c in fresh)
        note = (f"# Suggested by `cleaner suggest` from {counted(state.docs, 'document')}: "
                "review, edit, keep what is cruft.")
        words = pack_words(fresh)
        pack_file = (existing or {}).get(site)
        if pack_file is not None:
            # (the [pack] table is the existing file's: the words are said for its author)
            if words:
                note += "\n# Add to the [pack] above: " + "; ".join(
                    pack_toml({key: value}).partition("\n")[2] for key, value in words.items())
            text = f"{Path(pack_file).read_text(encoding='utf-8').rstrip()}\n\n{note}\n\n{body}\n"
        else:
            sources = state.own_sources()
            names = own_names(site, sources)
            if names:
                note += ("\n# Its name, aliases and signature: the site's own name as "
                         f"{counted(sum(sources[n] for n in names), 'dateline')} gave it.")
            head = {"id": site, "kind": "site", "name": site, "lang": state.lang(),
                    "domains": [site], **own_name_head(names), **words}
            text = f"{note}\n{pack_toml(head)}\n\n{body}\n"
        path.write_text(text, encoding="utf-8")
        load_pack(path)
        written.append(path)
    return written


def pack_rule(cand: Candidate, toml: str) -> str:
    """A candidate's rule as a written pack holds it (`toml`: the rule's TOML), its notes above
    it; a template dropping names is written commented out: the pack, loaded as it is, keeps
    them. (A label's drop-line rule stays live: its note says which pack list makes it a meta
    rule, and a pack written again with that list gives the meta rule.)"""
    notes = "".join(f"# note: {note}\n" for note in cand.notes)
    if not cand.written_off:
        return notes + toml
    off = "".join(f"# {line}".rstrip() + "\n" for line in toml.rstrip("\n").split("\n"))
    why = ("it drops the names; write a meta rule capturing them" if cand.drops_names
           else "its lines read as sentences, maybe the articles' own; check them")
    return f"{notes}# (left commented out: {why}, or uncomment it)\n{off}"


def pack_words(fresh: list[Candidate]) -> dict[str, list[str]]:
    """The words a site's candidates need its [pack] to list ({"conjunctions": ["e"]}), merged."""
    merged: dict[str, set[str]] = {}
    for cand in fresh:
        for key, words in cand.pack_words.items():
            merged.setdefault(key, set()).update(words)
    return {key: sorted(words) for key, words in merged.items()}


def _with_packs(results) -> list:
    """The results that get a pack file: sites with new candidates."""
    from cleaner.suggest import NO_SITE

    return [r for r in results if r[2] and r[0] != NO_SITE]


def pack_path(folder: Path, site: str) -> Path:
    """The pack file of a site in a --write-packs folder."""
    return folder / f"{site}.toml"


def pack_paths(folder: Path, results) -> list[Path]:
    """The pack files write_packs writes, in its order."""
    return [pack_path(folder, site) for site, *_ in _with_packs(results)]
