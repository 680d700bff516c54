"""A text's headline line ends with its site's name where it was the page's <title> (a Common Crawl
WET record's first line): meta.title is the headline without it, as a web page's title is."""

from __future__ import annotations

import json

import pytest

from cleaner.cli import main
from cleaner.pipeline import Cleaner
from test_warc_records import warc_record

URL = "https://www.cnnindonesia.com/internasional/20160829/jet-tempur-swiss-hilang"
BODY = ("Jakarta, CNN Indonesia -- Sebuah jet tempur milik Angkatan Udara Swiss hilang saat "
        "latihan di pegunungan Alpen pada Senin (29/8). Pihak militer masih mencari pesawat "
        "tersebut dan pilotnya.\n\nPesawat itu lepas landas dari pangkalan udara Meiringen dan "
        "hilang dari radar tidak lama kemudian, kata juru bicara militer.")


def test_a_wet_records_title_line_loses_the_site_name_after_it(tmp_path):
    text = f"Jet Tempur Swiss Hilang Saat Latihan - CNN Indonesia\n{BODY}\n"
    path = tmp_path / "crawl.warc.wet"
    path.write_bytes(warc_record("conversion", URL, text.encode(), "text/plain"))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(path), "-o", str(out), "-q", "--workers", "1"]) == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["meta"]["title"] == "Jet Tempur Swiss Hilang Saat Latihan"
    assert record["removed"][0]["text"] == "Jet Tempur Swiss Hilang Saat Latihan - CNN Indonesia"


@pytest.mark.parametrize("headline", ["Timnas Jepang - Indonesia Imbang di Tokyo",
                                      "Saham Teknologi Naik - Kompas.com",
                                      "Wawancara Eksklusif: CNN Indonesia"])
def test_a_last_part_that_is_not_the_sites_name_stays_in_the_title(headline):
    record = Cleaner().clean(f"{headline}\n\n{BODY}", url=URL)
    assert record["meta"]["title"] == headline
