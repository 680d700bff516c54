"""JSON lines that are nearly right are read, or refused with a reason that says how to read
them: lines in a legacy charset (--encoding), raw control characters inside strings, CR-only
line ends, a record over the size limit named by its id, an empty text beside a page; and a bug
that raises TypeError is not taken for a record JSON cannot hold."""

from __future__ import annotations

import gzip
import io
import json
import math

import orjson
import pytest

from cleaner.batches import internal_error, process_batch
from cleaner.cli import main
from cleaner.inputs import Item, ReadOptions, Reject, expand
from cleaner.jsonl_reader import read_jsonl, read_jsonl_blocks, sure_leading_id
from cleaner.readers import iter_inputs

ARTICLE = ("Jakarta - Harga cabai rawit di pasar induk naik dua kali lipat pekan ini, kata "
           "pedagang. Pemerintah berjanji menggelar operasi pasar. ({})")
# Smart quotes and a dash (windows-1252 only), accents (both charsets).
CP1252_TEXT = ("\u201cKami siap,\u201d kata Menteri \u2013 Jakarta, Senin. Caf\u00e9 d\u00e9j\u00e0 "
               "ferm\u00e9. ")
LATIN1_TEXT = "S\u00e3o Paulo - Caf\u00e9 d\u00e9j\u00e0 ferm\u00e9, na\u00efve fa\u00e7ade. "


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def _records(path, *args) -> tuple[list[dict], list[dict]]:
    """The records and the rejects a clean run of `path` writes."""
    out = path.parent / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", *args]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    said = path.parent / "out.jsonl.rejects.jsonl"
    rejects = [json.loads(line) for line in
               (said.read_text().splitlines() if said.exists() else ())]
    return records, rejects


def _read(path, **options) -> list:
    return list(expand(iter_inputs([str(path)], ReadOptions(**options))))


def _legacy_dump(tmp_path, codec: str, text: str):
    path = tmp_path / f"{codec}.jsonl"
    lines = [_line({"id": f"w{n}", "text": text * 4 + ARTICLE.format(n)}) for n in range(3)]
    lines.insert(1, _line({"id": "plain", "text": ARTICLE.format("ascii")}))
    path.write_bytes("\n".join(lines).encode(codec) + b"\n")
    return path


@pytest.mark.parametrize("codec,text", [("cp1252", CP1252_TEXT), ("latin-1", LATIN1_TEXT)])
@pytest.mark.parametrize("named", [True, False], ids=["--encoding CODEC", "--encoding auto"])
def test_a_legacy_charset_jsonl_is_read_with_encoding(tmp_path, codec, text, named):
    path = _legacy_dump(tmp_path, codec, text)
    records, rejects = _records(path, "--encoding", codec if named else "auto")
    assert not rejects
    assert [r["id"] for r in records] == ["w0", "plain", "w1", "w2"]
    assert all(text.split()[0] in r["text"] for r in records if r["id"] != "plain")
    # The charset is named as a .txt file's is; a line that was UTF-8 (ASCII) names none. One
    # charset for the file: the one named, or the one `auto` settled at its first line not UTF-8.
    said = {r["id"]: r.get("encoding") for r in records}
    assert said["plain"] is None
    charsets = {said[key] for key in ("w0", "w1", "w2")}
    assert len(charsets) == 1, charsets
    # (Latin-1 is read as windows-1252, as browsers read it: the record names what read it)
    assert said["w0"] == "cp1252" if named else said["w0"] in ("cp1252", "latin-1", "iso-8859-1")


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_every_read_path_decodes_the_lines(tmp_path, defer_parse, suffix):
    path = _legacy_dump(tmp_path, "cp1252", CP1252_TEXT)
    if suffix == ".jsonl.gz":
        path = path.with_suffix(suffix)
        path.write_bytes(gzip.compress((tmp_path / "cp1252.jsonl").read_bytes()))
    items = [item.parsed() if hasattr(item, "parsed") else item
             for item in _read(path, encoding="cp1252", defer_parse=defer_parse)]
    assert [type(item).__name__ for item in items] == ["Item"] * 4
    assert items[0].text.startswith(CP1252_TEXT) and items[0].fields["encoding"] == "cp1252"


def test_without_encoding_the_reject_says_how_to_read_it(tmp_path):
    path = _legacy_dump(tmp_path, "cp1252", CP1252_TEXT)
    records, rejects = _records(path)
    assert [r["id"] for r in records] == ["plain"]
    assert len(rejects) == 3
    reason = rejects[0]["reason"]
    assert reason.startswith("invalid UTF-8 at byte 22 of the line")
    assert "--encoding auto" in reason and "iconv -f" in reason


def test_a_utf8_file_with_one_bad_line_keeps_every_other_line_as_it_was(tmp_path):
    path = tmp_path / "dump.jsonl"
    good = [_line({"id": f"u{n}", "text": "Caf\u00e9 \u201cbaru\u201d. " + ARTICLE.format(n)})
            for n in range(4)]
    bad = _line({"id": "bad", "text": ARTICLE.format("x")}).encode().replace(b"pasar", b"pas\xe4r")
    path.write_bytes(b"\n".join([good[0].encode(), good[1].encode(), bad, good[2].encode(),
                                 good[3].encode()]) + b"\n")
    plain, _ = _records(path)
    for option in ("auto", "cp1252"):
        records, _ = _records(path, "--encoding", option)
        assert [r for r in records if r["id"] != "bad"] == plain
        assert all("encoding" not in r for r in plain)


def test_an_encoding_that_does_not_read_the_line_says_so(tmp_path):
    path = tmp_path / "dump.jsonl"
    # 0x81 is no character in windows-1252.
    path.write_bytes(b'{"id": "x", "text": "Harga \x81 naik."}\n')
    [reject] = _read(path, encoding="cp1252")
    assert isinstance(reject, Reject)
    assert reject.reason.startswith("invalid UTF-8 at byte 27 of the line, and not cp1252 text")


@pytest.mark.parametrize("control", ["\t", "\r", "\x01", "\x1f"])
@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_a_raw_control_character_in_a_string_is_read_as_if_escaped(tmp_path, control,
                                                                    defer_parse):
    escaped = _line({"id": "t1", "title": f"Banjir{control}surut", "text":
                     f"Jakarta - Banjir surut.{control}Warga kembali ke rumah. " + ARTICLE.format(1)})
    raw = escaped.replace(json.dumps(control)[1:-1], control)
    assert raw != escaped
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "d.jsonl").write_text(escaped + "\n" + _line({"id": "r2", "text": "x"}))
    (tmp_path / "b" / "d.jsonl").write_text(raw + "\n" + _line({"id": "r2", "text": "x"}))
    workers = ["--workers", "2"] if defer_parse else []
    assert _records(tmp_path / "b" / "d.jsonl", *workers) == \
        _records(tmp_path / "a" / "d.jsonl", *workers)
    [item, _] = [i.parsed() if hasattr(i, "parsed") else i
                 for i in _read(tmp_path / "b" / "d.jsonl", defer_parse=defer_parse)]
    assert isinstance(item, Item) and control in item.text
    assert item.fields["title"] == f"Banjir{control}surut"


def test_raw_tabs_between_values_and_inside_strings_are_read(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id":\t"t1",\t"text": "Banjir\tsurut.\x01 Warga pulang."}\n')
    [item] = _read(path)
    assert isinstance(item, Item) and item.text == "Banjir\tsurut.\x01 Warga pulang."


def test_a_control_character_outside_a_string_is_still_broken_json(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": "t1",\x01 "text": "Banjir surut."}\n')
    [reject] = _read(path)
    assert isinstance(reject, Reject) and reject.reason.startswith("broken JSON")


def test_control_characters_and_nan_together_are_read(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": "t1", "score": NaN, "text": "Banjir\tsurut. Warga pulang."}\n')
    [item] = _read(path)
    assert isinstance(item, Item) and item.text == "Banjir\tsurut. Warga pulang."
    assert math.isnan(item.fields["score"])       # (written as null)


def test_cr_only_line_ends_are_named_in_the_reject(tmp_path):
    path = tmp_path / "cr.jsonl"
    path.write_bytes(b"\r".join(_line({"id": f"r{n}", "text": ARTICLE.format(n)}).encode()
                                for n in range(3)) + b"\r")
    for defer_parse in (False, True):
        [reject] = [i.parsed() if hasattr(i, "parsed") else i
                    for i in _read(path, defer_parse=defer_parse)]
        assert isinstance(reject, Reject) and reject.line == 1
        assert reject.reason.startswith("broken JSON: unexpected content after document")
        assert "carriage returns (CR) alone" in reject.reason
        assert "tr '\\r' '\\n'" in reject.reason


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
def test_a_cr_only_file_over_the_record_limit_names_its_line_ends_too(tmp_path, defer_parse):
    path = tmp_path / "cr.jsonl"
    path.write_bytes(b"\r".join(_line({"id": f"r{n}", "text": ARTICLE.format(n)}).encode()
                                for n in range(30)) + b"\r")
    [reject] = _read(path, max_record_bytes=1000, defer_parse=defer_parse)
    assert isinstance(reject, Reject) and "carriage returns (CR) alone" in reject.reason
    assert f"tr '\\r' '\\n' < {path} > {tmp_path / 'cr.lf.jsonl'}" in reject.reason


OVERSIZE = [_line({"id": "big-1", "text": ARTICLE.format(1) * 3}),
            _line({"id": "ok-1", "text": "Banjir surut."})]


@pytest.mark.parametrize("defer_parse", [False, True], ids=["one reader", "workers"])
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
@pytest.mark.parametrize("limit", [100, 300, 1 << 19])
def test_a_record_over_the_size_limit_is_rejected_with_its_id(tmp_path, defer_parse, suffix,
                                                              limit):
    big = _line({"id": "big-1", "text": ARTICLE.format(1) * (1 + limit // 100)})
    data = (big + "\n" + OVERSIZE[1] + "\n").encode()
    path = tmp_path / f"d{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    items = _read(path, max_record_bytes=limit, defer_parse=defer_parse)
    reject = items[0]
    assert isinstance(reject, Reject) and reject.reason.startswith("record longer than")
    assert (reject.line, reject.id) == (1, "big-1")


@pytest.mark.parametrize("size,cap,ended", [(5000, 3000, True), (5000, 3000, False),
                                            (2500, 2400, True)])
def test_a_block_read_line_over_the_limit_across_reads_is_named_too(size, cap, ended):
    # A line no read ends in within the limit; one the read that ends it takes past the limit.
    big = _line({"id": "big-1", "text": "a" * size}).encode()
    data = big + b"\n" + OVERSIZE[1].encode() + b"\n" if ended else big
    stream = io.BufferedReader(io.BytesIO(data))
    [reject, *_] = read_jsonl_blocks(stream, "s.jsonl", ReadOptions(defer_parse=True,
                                                                    max_record_bytes=cap),
                                     block_size=1024)
    assert isinstance(reject, Reject) and reject.reason.startswith("record longer than")
    assert reject.id == "big-1"


@pytest.mark.parametrize("line", [
    b'{"id": "a", "text": "' + b"x" * 500 + b'", "id": "b"}',        # a second id key
    b'{"id": "a", "text": "' + b"x" * 500 + b'", "meta": {"\\u0069d": 1}}',
    b'{"text": "' + b"x" * 500 + b'", "id": "a"}',                    # not the first key
    b'{"id": "a", "text": "' + b"x" * 500,                           # not ended as an object
])
def test_an_over_size_line_whose_id_is_unsure_has_none(line):
    stream = io.BufferedReader(io.BytesIO(line + b"\n"))
    [reject] = read_jsonl(stream, "s.jsonl", ReadOptions(max_record_bytes=100))
    assert isinstance(reject, Reject) and reject.id is None


@pytest.mark.parametrize("key", [b'"id"', b'"\\u0069d"'])
def test_a_key_split_between_the_head_and_the_rest_of_a_skipped_line_is_seen(key):
    line = b'{"id": "a", "text": "' + b"x" * 200 + b'", ' + key + b': "b"}'
    at = line.rfind(key)
    for part in range(1, len(key)):
        stream = io.BufferedReader(io.BytesIO(line + b"\n"))
        # (the head read is the limit plus one byte: `part` bytes of the key)
        [reject] = read_jsonl(stream, "s.jsonl", ReadOptions(max_record_bytes=at + part - 1))
        assert isinstance(reject, Reject) and reject.id is None, part


def test_explain_finds_the_over_size_record_by_its_id(tmp_path, capsys):
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(OVERSIZE) + "\n")
    assert main(["explain", str(path), "--id", "big-1", "--max-record-bytes", "100",
                 "--color", "never"]) == 1
    err = capsys.readouterr().err
    assert f"rejected {path}:1 (id big-1): record longer than 100 bytes" in err


def test_sure_leading_id_lives_with_the_jsonl_reader():
    from cleaner import batches

    assert batches.sure_leading_id is sure_leading_id
    assert sure_leading_id(b'{"id": "a", "text": "x"}', ReadOptions()) == "a"


def test_stats_count_the_bytes_of_a_line_over_the_limit(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(_line({"id": "big", "text": "a" * (3 << 20)}) + "\n")
    stats = tmp_path / "stats.json"
    assert main(["clean", str(path), "-o", str(tmp_path / "o.jsonl"), "-q",
                 "--max-record-bytes", "1000", "--stats", str(stats)]) == 0
    assert json.loads(stats.read_text())["bytes"] >= 3 << 20       # (it counted 1 MB)


PAGE = ("<html><head><title>Banjir</title></head><body><article><p>Harga beras naik lagi di "
        "pasar induk pada pekan ini karena pasokan yang berkurang dari daerah penghasil utama."
        "</p><p>Pedagang mengatakan kenaikan ini sudah terjadi sejak awal bulan dan "
        "diperkirakan berlanjut hingga bulan depan.</p></article></body></html>")


@pytest.mark.parametrize("text", [None, "", "  \n "])
def test_an_empty_text_beside_a_page_reads_the_page(tmp_path, text):
    path = tmp_path / "d.jsonl"
    path.write_text(_line({"id": "p", "url": "https://x.example/a", "text": text, "html": PAGE})
                    + "\n")
    [item] = _read(path)
    assert isinstance(item, Item) and item.kind == "html" and item.text == PAGE


@pytest.mark.parametrize("html", [None, "", " ", 5])
def test_an_empty_text_without_a_page_is_still_an_empty_document(tmp_path, html):
    path = tmp_path / "d.jsonl"
    path.write_text(_line({"id": "p", "text": "", "html": html}) + "\n")
    [reject] = _read(path)
    assert isinstance(reject, Reject) and reject.reason == "empty document"


def test_a_text_beside_a_page_is_still_read_as_text(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(_line({"id": "p", "text": ARTICLE.format(1), "html": PAGE}) + "\n")
    [item] = _read(path)
    assert isinstance(item, Item) and item.kind == "text" and "html" in item.fields


class _Raises:
    """A cleaner whose cleaning raises TypeError, as a bug in a stage does."""

    def clean(self, text, url=None, id=None, **fields):
        raise TypeError("Matcher.search() missing 1 required positional argument: 'in_last'")


def test_a_type_error_of_cleaning_is_an_internal_error():
    result = process_batch(_Raises(), [Item("d.jsonl", 3, "x", {"id": "c3"}, 1)])
    [(kind, reject)] = result.outcomes
    assert kind == "reject"
    assert reject["reason"] == ("internal error: TypeError: Matcher.search() missing 1 required "
                                "positional argument: 'in_last'")
    assert internal_error(Item("d.jsonl", 3, "x", {}, 1), orjson.JSONEncodeError("x")).reason \
        == "internal error: TypeError: x"


def test_a_record_json_cannot_hold_is_still_said_so():
    class Deep:
        def clean(self, text, url=None, id=None, **fields):
            value: list = []
            for _ in range(300):
                value = [value]
            return {"id": id, "text": text, "meta": {}, "removed": [], "flags": [], "x": value}

    [(kind, reject)] = process_batch(Deep(), [Item("d.jsonl", 3, "x", {"id": "c3"}, 1)]).outcomes
    assert kind == "reject"
    assert reject["reason"].startswith("cannot write the record as JSON: Recursion limit")
