"""Throughput and memory of `cleaner clean`, against the way this work is done without it.

    .venv/bin/python bench/throughput.py [--size-mb 100] [--dev PATH] [--cache DIR]
                                         [--baseline-mb 8] [--only NAME ...] [--repeat 3]

Builds a JSONL of at least --size-mb MB from the IndoSum dev articles (--dev, default
/work/shared/data/indosum-dev.jsonl, else the labelled sample in fixtures/) and the seed fixtures,
then copies of them with fresh ids and about half their words swapped (--copies varied, the
default: no line repeats, as in a real dump; --copies exact repeats them word for word), in a
cache folder (not in the repository). Then, each in its own process:

  workers-1     cleaner clean, every rule pack, 1 worker (cleaning in-process)
  workers-2     the same with 2 workers
  extra-1000    1 worker, with 1,000 extra realistic rules (site-style boilerplate that rarely
                matches) in a pack that applies to every document
  baseline      what a user writes today: ftfy.fix_text on every document, then each rule's
                pattern (Python `re`) tried on every line in turn (on the first --baseline-mb MB)
  baseline+1000 the baseline with extra-1000's rules too (on a quarter of --baseline-mb)
  half-size     1 worker on half the data: peak memory must not grow with the input
  split-2       two 1-worker runs at once, one on each half of the data: what any way of
                using 2 cores could reach on this machine and this data, so that workers-2
                is read against it (each run learns from half the copies, as each worker does)
  shards-zst-2  2 workers writing what a large run writes: numbered .jsonl.zst shards with the
                checkpoint manifest (-o DIR --shard-size 100000 --format jsonl.zst)
  files-1       1 worker on a folder of .txt files, one article each (the first --files
                documents of the data, in folders of 1,000): a dump of plain text files, where
                every file is opened and the site is found from the text (no url)
  files-2       the same with 2 workers
  one-line-1    1 worker on one document in one line, as large as the default
                --max-record-bytes takes (the data's texts joined by spaces): a dump that lost
                its line breaks, where a stage that is quadratic in a line's length shows
                (split_glued took 114 s on 32 MB while it copied the rest of the line at each stop)
  giant-2       2 workers on four records at the default --max-record-bytes (in one line, as
                paragraphs, and twice as paragraphs opened by an emoji, which Python holds at 4
                bytes a character): the most memory any input takes with the defaults
  parquet-2     workers-2 on the data as Parquet (one row group, as pyarrow writes it; MB/s
                in the JSONL's bytes)
  giant-parquet-2      giant-2's records as the rows of one Parquet row group, 2 workers
  giant-parquet-out-2  giant-2 writing Parquet (-o giant.parquet)
  giant-zst-2          giant-2 writing zstd-compressed JSONL (-o giant.jsonl.zst); with the
                two above, the most memory the other formats take with the defaults
  compiled-N    workers-N with the compiled build (CLEANER_COMPILE=1: the same source compiled
                with mypyc), built once per version of the source in the cache folder; left
                out, with the reason, where it cannot be built (no C compiler)
  compiled-split-2  split-2 with the compiled build: the ceiling compiled-2 is read against
  io-only-N     the machinery alone (a cleaner that returns its input), N workers: the ceiling
                that reading, batching, worker traffic, ordering and writing set

MB/s and documents/s are end to end: process start to exit, input bytes on disk. The package's
bytecode is written first, as an install writes it, so that no run compiles its modules. CPU is the user
and system seconds of the run's processes together. Peak memory is the highest total RSS of the
process and its workers, sampled every 50 ms from /proc, and the highest RSS of any single one
of them. The total RSS counts a page the processes share (the libraries, pyarrow's 40 MB among
them, and what a worker shares with the process it was forked from) once in each; the peak PSS,
sampled with it, splits each shared page among the processes sharing it: the memory the run
takes from the machine. Prints a table; --json PATH writes the figures too.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "build_support"))

from cleaner.inputs import MAX_RECORD_BYTES  # noqa: E402
from cleaner.rulefile import load_packs  # noqa: E402
from compiled_tree import build_compiled_tree  # noqa: E402  (build_support/)
from varied_copies import Vocabulary, vary  # noqa: E402  (bench/, this script's folder)

DEFAULT_DEV = Path("/work/shared/data/indosum-dev.jsonl")
FALLBACK_DEV = ROOT / "fixtures" / "indosum" / "labelled.jsonl"
TARGETS = {"per_core_mb_s": 30.0, "two_worker_speedup": 1.7, "extra_rules_slowdown": 1.5,
           "peak_mb": 400.0}
# giant-2's records: two opened by an emoji, the most memory a record of their size can take.
GIANT_KINDS = ("emoji", "lines", "emoji", "one-line")


# -- the data -----------------------------------------------------------------------------------

def build_data(size_mb: float, dev: Path, cache: Path, copies: str = "varied") -> Path:
    """The benchmark's input: the articles, then copies of them until `size_mb` MB. "varied"
    copies have their words swapped (bench/varied_copies.py), so that no line repeats as in a
    real dump; "exact" ones repeat the articles word for word (RE2's states built on the first
    copy then serve every later one)."""
    cache.mkdir(parents=True, exist_ok=True)
    suffix = "" if copies == "exact" else f"-{copies}"
    path = cache / f"bench-{int(size_mb)}mb{suffix}.jsonl"
    if path.exists() and path.stat().st_size >= size_mb * 1e6:
        return path
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line]
    for seed in sorted((ROOT / "fixtures").glob("*/*.txt")):
        rows.append({"id": seed.stem, "text": seed.read_text(encoding="utf-8")})
    vocabulary = Vocabulary.build((row["text"] for row in rows), load_packs())
    rng = random.Random(11)
    tmp = path.with_suffix(".tmp")
    written, copy = 0, 0
    with open(tmp, "wb") as f:
        while written < size_mb * 1e6:
            for row in rows:
                row = dict(row, id=f"{row['id']}~{copy}")
                if copy and copies == "varied":
                    row["text"] = vary(row["text"], vocabulary, rng)
                line = json.dumps(row, ensure_ascii=False).encode() + b"\n"
                f.write(line)
                written += len(line)
            copy += 1
    os.replace(tmp, path)
    return path


def half_data(path: Path) -> Path:
    """The first half of the data, to the end of the line at its middle byte."""
    half = path.with_name(path.stem + "-half.jsonl")
    if not half.exists():
        size = path.stat().st_size // 2
        with open(path, "rb") as src, open(half, "wb") as dst:
            dst.write(src.read(size))
            dst.write(src.readline())
    return half


def second_half(path: Path) -> Path:
    """The rest of the data after half_data(path): the two together are the data."""
    first = half_data(path)
    second = path.with_name(path.stem + "-half2.jsonl")
    if not second.exists():
        with open(path, "rb") as src, open(second.with_suffix(".tmp"), "wb") as dst:
            src.seek(first.stat().st_size)
            shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(second.with_suffix(".tmp"), second)
    return second


def files_data(path: Path, count: int) -> Path:
    """The first `count` documents of the data as .txt files, 1,000 to a folder (000/000123.txt)."""
    folder = path.with_name(f"{path.stem}-files-{count}")
    if not folder.exists():
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        with open(path, "rb") as f:
            for number, line in zip(range(count), f):
                sub = tmp / f"{number // 1000:03d}"
                sub.mkdir(parents=True, exist_ok=True)
                (sub / f"{number:06d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
        os.replace(tmp, folder)
    return folder


def giant_text(path: Path, limit: int, one_line: bool = False, emoji: bool = False) -> str:
    """A text whose JSON line is just under `limit` bytes: the data's texts, one after another as
    paragraphs, or (`one_line`) each line joined to the next by a space, as in a dump that lost
    its line breaks or a whole book. With `emoji`, an emoji opens it: Python then holds the
    whole text at 4 bytes a character, the most memory a text of that size can take."""
    pieces, size, sep = ["\U0001F600"] if emoji else [], 0, " " if one_line else "\n\n"
    with open(path, "rb") as f:
        for line in f:
            text = json.loads(line)["text"]
            text = " ".join(text.split("\n")) if one_line else text
            pieces.append(text)
            size += len(json.dumps(text, ensure_ascii=False).encode("utf-8"))
            if size >= limit:
                break
    text = sep.join(pieces)
    while True:       # escapes make the line longer than the text: cut until the line fits
        line = json.dumps({"id": "giant", "text": text}, ensure_ascii=False).encode("utf-8")
        if len(line) < limit:
            return text
        text = text[:len(text) * (limit - 4096) // len(line)]


def giant_data(path: Path, kinds: tuple[str, ...]) -> Path:
    """Records just under the default --max-record-bytes, one per kind: "one-line" (no line
    breaks), "lines" (the articles as paragraphs), "emoji" (paragraphs, 4 bytes a character)."""
    limit = MAX_RECORD_BYTES
    out = path.with_name(f"{path.stem}-giant-{'-'.join(kinds)}-{limit >> 20}.jsonl")
    if not out.exists():
        tmp = out.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for number, kind in enumerate(kinds):
                text = giant_text(path, limit, one_line=kind == "one-line", emoji=kind == "emoji")
                f.write(json.dumps({"id": f"giant-{number}-{kind}", "text": text},
                                   ensure_ascii=False) + "\n")
        os.replace(tmp, out)
    return out


def parquet_copy(path: Path) -> Path:
    """A JSONL's records as the rows of a Parquet file, in one row group (pyarrow's default up
    to a million rows): a reader of row groups meets every giant row of it at once."""
    out = path.with_suffix(".parquet")
    if not out.exists():
        import pyarrow as pa
        import pyarrow.parquet as pq

        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        tmp = out.with_suffix(".tmp")
        pq.write_table(pa.Table.from_pylist(records), tmp)
        os.replace(tmp, out)
    return out


def folder_bytes(folder: Path) -> int:
    return sum(file.stat().st_size for file in folder.rglob("*.txt"))


# -- 1,000 extra rules --------------------------------------------------------------------------

WORDS = ("berita terkini video foto galeri simak lihat ikuti klik unduh aplikasi promo diskon "
         "langganan newsletter kanal portal redaksi iklan sponsor pilihan populer terpopuler "
         "rekomendasi editor pembaca komentar tanggapan survei kuis hadiah undian jadwal siaran "
         "streaming podcast infografis kolom opini tajuk sorotan liputan khusus eksklusif").split()


def extra_rules_file(folder: Path, count: int = 1000, seed: int = 7) -> Path:
    """`count` rules of the shapes site packs use, with words and numbers that rarely occur."""
    rng = random.Random(seed)
    lines = ['[pack]', 'id = "bench-extra"', 'kind = "common"',
             'name = "1,000 synthetic site-style rules for the benchmark"', '']
    for i in range(count):
        a, b, c = rng.sample(WORDS, 3)
        site = f"{rng.choice(WORDS)}{i}"
        shape = i % 10
        if shape < 5:
            action, where = "drop-line", "any"
            pattern = f"^(?:{a.title()}|{b.title()}) {c} di {site}\\.com\\b.*$"
            example = f"{a.title()} {c} di {site}.com sekarang"
        elif shape < 7:
            action, where = "drop-span", "any"
            pattern = f"\\((?:{a}|{b}) {site}\\)"
            example = f"Isi berita ({a} {site}) lanjut."
        elif shape < 8:
            action, where = "drop-tail", "tail"
            pattern = f"^{a.title()} {b} {site}:"
            example = f"{a.title()} {b} {site}: daftar artikel"
        else:
            action, where = "drop-line", "head"
            pattern = f"^{a.upper()} {site.upper()} - {b}\\b"
            example = f"{a.upper()} {site.upper()} - {b} terbaru"
        lines += ["[[rule]]", f'id = "bench-extra/rule-{i:04d}"', f'action = "{action}"',
                  f'where = "{where}"', f"pattern = '{pattern}'", f"remove = [{json.dumps(example)}]",
                  ""]
    path = folder / "bench-extra.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# -- the baseline: ftfy on everything, then every rule on every line ----------------------------

def _python_pattern(pattern: str) -> str:
    """An RE2 pattern in Python `re` syntax (Unicode classes the way `re` can say them)."""
    return (pattern.replace(r"\pL", r"[^\W\d_]").replace(r"\p{L}", r"[^\W\d_]")
            .replace(r"\pN", r"\d").replace(r"\p{N}", r"\d").replace(r"\p{Lu}", "[A-Z]")
            .replace(r"\p{Ll}", "[a-z]"))


def baseline(path: Path, limit_mb: float, extra_rules: Path | None) -> dict:
    import ftfy

    packs = load_packs([extra_rules] if extra_rules else [], builtin=True)
    compiled, skipped = [], 0
    for pack in packs:
        for rule in pack.rules:
            flags = 0 if rule.case_sensitive else re.IGNORECASE
            try:
                compiled.append((rule.action, re.compile(_python_pattern(rule.pattern), flags)))
            except re.error:
                skipped += 1
    docs = size = 0
    started = time.perf_counter()
    with open(path, "rb") as f:
        for raw in f:
            if size >= limit_mb * 1e6:
                break
            size += len(raw)
            docs += 1
            text = ftfy.fix_text(json.loads(raw)["text"])
            out = []
            for line in text.split("\n"):
                for action, regex in compiled:
                    if not line:
                        break
                    if action == "drop-line" or action == "drop-tail":
                        if regex.search(line):
                            line = ""
                    else:
                        line = regex.sub("", line)
                if line:
                    out.append(line)
            json.dumps({"text": "\n\n".join(out)})
    seconds = time.perf_counter() - started
    return {"docs": docs, "bytes": size, "seconds": seconds, "rules": len(compiled),
            "rules_skipped": skipped}


# -- the machinery alone: a cleaner that does nothing ------------------------------------------

class NullCleaner:
    """Returns the text as it is: what is left is reading, batching, workers, ordering, writing."""

    def clean(self, text, url=None, id=None, **fields):
        return {"id": id, "text": text, "meta": {"site": None}, "removed": [], "flags": []}


def null_factory():
    return NullCleaner()


def run_null_inner(data: Path, workers: int, out: Path) -> None:
    from cleaner.run import execute
    from cleaner.run_config import RunConfig

    execute(RunConfig(inputs=[str(data)], output=str(out), factory=null_factory, quiet=True,
                      workers=workers))


# -- running and measuring a process ------------------------------------------------------------

def _children(pid: int) -> list[int]:
    """A process's children: from /proc/PID/task/*/children where the kernel has it (cheap), else
    from every process's parent in /proc/*/stat."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
        found: list[int] = []
        for task in tasks:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found.extend(int(child) for child in f.read().split())
        return found
    except FileNotFoundError:
        pass
    except OSError:
        return []
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _tree_rss_kb(pid: int) -> tuple[int, int, int]:
    """RSS of a process and all its descendants together, of the largest one, and their PSS
    together, from /proc (smaps_rollup; where the kernel has none, the PSS is their RSS).

    The summed RSS counts a page shared by several processes (the libraries and the pages a
    worker shares with the process it was forked from) once per process; the PSS splits it
    among them, so that their sum is what the run takes from the machine.

    Sampling must cost little: with every core busy (2 workers on 2 cores) whatever the sampler
    takes is taken from the run being measured."""
    total, largest, proportional, stack, seen = 0, 0, 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        rss = pss = None
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss = int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss = int(line.split()[1])
                        break
        except OSError:
            try:
                with open(f"/proc/{p}/status") as f:
                    rss = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")),
                               None)
            except OSError:
                continue
        if rss is not None:
            total += rss
            largest = max(largest, rss)
            proportional += pss if pss is not None else rss
        stack.extend(_children(p))
    return total, largest, proportional


def measure(*cmds: list[str], cwd: Path = ROOT, every: float = 0.05) -> dict:
    """Run the commands at once (in `cwd`, whose package `python -m` runs) and wait for all:
    seconds until the last exits, CPU seconds of all their processes, peak memory of all of them
    together and of the largest one (sampled `every` seconds), and the first command's
    output."""
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)     # waited-for descendants too
        return usage.ru_utime + usage.ru_stime

    cpu_before, started = cpu(), time.perf_counter()
    procs = [subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for cmd in cmds]
    peak = {"kb": 0, "one": 0, "pss": 0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            sizes = [_tree_rss_kb(proc.pid) for proc in procs]
            peak["kb"] = max(peak["kb"], sum(total for total, _, _ in sizes))
            peak["one"] = max(peak["one"], max(largest for _, largest, _ in sizes))
            peak["pss"] = max(peak["pss"], sum(pss for _, _, pss in sizes))
            done.wait(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    outputs = [proc.communicate() for proc in procs]
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    for cmd, proc, (_, err) in zip(cmds, procs, outputs):
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    return {"seconds": seconds, "cpu_s": cpu() - cpu_before, "peak_tree_mb": peak["kb"] / 1024,
            "peak_process_mb": peak["one"] / 1024, "peak_pss_mb": peak["pss"] / 1024,
            "stdout": outputs[0][0].decode()}


def _clean_command(data: Path, out: Path, stats: Path, workers: int, rules: Path | None = None,
                   shards: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "cleaner.cli", "clean", str(data), "-o", str(out), "-q",
           "--workers", str(workers), "--stats", str(stats)]
    if rules:
        cmd += ["--rules", str(rules)]
    if shards:
        cmd += ["--shard-size", "100000", "--format", "jsonl.zst"]
    return cmd


def _row(name: str, workers: int, docs: int, size: int, result: dict, **more) -> dict:
    return {"name": name, "workers": workers, "docs": docs, "bytes": size,
            "seconds": result["seconds"], "mb_s": size / 1e6 / result["seconds"],
            "docs_s": docs / result["seconds"], "cpu_s": result["cpu_s"],
            "peak_tree_mb": result["peak_tree_mb"], "peak_process_mb": result["peak_process_mb"],
            "peak_pss_mb": result["peak_pss_mb"],
            **more}


def run_cleaner(name: str, data: Path, workdir: Path, workers: int, rules: Path | None = None,
                shards: bool = False, package: Path = ROOT, giant: bool = False,
                suffix: str = ".jsonl", same_as: Path | None = None) -> dict:
    """One `cleaner clean` run; `package`: the folder whose cleaner runs (a compiled tree).
    `giant`: a few giant records, whose memory peaks last a fraction of a second (sampled every
    5 ms, not 50), and each of which must be cleaned, not refused, for the peak to count.
    `suffix`: the output file's, which chooses its format. `same_as`: the JSONL `data` is a
    copy of, whose size MB/s are counted in (a Parquet file is compressed)."""
    out, stats = workdir / (name if shards else f"{name}{suffix}"), workdir / f"{name}.stats.json"
    result = measure(_clean_command(data, out, stats, workers, rules, shards), cwd=package,
                     every=0.005 if giant else 0.05)
    figures = json.loads(stats.read_text())
    if giant and (figures["rejected"] or not figures["written"]):
        raise SystemExit(f"{name}: {figures['rejected']} of the giant records refused: "
                         f"{figures['reject_reasons']}")
    if shards:
        shutil.rmtree(out)
    else:
        out.unlink()
    size = folder_bytes(data) if data.is_dir() else (same_as or data).stat().st_size
    return _row(name, workers, figures["documents_read"], size, result,
                stages=figures.get("stage_seconds", {}))


def compile_bytecode(package: Path) -> None:
    """Write the package's bytecode, as an install does. Where the environment forbids writing
    it (PYTHONDONTWRITEBYTECODE, which this machine sets), every run would otherwise compile
    each module it imports anew: 0.1 s of a run's start, a twentieth of a 2-worker run on 100 MB
    (measured)."""
    compileall.compile_dir(package, quiet=1)


def compiled_package(cache: Path) -> Path | None:
    """The compiled build of the source as it is now, built in the cache on first use; None
    (with the reason printed) where it cannot be built."""
    # The tree holds a copy of the rules too: a rule changed is a tree to build again.
    sources = [*sorted((ROOT / "cleaner").glob("*.py")), *sorted((ROOT / "rules").rglob("*.toml")),
               ROOT / "setup.py"]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    tree = cache / f"compiled-{digest}"
    done = tree / "BUILT"
    if not done.exists():
        print(f"building the compiled package in {tree} (about 2 minutes) ...", file=sys.stderr)
        try:
            build_compiled_tree(tree)
        except (RuntimeError, OSError) as exc:
            print(f"compiled cases left out: {exc}", file=sys.stderr)
            return None
        done.touch()
    return tree


def run_split(data: Path, workdir: Path, name: str = "split-2", package: Path = ROOT) -> dict:
    """Two 1-worker runs at once, on the two halves of the data (of the package in `package`)."""
    halves = (half_data(data), second_half(data))
    outs = [workdir / f"split-{i}.jsonl" for i in (1, 2)]
    stats = [workdir / f"split-{i}.stats.json" for i in (1, 2)]
    result = measure(*(_clean_command(half, out, stat, 1)
                       for half, out, stat in zip(halves, outs, stats)), cwd=package)
    docs = sum(json.loads(stat.read_text())["documents_read"] for stat in stats)
    for out in outs:
        out.unlink()
    return _row(name, 2, docs, sum(half.stat().st_size for half in halves), result,
                note="two 1-worker processes at once, one on each half: the 2-core ceiling")


def run_null(data: Path, workdir: Path, workers: int) -> dict:
    out = workdir / "null.jsonl"
    cmd = [sys.executable, str(Path(__file__)), "--run-null", str(data), "--null-workers",
           str(workers), "--null-out", str(out)]
    result = measure(cmd)
    out.unlink()
    size = data.stat().st_size
    docs = sum(1 for _ in open(data, "rb"))
    return _row(f"io-only-{workers}", workers, docs, size, result,
                note="no cleaning: read, batch, send to workers, order, serialize, write")


def run_baseline(data: Path, limit_mb: float, workdir: Path, rules: Path | None) -> dict:
    cmd = [sys.executable, str(Path(__file__)), "--run-baseline", str(data), "--baseline-mb",
           str(limit_mb)]
    if rules:
        cmd += ["--baseline-rules", str(rules)]
    result = measure(cmd)
    inner = json.loads(result["stdout"].strip().splitlines()[-1])
    name = "baseline+1000" if rules else "baseline"
    return {"name": name, "workers": 1, "docs": inner["docs"], "bytes": inner["bytes"],
            "seconds": inner["seconds"], "mb_s": inner["bytes"] / 1e6 / inner["seconds"],
            "docs_s": inner["docs"] / inner["seconds"], "cpu_s": result["cpu_s"],
            "peak_tree_mb": result["peak_tree_mb"], "peak_process_mb": result["peak_process_mb"],
            "peak_pss_mb": result["peak_pss_mb"],
            "note": f"{inner['rules']} rules as Python re ({inner['rules_skipped']} not "
                    "expressible), timed without start-up"}


def main(argv: list[str] | None = None) -> int:
    # (the docstring's case list is the help's epilog: --only takes those names)
    cases_doc = __doc__[__doc__.index("  workers-1"):__doc__.index("\nMB/s and documents/s")]
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="cases (--only NAME ...; all by default):\n" + cases_doc)
    parser.add_argument("--size-mb", type=float, default=100,
                        help="MB of JSONL to build and clean (default: 100)")
    parser.add_argument("--dev", type=Path,
                        default=DEFAULT_DEV if DEFAULT_DEV.exists() else FALLBACK_DEV,
                        help="the articles the data is built from (default: the IndoSum dev "
                             "set in ../shared/data, else fixtures/indosum/labelled.jsonl)")
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
                        / "cleaner-bench",
                        help="where the data and the compiled build are kept between runs "
                             "(default: ~/.cache/cleaner-bench)")
    parser.add_argument("--copies", choices=("varied", "exact"), default="varied",
                        help="how the articles are repeated up to --size-mb: with their words "
                             "swapped so that no line repeats (default), or word for word")
    parser.add_argument("--baseline-mb", type=float, default=8,
                        help="MB of input the (slow) baseline runs on (default: 8)")
    parser.add_argument("--files", type=int, default=20000,
                        help="documents in the folder of .txt files (files-1, files-2; "
                             "default: 20000)")
    parser.add_argument("--only", nargs="*", help="run only these cases")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of every case, interleaved (default: 3); the fastest run of "
                             "each case is reported with the slowest beside it (timings on a "
                             "shared machine vary by a third from run to run)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--run-baseline", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--baseline-rules", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run-null", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--null-workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--null-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run_null:
        run_null_inner(args.run_null, args.null_workers, args.null_out)
        return 0

    if args.run_baseline:
        print(json.dumps(baseline(args.run_baseline, args.baseline_mb, args.baseline_rules)))
        return 0

    data = build_data(args.size_mb, args.dev, args.cache, args.copies)
    print(f"data: {data} ({data.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        workdir = Path(tmp)
        extra = extra_rules_file(workdir)
        wanted = set(args.only or ())
        compiled = (compiled_package(args.cache)
                    if not wanted or any(name.startswith("compiled-") for name in wanted)
                    else None)
        for package in (ROOT, compiled):
            if package is not None:
                compile_bytecode(package / "cleaner")
        cases = {
            "workers-1": lambda: run_cleaner("workers-1", data, workdir, 1),
            "workers-2": lambda: run_cleaner("workers-2", data, workdir, 2),
            "extra-1000": lambda: run_cleaner("extra-1000", data, workdir, 1, extra),
            "half-size": lambda: run_cleaner("half-size", half_data(data), workdir, 1),
            "split-2": lambda: run_split(data, workdir),
            "shards-zst-2": lambda: run_cleaner("shards-zst-2", data, workdir, 2, shards=True),
            "one-line-1": lambda: run_cleaner("one-line-1", giant_data(data, ("one-line",)),
                                              workdir, 1, giant=True),
            "giant-2": lambda: run_cleaner("giant-2", giant_data(data, GIANT_KINDS), workdir, 2,
                                           giant=True),
            "parquet-2": lambda: run_cleaner("parquet-2", parquet_copy(data), workdir, 2,
                                             same_as=data),
            "giant-parquet-2": lambda: run_cleaner(
                "giant-parquet-2", parquet_copy(giant_data(data, GIANT_KINDS)), workdir, 2,
                giant=True),
            "giant-parquet-out-2": lambda: run_cleaner(
                "giant-parquet-out-2", giant_data(data, GIANT_KINDS), workdir, 2, giant=True,
                suffix=".parquet"),
            "giant-zst-2": lambda: run_cleaner("giant-zst-2", giant_data(data, GIANT_KINDS),
                                               workdir, 2, giant=True, suffix=".jsonl.zst"),
            "files-1": lambda: run_cleaner("files-1", files_data(data, args.files), workdir, 1),
            "files-2": lambda: run_cleaner("files-2", files_data(data, args.files), workdir, 2),
            "compiled-1": lambda: run_cleaner("compiled-1", data, workdir, 1, package=compiled),
            "compiled-2": lambda: run_cleaner("compiled-2", data, workdir, 2, package=compiled),
            "compiled-split-2": lambda: run_split(data, workdir, "compiled-split-2", compiled),
            "io-only-1": lambda: run_null(data, workdir, 1),
            "io-only-2": lambda: run_null(data, workdir, 2),
            "baseline": lambda: run_baseline(data, args.baseline_mb, workdir, None),
            "baseline+1000": lambda: run_baseline(data, args.baseline_mb / 4, workdir, extra),
        }
        if unknown := sorted(wanted - set(cases)):
            parser.error(f"no case named {', '.join(unknown)} (the cases: {', '.join(cases)})")
        runs: dict[str, list[dict]] = {}
        for round_ in range(1, args.repeat + 1):
            for name, case in cases.items():
                if args.only and name not in args.only:
                    continue
                if name.startswith("compiled-") and compiled is None:
                    continue
                print(f"round {round_}/{args.repeat}: {name} ...", file=sys.stderr)
                runs.setdefault(name, []).append(case())
        for results in runs.values():
            best = dict(min(results, key=lambda r: r["seconds"]))
            best["runs"] = len(results)
            best["slowest_mb_s"] = min(r["mb_s"] for r in results)
            best["peak_tree_mb"] = max(r["peak_tree_mb"] for r in results)
            best["peak_process_mb"] = max(r["peak_process_mb"] for r in results)
            best["peak_pss_mb"] = max(r["peak_pss_mb"] for r in results)
            rows.append(best)
    ratios = round_ratios(runs)
    print_table(rows, ratios)
    if args.json:
        args.json.write_text(json.dumps({"cases": rows, "round_ratios": ratios}, indent=2))
    return 0


# (name, faster case, slower case): the ratios the targets are about.
RATIOS = (("two_worker_speedup", "workers-2", "workers-1"),
          ("split_speedup", "split-2", "workers-1"),
          ("workers_vs_split", "workers-2", "split-2"),
          ("extra_rules_slowdown", "workers-1", "extra-1000"),
          ("vs_baseline", "workers-1", "baseline"),
          ("compiled_speedup", "compiled-1", "workers-1"),
          ("compiled_two_worker_speedup", "compiled-2", "compiled-1"),
          ("compiled_split_speedup", "compiled-split-2", "compiled-1"))


def round_ratios(runs: dict[str, list[dict]]) -> dict[str, list[float]]:
    """Each ratio of MB/s within each round: the two runs of a pair ran one after the other, so
    a machine that slows down for a while slows both, where fastest against fastest may pair a
    lucky run with an unlucky one."""
    out = {}
    for name, top, bottom in RATIOS:
        pairs = list(zip(runs.get(top, []), runs.get(bottom, [])))
        if pairs:
            out[name] = [round(a["mb_s"] / b["mb_s"], 3) for a, b in pairs]
    return out


def _spread(values: list[float]) -> str:
    """Median and range of per-round ratios."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return f"per round: median {median:.2f} ({ordered[0]:.2f} to {ordered[-1]:.2f})"


def print_table(rows: list[dict], ratios: dict[str, list[float]] | None = None) -> None:
    by = {r["name"]: r for r in rows}
    print(f"{'case':<20} {'workers':>7} {'MB':>7} {'docs':>8} {'s':>7} {'CPU s':>7} {'MB/s':>7} "
          f"{'slowest':>7} {'docs/s':>8} {'peak tree MB':>12} {'peak PSS MB':>11} "
          f"{'peak proc MB':>12}")
    for r in rows:
        print(f"{r['name']:<20} {r['workers']:>7} {r['bytes'] / 1e6:>7.1f} {r['docs']:>8} "
              f"{r['seconds']:>7.1f} {r['cpu_s']:>7.1f} {r['mb_s']:>7.2f} "
              f"{r.get('slowest_mb_s', r['mb_s']):>7.2f} {r['docs_s']:>8.0f} "
              f"{r['peak_tree_mb']:>12.0f} {r['peak_pss_mb']:>11.0f} "
              f"{r['peak_process_mb']:>12.0f}")
        if r.get("note"):
            print(f"{'':<20} {r['note']}")
    one = by.get("workers-1")
    if one:
        print()
        print(f"per core: {one['mb_s']:.1f} MB/s (target >= {TARGETS['per_core_mb_s']})")
        ratios = ratios or {}

        def spread(name: str) -> str:
            return f"; {_spread(ratios[name])}" if len(ratios.get(name, ())) > 1 else ""

        if "workers-2" in by:
            print(f"2 workers: {by['workers-2']['mb_s'] / one['mb_s']:.2f}x one worker, fastest "
                  f"against fastest{spread('two_worker_speedup')} "
                  f"(target >= {TARGETS['two_worker_speedup']})")
        if "split-2" in by:
            print(f"two 1-worker runs on the halves at once: {by['split-2']['mb_s'] / one['mb_s']:.2f}x "
                  f"one worker{spread('split_speedup')} (what 2 cores give on this data)")
            if "workers-2" in by:
                print(f"2 workers against the two runs on halves: "
                      f"{by['workers-2']['mb_s'] / by['split-2']['mb_s']:.2f}x"
                      f"{spread('workers_vs_split')}")
        if "extra-1000" in by:
            print(f"1,000 extra rules: {one['mb_s'] / by['extra-1000']['mb_s']:.2f}x slower"
                  f"{spread('extra_rules_slowdown')} "
                  f"(target <= {TARGETS['extra_rules_slowdown']})")
        if "baseline" in by:
            print(f"cleaner vs baseline, one core: {one['mb_s'] / by['baseline']['mb_s']:.1f}x"
                  f"{spread('vs_baseline')}")
        if "compiled-1" in by:
            fast = by["compiled-1"]
            print(f"compiled build: {fast['mb_s']:.1f} MB/s per core, "
                  f"{fast['mb_s'] / one['mb_s']:.2f}x the pure one{spread('compiled_speedup')}")
            if "compiled-2" in by:
                print(f"compiled, 2 workers: {by['compiled-2']['mb_s'] / fast['mb_s']:.2f}x one "
                      f"worker{spread('compiled_two_worker_speedup')}")
            if "compiled-split-2" in by:
                print(f"compiled, two 1-worker runs on the halves at once: "
                      f"{by['compiled-split-2']['mb_s'] / fast['mb_s']:.2f}x one worker"
                      f"{spread('compiled_split_speedup')}")
        stages = one.get("stages") or {}
        if stages:
            print("stage seconds (1 worker): " + ", ".join(f"{k} {v:.1f}" for k, v in
                                                           sorted(stages.items())))
    peaks = [r["peak_tree_mb"] for r in rows]
    if peaks:
        print(f"peak memory: {max(peaks):.0f} MB, all processes of a run together, shared pages "
              f"counted in each ({max(r['peak_pss_mb'] for r in rows):.0f} MB as PSS, shared "
              f"pages split among them) (target < {TARGETS['peak_mb']:.0f})")


if __name__ == "__main__":
    sys.exit(main())
