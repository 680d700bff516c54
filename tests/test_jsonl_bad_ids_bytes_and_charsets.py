"""JSONL reading's findings of a review, each with the reviewer's reproducer.

- an over-size line whose leading id is no JSON text (a lone surrogate escape, bytes that are
  not UTF-8) is rejected with no id: it stopped a run of 2 workers with a traceback, and cost 1
  worker every later line of the file;
- a JSONL line that is UTF-8 but for a bad sequence or two (a character cut short) is a reject
  that says so, under `--encoding auto` and a named charset alike: decoded as windows-1251 or
  windows-1252, its every good character was garbled ("—" -> "вЂ”");
- `--encoding auto` settles one charset per file, at its first line that is not UTF-8: lines of
  one windows-1252 file were read as cp1252, cp1250 and cp1257;
- the control-character fallback escapes no backslash's raw control character (an invalid
  escape stays a reject, whatever raw TAB came before it), and a line it cannot read is
  rejected for what its last reading met (a truncated line for its end, not its TAB), at the
  position in the line as written;
- fixture_workflow and cli_explain take the nothing-visible test from cleaner.document.
"""

from __future__ import annotations

import ast
import io
import json
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.inputs import Item, ReadOptions, Reject, expand
from cleaner.jsonl_reader import read_jsonl, read_jsonl_blocks, sure_leading_id
from cleaner.readers import iter_inputs

ROOT = Path(__file__).resolve().parent.parent
OK = (b'{"id": "ok%d", "text": "Berita hari ini tentang banjir di Jakarta yang melanda rumah '
      b'warga."}')
BODY = b"Berita hari ini tentang banjir di Jakarta. " * 40


def _run(path: Path, *args: str) -> tuple[list[dict], list[dict]]:
    """The records and the rejects `cleaner clean` writes of `path`."""
    out = path.parent / f"out{abs(hash(args))}.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", *args]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    said = Path(f"{out}.rejects.jsonl")
    rejects = [json.loads(line) for line in
               (said.read_text().splitlines() if said.exists() else ())]
    return records, rejects


def _items(path: Path, **options) -> list:
    return [item.parsed() if hasattr(item, "parsed") else item
            for item in expand(iter_inputs([str(path)], ReadOptions(**options)))]


# 1. An over-size line's id that is no JSON text.

BAD_IDS = [b'"\\ud83d"', b'"\xff\xfe"', b'"ab\xc3"', b'"\\udc00x"']


@pytest.mark.parametrize("value", BAD_IDS)
def test_sure_leading_id_of_an_id_that_is_no_json_text_is_none(value):
    assert sure_leading_id(b'{"id": ' + value + b', "text": "x"}', ReadOptions()) is None


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize("reader", ["lines", "blocks"])
def test_an_over_size_line_with_a_bad_id_is_a_reject_without_id(value, reader):
    data = b"\n".join([OK % 1, b'{"id": ' + value + b', "text": "' + BODY + b'"}', OK % 2,
                       OK % 3]) + b"\n"
    stream = io.BufferedReader(io.BytesIO(data))
    options = ReadOptions(max_record_bytes=1000, defer_parse=reader == "blocks")
    if reader == "blocks":
        found = [record for block in read_jsonl_blocks(stream, "s.jsonl", options, block_size=256)
                 for record in (block.records() if hasattr(block, "records") else [block])]
        found = [r.parsed() if hasattr(r, "parsed") else r for r in found]
    else:
        found = list(read_jsonl(stream, "s.jsonl", options))
    assert [type(r).__name__ for r in found] == ["Item", "Reject", "Item", "Item"]
    assert found[1].id is None and found[1].reason.startswith("record longer than 1000 bytes")
    assert [r.fields["id"] for r in found if isinstance(r, Item)] == ["ok1", "ok2", "ok3"]


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("value", [b'"\\ud83d"', b'"\xff\xfe"'])
def test_a_run_writes_every_record_beside_an_over_size_line_with_a_bad_id(tmp_path, workers,
                                                                         value):
    path = tmp_path / "over_id.jsonl"
    path.write_bytes(b"\n".join([OK % 1, b'{"id": ' + value + b', "text": "' + BODY * 20 + b'"}',
                                 OK % 2, OK % 3]) + b"\n")
    records, rejects = _run(path, "--workers", workers, "--max-record-bytes", "1000")
    assert [r["id"] for r in records] == ["ok1", "ok2", "ok3"]
    assert [(r["line"], r["reason"][:28]) for r in rejects] == [(2, "record longer than 1000 byte")]
    assert "id" not in rejects[0] or rejects[0]["id"] is None


# 2. A line that is UTF-8 but for a bad sequence or two.

GOOD = "Warga Jakarta mengungsi \u2014 banjir setinggi 1 meter merendam rumah di Kampung Melayu."
PT = "A sele\u00e7\u00e3o brasileira venceu a Argentina por 2 a 0 neste domingo em S\u00e3o Paulo."
DAMAGED = [
    ("cut", GOOD.encode() + b" \xe2\x80"),                                   # a dash cut short
    ("cesu", GOOD.encode() + b" \xed\xa0\xbd\xed\xb8\x80"),                   # CESU-8's emoji
    ("pt", PT.encode() + b" \xc3"),
]


def _damaged_file(tmp_path) -> Path:
    path = tmp_path / "utf8_bad.jsonl"
    lines = [json.dumps({"id": "good", "text": GOOD}, ensure_ascii=False).encode()]
    lines += [b'{"id": "%s", "text": "%s"}' % (key.encode(), text) for key, text in DAMAGED]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("encoding", ["auto", "cp1252", "cp1251"])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_line_that_is_utf8_but_for_a_bad_sequence_is_a_reject(tmp_path, encoding, workers):
    records, rejects = _run(_damaged_file(tmp_path), "--encoding", encoding,
                            "--workers", workers)
    assert [r["id"] for r in records] == ["good"]
    assert [r["line"] for r in rejects] == [2, 3, 4]
    for reject in rejects:
        assert reject["reason"].startswith("invalid UTF-8 at byte ")
        assert "UTF-8 but for" in reject["reason"], reject["reason"]
        assert "\u0432\u0402" not in reject["reason"]


def test_the_reviewers_one_bad_line_is_a_reject_under_a_named_charset(tmp_path):
    path = tmp_path / "utf8_onebad.jsonl"
    text = "S\u00e3o Paulo recebe a F\u00f3rmula 1 neste domingo; ingressos esgotados."
    path.write_bytes(b'{"id": "u1", "text": "%s"}\n{"id": "u2", "text": "%s \xe2\x80"}\n'
                     % (text.encode(), text.encode()))
    for encoding in ("auto", "cp1252", "shift_jis"):
        records, rejects = _run(path, "--encoding", encoding)
        assert [r["id"] for r in records] == ["u1"], encoding
        assert [r["line"] for r in rejects] == [2]
        assert "1 bad sequence" in rejects[0]["reason"]


def test_a_legacy_line_with_a_chance_utf8_pair_is_still_decoded(tmp_path):
    # "CAFÉ”" in windows-1252 is C9 94, a valid UTF-8 pair; the line's other accents are not.
    text = ("\u201eCAF\u00c9\u201d: Le pr\u00e9sident a d\u00e9clar\u00e9 que la r\u00e9forme "
            "\u00e9tait pr\u00eate.")
    path = tmp_path / "fr.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": text}, ensure_ascii=False)
                     .encode("cp1252") + b"\n")
    records, rejects = _run(path, "--encoding", "cp1252")
    assert not rejects and records[0]["text"] == text


# 3. One charset per file.

MIXED = [("a", "Le pr\u00e9sident a d\u00e9clar\u00e9 mercredi que la r\u00e9forme serait "
               "pr\u00e9sent\u00e9e \u00e0 l'Assembl\u00e9e nationale."),
         ("b", "na\u00efve caf\u00e9 r\u00e9sum\u00e9"),
         ("c", "\u00de\u00f3r and \u00d0a\u00f0")]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_auto_settles_one_charset_per_file_at_its_first_line_not_utf8(tmp_path, workers):
    path = tmp_path / "mixed_guess.jsonl"
    lines = [json.dumps({"id": "u", "text": "Plain ASCII first."})]
    lines += [json.dumps({"id": key, "text": text}, ensure_ascii=False) for key, text in MIXED]
    path.write_bytes("\n".join(lines).encode("cp1252") + b"\n")
    records, rejects = _run(path, "--encoding", "auto", "--workers", workers)
    assert not rejects
    assert {r["id"]: r.get("encoding") for r in records} == {"u": None, "a": "cp1252",
                                                             "b": "cp1252", "c": "cp1252"}
    assert [r["text"] for r in records[1:]] == [text for _, text in MIXED]


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_lines_before_the_settling_line_are_read_as_auto_reads_them(tmp_path, defer_parse):
    # A first line that is not UTF-8 but UTF-8 damaged settles nothing: it is a reject, and
    # the file's charset is the guess of the next one.
    path = tmp_path / "d.jsonl"
    lines = [b'{"id": "cut", "text": "%s \xe2\x80"}' % GOOD.encode(),
             json.dumps({"id": "a", "text": MIXED[0][1]}, ensure_ascii=False).encode("cp1252"),
             json.dumps({"id": "c", "text": MIXED[2][1]}, ensure_ascii=False).encode("cp1252")]
    path.write_bytes(b"\n".join(lines) + b"\n")
    found = _items(path, encoding="auto", defer_parse=defer_parse)
    assert [type(r).__name__ for r in found] == ["Reject", "Item", "Item"]
    assert [r.fields["encoding"] for r in found[1:]] == ["cp1252", "cp1252"]
    assert found[2].text == MIXED[2][1]


# 4. The control-character fallback.

LEAD = "Berita hari ini tentang banjir di Jakarta yang melanda banyak rumah warga."


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_backslash_before_a_raw_control_stays_an_invalid_escape(tmp_path, workers):
    path = tmp_path / "ctrl2.jsonl"
    lead = LEAD.encode()
    path.write_bytes(b"\n".join([
        b'{"id": "tab-then-bs-tab", "text": "' + lead + b'\tfile C:\\\tdir"}',
        b'{"id": "tab-then-bs-cr", "text": "' + lead + b'\tA\\\rB"}',
        b'{"id": "shift", "text": "' + lead + b'\tX\\\t", "url": "u"}',
        b'{"id": "even", "text": "' + lead + b'\tC:\\\\\tdir"}',            # "\\" then a TAB
    ]) + b"\n")
    records, rejects = _run(path, "--workers", workers)
    assert [r["id"] for r in records] == ["even"]
    assert [r["line"] for r in rejects] == [1, 2, 3]
    for reject in rejects:
        assert reject["reason"].startswith("broken JSON: invalid escaped sequence in string"), \
            reject["reason"]
    # (at the backslash, as the line is written, not where the TAB before it escaped moved it)
    first = path.read_bytes().split(b"\n")[0].decode()
    assert rejects[0]["reason"].endswith(f"(char {first.index('C:') + 2})")


@pytest.mark.parametrize("line,said", [
    (b'{"id": "trunc-tab", "text": "' + LEAD.encode() + b'\tmore', "unexpected end of data"),
    (b'{"id": "trunc-tab2", "text": "' + LEAD.encode() + b'\tmore", "url": "http://x',
     "unexpected end of data"),
])
def test_a_truncated_line_with_a_raw_tab_is_rejected_for_its_end(tmp_path, line, said):
    path = tmp_path / "ctrl.jsonl"
    path.write_bytes(line + b"\n")
    [reject] = _items(path)
    assert isinstance(reject, Reject)
    assert reject.reason.startswith(f"broken JSON: {said}"), reject.reason
    # (the position is the line's own, its end, not that of the line with its TAB escaped)
    assert reject.reason.endswith(f"(char {len(line.decode())})")


def test_an_invalid_escape_alone_is_still_said_so():
    stream = io.BufferedReader(io.BytesIO(b'{"id": "bs-tab", "text": "C:\\\tdir"}\n'))
    [reject] = read_jsonl(stream, "s.jsonl", ReadOptions())
    assert reject.reason.startswith("broken JSON: invalid escaped sequence in string")


# 6. The nothing-visible test's home.

@pytest.mark.parametrize("module", ["fixture_workflow", "cli_explain"])
def test_the_nothing_visible_test_is_imported_from_the_document(module):
    tree = ast.parse((ROOT / "cleaner" / f"{module}.py").read_text(encoding="utf-8"))
    sources = {alias.name: node.module for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert sources["NOTHING_VISIBLE"] == sources["nothing_visible"] == "cleaner.document"
