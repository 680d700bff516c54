"""One agency, one spelling: a source that is a wire agency of the packs' `agencies` is written in
meta.source as the pack lists it ('Bernama', 'Reuters', 'ANTARA'), whatever case the dateline or
the closing credit wrote it in; a site pack's name still wins, and other sources stay as written.
India's wires (IANS, ANI) are the English pack's: a byline naming one gives the source, no author."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.metadata import MetaSink
from cleaner.rulefile import Pack, RuleFileError, load_pack, load_packs

MALAY_LEAD = ("Kerajaan akan memperuntukkan RM2 bilion bagi membaiki sekolah usang di seluruh "
              "negara tahun ini, kata Menteri Pendidikan.")
MALAY_BODY = ("Beliau berkata peruntukan itu akan diagihkan kepada sekolah yang paling "
              "memerlukan, terutamanya di kawasan luar bandar, kerana bangunannya sudah usang.")
INDONESIAN = ("Harga beras di sejumlah pasar tradisional naik sejak pekan lalu karena pasokan dari "
              "daerah berkurang, kata pedagang.\n\nMenurut Kepala Dinas Perdagangan, pemerintah "
              "sudah menyiapkan operasi pasar untuk menekan harga yang terus naik.")


@pytest.fixture(scope="module")
def malay():
    return Cleaner(lang="ms")


@pytest.mark.parametrize("text", [
    f"KUALA LUMPUR, 3 April (Bernama) -- {MALAY_LEAD}\n\n{MALAY_BODY}",
    f"KUALA LUMPUR, 3 April (BERNAMA) -- {MALAY_LEAD}\n\n{MALAY_BODY}",
    f"{MALAY_LEAD}\n\n{MALAY_BODY}\n\n-- BERNAMA",
    f"{MALAY_LEAD}\n\n{MALAY_BODY} -Bernama",
    f"{MALAY_LEAD}\n\n{MALAY_BODY}\n\n-- BERNAMA\n\n",
])
def test_bernama_is_one_spelling_from_a_dateline_or_a_closing_credit(malay, text):
    record = malay.clean(text)
    assert record["meta"]["source"] == "Bernama"
    assert "BERNAMA" not in record["text"] and "(Bernama)" not in record["text"]


@pytest.mark.parametrize("credit, source", [
    ("(REUTERS)", "Reuters"), ("(XINHUA)", "Xinhua"), ("(KYODO)", "Kyodo"), ("(AFP)", "AFP"),
    ("(ANTARA)", "ANTARA"),
])
def test_an_indonesian_closing_credit_of_a_wire_is_written_as_the_packs_list_it(cleaner, credit,
                                                                                 source):
    record = cleaner.clean(f"{INDONESIAN}\n\n{credit}")
    assert record["meta"]["lang"] == "id"
    assert record["meta"]["source"] == source


def test_a_malay_credit_that_is_no_listed_agency_stays_as_written(malay):
    record = malay.clean(f"{MALAY_LEAD}\n\n{MALAY_BODY}\n\n– UTUSAN ONLINE")
    assert record["meta"]["source"] == "UTUSAN ONLINE"


def _pack(kind: str, pack_id: str, **fields) -> Pack:
    return Pack(id=pack_id, kind=kind, path=f"{pack_id}.toml", **fields)


def test_the_sink_writes_a_listed_agency_as_listed_and_a_site_name_before_it():
    common = _pack("common", "c", agencies=frozenset({"dpa", "antara"}),
                   agency_names=("dpa", "Antara"))
    site = _pack("site", "antaranews.com", name="ANTARA", aliases=("Antara News",),
                 domains=("antaranews.com",))
    sink = MetaSink([common, site])
    assert sink.source_name("DPA") == "dpa"
    assert sink.source_name("  dPa ") == "dpa"
    assert sink.source_name("antara") == "ANTARA"        # the site pack's name wins
    assert sink.source_name("Agence X") == "Agence X"    # not listed: as written


def test_the_sink_takes_packs_given_as_a_generator_and_odd_values_without_raising():
    sink = MetaSink(p for p in [_pack("lang", "ms", agency_names=("Bernama",))])
    assert sink.source_name("BERNAMA") == "Bernama"
    for value in ["", "   ", "\x00", "B" * 100_000, "bernama\u200b"]:
        assert isinstance(sink.source_name(value), str)


def test_the_shipped_packs_keep_their_agencies_spelling():
    names = {name for pack in load_packs() for name in pack.agency_names}
    assert {"Bernama", "Reuters", "ANTARA", "AFP", "AP", "dpa"} <= names
    for pack in load_packs():
        assert {name.lower() for name in pack.agency_names} == set(pack.agencies)


@pytest.mark.parametrize("agencies", ['[""]', '["Bernama", "  "]', '[1]', '"Bernama"'])
def test_a_pack_with_a_blank_or_bad_agency_is_refused_or_read_as_a_list(tmp_path: Path, agencies):
    path = tmp_path / "lang" / "xx.toml"
    path.parent.mkdir()
    path.write_text(f'[pack]\nid = "xx"\nkind = "lang"\nagencies = {agencies}\n', "utf-8")
    if agencies == '"Bernama"':       # one name alone is a list of one, as every word list reads
        assert load_pack(path).agency_names == ("Bernama",)
    else:
        with pytest.raises(RuleFileError, match="agencies"):
            load_pack(path)


ENGLISH_TITLE = "Monsoon Rains Flood Low-Lying Districts Of The Capital"
ENGLISH_BODY = ("Heavy monsoon rains flooded several low-lying districts of the capital on Monday, "
                "officials said, and schools in the worst-hit areas were closed for the day.")


@pytest.mark.parametrize("byline, authors, source", [
    ("By IANS", [], "IANS"),                  # the Indian wires of en.toml's agencies
    ("By ANI", [], "ANI"),
    ("By Jane Doe, IANS", ["Jane Doe"], "IANS"),
    ("By Ani", ["Ani"], None),                # an acronym counts in capitals only: Ani is a name
    ("By Ians", ["Ians"], None),
])
def test_an_indian_wire_in_a_byline_is_the_source_and_no_author(cleaner, byline, authors, source):
    record = cleaner.clean(f"{ENGLISH_TITLE}\n\n{byline}\n\n{ENGLISH_BODY}")
    assert record["meta"]["lang"] == "en"
    assert (record["meta"]["authors"], record["meta"]["source"]) == (authors, source)
    assert record["text"] == ENGLISH_BODY


def test_the_english_pack_lists_the_indian_wires_and_the_common_one_does_not():
    packs = {pack.id: pack for pack in load_packs()}
    assert {"IANS", "ANI"} <= set(packs["en"].agency_names)
    assert not {"IANS", "ANI"} & set(packs["common"].agency_names)


@pytest.mark.parametrize("byline", ["Penulis: ANI", "Reporter: ANI", "Pewarta: ANI"])
def test_ani_in_capitals_is_an_indonesian_author(cleaner, byline):
    # (the third review: with ANI a common agency, a capitals byline lost its author)
    body = ("Harga beras di pasar induk naik lagi pada pekan ini karena pasokan dari daerah "
            "penghasil berkurang, kata pedagang.")
    record = cleaner.clean(f"{body}\n\n{byline}", url="https://kompas.com/a")
    assert record["meta"]["authors"] == ["ANI"] and record["meta"]["source"] is None
