"""A folder walk takes a file whose suffix is in upper case ("D.JSONL", "x.JSONL.GZ") as naming
the file does, under the same id."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.folders import folder_files
from cleaner.inputs import DEFAULT_GLOBS, Item, ReadLog, ReadOptions, expand
from cleaner.readers import iter_inputs

ARTICLE = ("Warga desa itu bergotong royong membersihkan saluran air yang tersumbat, kata kepala "
           "desa kepada wartawan pada Minggu pagi. ") * 4
PAGE = f"<html><head><title>Kabar</title></head><body><article><p>{ARTICLE}</p></article>" \
       "</body></html>"


def _mixed(suffix: str) -> str:
    """A suffix in mixed case: ".jsonl.gz" as ".jSoNl.gZ"."""
    return "".join(c.upper() if n % 2 else c for n, c in enumerate(suffix))


def _suffixes() -> list[str]:
    """The suffix of every name a folder is searched for by default ("*.jsonl.gz": ".jsonl.gz")."""
    return [glob[1:] for glob in DEFAULT_GLOBS]


def _listing(folder: Path, options: ReadOptions) -> tuple[list[tuple[str, str]], int]:
    log = ReadLog()
    return list(folder_files(folder, options, log)), log.skipped


def test_a_folder_takes_every_suffix_it_reads_in_any_case_under_the_same_ids(tmp_path):
    """Each default suffix, upper case and mixed, at the top and in a subfolder, is listed as
    the same folder with lower-case suffixes lists it: same files in order, same ids."""
    lower, other = tmp_path / "lower", tmp_path / "other"
    spellings = []                        # (the lower-case name, the other spelling)
    for n, suffix in enumerate(_suffixes()):
        for below in ("", "2019/"):
            spellings.append((f"{below}up{n}{suffix}", f"{below}up{n}{suffix.upper()}"))
            spellings.append((f"{below}mix{n}{suffix}", f"{below}mix{n}{_mixed(suffix)}"))
    for folder, which in ((lower, 0), (other, 1)):
        for pair in spellings:
            (folder / pair[which]).parent.mkdir(parents=True, exist_ok=True)
            (folder / pair[which]).write_text("isi")
    respelled = {str(lower / low): str(other / spelled) for low, spelled in spellings}
    for globs in (DEFAULT_GLOBS, ("*.txt", "*.JSONL.gz"), ("2019/*.txt",)):
        listed, skipped = _listing(other, ReadOptions(glob=globs))
        twin, twin_skipped = _listing(lower, ReadOptions(glob=globs))
        assert listed == [(respelled[path], record_id) for path, record_id in twin] and listed
        assert skipped == twin_skipped
    assert _listing(other, ReadOptions())[1] == 0


def _write_inputs(folder: Path) -> list[str]:
    """One file of each kind, its suffix in upper case; their names."""
    folder.mkdir()
    line = (json.dumps({"text": ARTICLE}) + "\n").encode()
    (folder / "A.TXT").write_text(ARTICLE)
    (folder / "D.JSONL").write_bytes(line * 2)
    (folder / "x.JSONL.GZ").write_bytes(gzip.compress(line))
    (folder / "p.HTML").write_text(PAGE)
    (folder / "q.Htm.ZST").write_bytes(zstandard.compress(PAGE.encode()))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warc_record(
        "https://desa.id/kabar", "response", payload=io.BytesIO(PAGE.encode()),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                      protocol="HTTP/1.1")))
    (folder / "c.WARC.GZ").write_bytes(buf.getvalue())
    return sorted(path.name for path in folder.iterdir())


def test_files_with_an_upper_case_suffix_in_a_folder_are_read_as_when_named(tmp_path):
    folder = tmp_path / "dump"
    names = _write_inputs(folder)
    log = ReadLog()
    from_folder = expand(iter_inputs([str(folder)], ReadOptions(), log))
    named = [item for name in names for item in expand(iter_inputs([str(folder / name)]))]
    assert from_folder == named and log.skipped == 0
    assert all(isinstance(item, Item) for item in named) and len(named) == len(names) + 1


def test_a_folder_takes_by_default_every_kind_a_named_file_is_read_as_but_json():
    from cleaner.document_files import HTML_SUFFIXES
    from cleaner.folders import _name_filter
    from cleaner.inputs import COMPRESSED_SUFFIXES
    from cleaner.jsonl_reader import JSONL_SUFFIXES
    from cleaner.parquet_io import PARQUET_SUFFIXES
    from cleaner.warc_reader import WARC_SUFFIXES

    documents = [kind + compressed for kind in (".txt", *HTML_SUFFIXES)
                 for compressed in ("", *COMPRESSED_SUFFIXES)]
    named = [*documents, *JSONL_SUFFIXES, *PARQUET_SUFFIXES, *WARC_SUFFIXES]
    wanted = _name_filter(DEFAULT_GLOBS)
    # A .json file (plain or compressed) in a folder is as likely settings as records.
    missed = [suffix for suffix in named
              if not suffix.startswith(".json.") and not wanted(f"a{suffix}", f"d/a{suffix}")]
    assert missed == []
    assert not wanted("a.json", "d/a.json")


def test_every_default_glob_names_a_kind_a_reader_takes():
    # The other way round: a file a folder walk takes by default is read, not refused as a
    # kind no reader takes (.ndjson.zstd was taken and then refused).
    from cleaner.document_files import is_html, unread_compressed
    from cleaner.inputs import without_compression
    from cleaner.jsonl_reader import is_jsonl
    from cleaner.parquet_io import is_parquet
    from cleaner.warc_reader import is_warc

    def read_as(name: str) -> str | None:
        for kind, taken in (("parquet", is_parquet), ("warc", is_warc), ("jsonl", is_jsonl)):
            if taken(name):
                return kind
        if unread_compressed(name):
            return None
        return "html" if is_html(name) else \
            "txt" if without_compression(name).endswith(".txt") else None

    refused = [glob for glob in DEFAULT_GLOBS if read_as("a" + glob[1:]) is None]
    assert refused == []
