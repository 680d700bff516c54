"""The language an input declares (a `lang` field, --field lang=NAME, a page's <html lang>,
og:locale or content-language) is a hint: taken where the text bears it out (its stopwords of
that language are a fair share and no fewer than another's, or the text is too short to judge),
overruled where they clearly name another, kept in meta.lang where no pack serves it."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.declared_language import language_code
from cleaner.identify import SHORT_TEXT_WORDS

# A box score: no language's stopwords, so the stopwords alone give it no language.
SCORES = "Persija 2-1 Persib\nPSM 0-0 Bali United\nArema 3-2 Persebaya"
ENGLISH = ("The government said on Monday that the new school policy would be announced after "
           "the meeting with the provincial governors, which was held in Jakarta.")
INDONESIAN = ("Pemerintah mengumumkan kebijakan baru untuk sekolah pada hari Senin, yang akan "
              "berlaku setelah rapat dengan para gubernur di Jakarta.")
# Written only in words Malay and Indonesian share: a tie (tests/test_near_languages.py).
SHARED_WORDS = ("Harga beras naik lagi di pasar induk pada pekan ini menurut para pedagang yang "
                "ditemui di Jakarta.")
# Photo captions: 66 words, none a stopword, too many to say nothing if they were Indonesian.
PHOTOS = "".join(f"<p>Foto {i}: Warga Kampung Melayu, Jakarta Timur, Senin (3/2/2020). "
                 "ANTARA/Reno Esnir</p>" for i in range(6))
# One caption: with the page's heading, under SHORT_TEXT_WORDS words, too few to judge.
CAPTION = "<p>Foto: Warga Kampung Melayu, Jakarta Timur. ANTARA/Reno Esnir</p>"
PORTUGUESE = ["O presidente anunciou nesta segunda-feira um novo pacote de medidas econômicas "
              "para conter a inflação no país.",
              "Segundo o ministro da Fazenda, as medidas devem entrar em vigor no próximo mês e "
              "incluem cortes de impostos.",
              "A oposição criticou o anúncio e disse que o governo demorou demais para agir "
              "diante da crise."]
JAPANESE = ["東京都は月曜日、新たな感染対策を発表した。飲食店に対して営業時間の短縮を要請する。",
            "知事は記者会見で、都民に不要不急の外出を控えるよう呼びかけた。",
            "専門家は、今後数週間で感染者数がさらに増える可能性があると指摘している。"]


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def _flags(record: dict, name: str = "no-language") -> list[dict]:
    return [flag for flag in record["flags"] if flag["flag"] == name]


def _page(body: str, root: str = "", head: str = "") -> str:
    return (f"<!DOCTYPE html><html{root}><head><meta charset='utf-8'>{head}"
            "<title>Galeri Foto Banjir</title></head><body><article>"
            f"<h1>Galeri Foto Banjir Jakarta</h1>{body}</article></body></html>")


def _run(tmp_path, lines: list[dict], *options: str) -> tuple[list[dict], list[str]]:
    """Records and rejects of `cleaner clean` over a JSONL of these lines."""
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", "--workers", "1", *options]) == 0
    rejects = tmp_path / "out.jsonl.rejects.jsonl"
    return ([json.loads(line) for line in out.read_text().splitlines()],
            rejects.read_text().splitlines() if rejects.exists() else [])


@pytest.mark.parametrize("value, code", [
    ("id", "id"), ("id-ID", "id"), ("in", "id"), ("ind", "id"), ("ID_id", "id"),
    ("en-US", "en"), ("eng", "en"), ("ms-MY", "ms"), ("may", "ms"), ("zsm", "ms"),
    ("fr-CA", "fr"), ("zh-Hant-TW", "zh"), (" en ", "en")])
def test_a_declared_language_is_normalized_to_its_code(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize("value", [
    None, 7, 3.5, True, ["id"], {"code": "id"}, "", "  ", "und", "zxx", "x-klingon",
    "Bahasa Indonesia", "id;en", "i" * 10_000, "id-" + "ID" * 5_000])
def test_a_value_that_is_no_language_tag_declares_nothing(value):
    assert language_code(value) is None


def test_a_jsonl_lang_field_gives_a_text_without_stopwords_its_language(tmp_path):
    records, rejects = _run(tmp_path, [{"id": "1", "text": SCORES, "lang": "id-ID"}])
    assert rejects == []
    assert records[0]["meta"]["lang"] == "id" and not _flags(records[0])
    assert records[0]["lang"] == "id-ID"            # the field rides along as given


def test_without_a_declared_language_such_a_text_is_still_flagged(tmp_path):
    records, _ = _run(tmp_path, [{"id": "1", "text": SCORES}])
    assert records[0]["meta"]["lang"] is None and len(_flags(records[0])) == 1


def test_a_field_named_by_field_lang_declares_the_language(tmp_path):
    records, rejects = _run(tmp_path, [{"id": "1", "text": SCORES, "language": "ind"}],
                            "--field", "lang=language")
    assert rejects == []
    assert records[0]["meta"]["lang"] == "id" and not _flags(records[0])
    assert records[0]["language"] == "ind"


def test_a_parquet_lang_column_declares_the_language(tmp_path):
    source = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [SCORES, SCORES], "lang": ["ms-MY", None]}),
                   source)
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(source), "-o", str(out), "-q", "--workers", "1"]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["meta"]["lang"] for r in records] == ["ms", None]


def test_a_declared_language_no_pack_serves_fills_meta_lang_and_says_so(cleaner):
    record = cleaner.clean("1-0\n2-2\n3-1", lang="pt")
    assert record["meta"]["lang"] == "pt"
    [flag] = _flags(record)
    assert "the input declares 'pt', which no language pack serves" in flag["reason"]
    assert "no language pack's rules ran" in flag["reason"]


def test_a_wrong_declared_language_is_overruled_by_clear_stopwords(cleaner):
    assert cleaner.clean(ENGLISH, lang="id")["meta"]["lang"] == "en"
    assert cleaner.clean(INDONESIAN, lang="en-US")["meta"]["lang"] == "id"
    # A language no pack serves, declared for English text: English's rules run.
    record = cleaner.clean(ENGLISH, lang="de")
    assert record["meta"]["lang"] == "en" and not _flags(record)


def test_a_declared_language_settles_a_tie_of_near_languages(cleaner):
    assert cleaner.clean(SHARED_WORDS)["meta"]["lang"] == "id"        # the tie rule, kept
    assert cleaner.clean(SHARED_WORDS, lang="ms")["meta"]["lang"] == "ms"


def test_lang_given_to_the_cleaner_wins_over_a_declared_language():
    record = Cleaner(lang="en").clean(SCORES, lang="id")
    assert record["meta"]["lang"] == "en"


@pytest.mark.parametrize("value", [None, 7, ["id"], {"id": 1}, "x" * 10_240, float("nan")])
def test_a_hostile_lang_field_declares_nothing_and_costs_nothing(cleaner, value):
    record = cleaner.clean(SCORES, lang=value)
    assert record["meta"]["lang"] is None
    [flag] = _flags(record)
    assert "declares" not in flag["reason"]


def test_hostile_lang_fields_in_jsonl_are_neither_rejected_nor_fatal(tmp_path):
    values = [None, 12, ["id", "en"], {"a": 1}, "x" * 10_240, True]
    lines = [{"id": str(i), "text": SCORES, "lang": value} for i, value in enumerate(values)]
    records, rejects = _run(tmp_path, lines)
    assert rejects == [] and len(records) == len(values)
    assert all(r["meta"]["lang"] is None for r in records)
    assert [r.get("lang") for r in records] == values


def test_a_page_lang_attribute_gives_a_short_text_without_stopwords_its_language(cleaner):
    record = cleaner.clean_html(_page(CAPTION, " lang='id'"), url="https://example.com/a")
    assert record["meta"]["lang"] == "id" and not _flags(record)


def test_a_page_og_locale_gives_a_short_text_without_stopwords_its_language(cleaner):
    head = "<meta property='og:locale' content='id_ID'>"
    record = cleaner.clean_html(_page(CAPTION, head=head), url="https://example.com/a")
    assert record["meta"]["lang"] == "id" and not _flags(record)


def test_a_page_content_language_meta_declares_its_language(cleaner):
    head = "<meta http-equiv='Content-Language' content='id, en'>"
    record = cleaner.clean_html(_page(CAPTION, head=head), url="https://example.com/a")
    assert record["meta"]["lang"] == "id"


def test_a_page_whose_declarations_differ_declares_nothing(cleaner):
    # A theme's lang="en" beside the site's content-language "de" (two benchmark pages).
    head = "<meta http-equiv='content-language' content='de'>"
    record = cleaner.clean_html(_page(PHOTOS, " lang='en'", head), url="https://example.com/a")
    assert record["meta"]["lang"] is None
    assert "declares" not in _flags(record)[0]["reason"]


def test_a_page_declaring_a_language_no_pack_serves_says_so(cleaner):
    record = cleaner.clean_html(_page(PHOTOS, " lang='pt-BR'"), url="https://example.com/a")
    assert record["meta"]["lang"] == "pt"
    assert "the input declares 'pt'" in _flags(record)[0]["reason"]


def test_a_wrong_page_lang_is_overruled_by_the_text(cleaner):
    body = "".join(f"<p>{ENGLISH}</p>" for _ in range(3))
    record = cleaner.clean_html(_page(body, " lang='id'"), url="https://example.com/a")
    assert record["meta"]["lang"] == "en"


def test_the_input_field_wins_over_the_page_declaration(cleaner):
    record = cleaner.clean_html(_page(CAPTION, " lang='id'"), url="https://example.com/a",
                                lang="ms")
    assert record["meta"]["lang"] == "ms"


@pytest.mark.parametrize("root", [" lang='" + "id" * 5_000 + "'", " lang=''", " lang='12'",
                                  " lang='und'"])
def test_a_hostile_page_lang_declares_nothing(cleaner, root):
    record = cleaner.clean_html(_page(PHOTOS, root), url="https://example.com/a")
    assert record["meta"]["lang"] is None and _flags(record)


def test_a_dataset_lang_column_declares_the_language():
    """clean_batch (Dataset.map) reads a row's lang column as the CLI reads a JSONL field."""
    from cleaner.hf import batch_kwargs, clean_batch

    out = clean_batch({"text": ["12 345 678 910"], "lang": ["id-ID"]}, **batch_kwargs())
    assert out["meta"][0]["lang"] == "id" and out["flags"] == ["[]"]


def _article(paragraphs: list[str], root: str) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f"<!doctype html><html{root}><head><meta charset='utf-8'><title>Notícia</title>"
            f"</head><body><article><h1>Notícia</h1>{body}</article></body></html>")


@pytest.mark.parametrize("paragraphs", [PORTUGUESE, JAPANESE], ids=["pt", "ja"])
def test_a_theme_lang_on_a_page_in_another_language_runs_no_pack(cleaner, paragraphs):
    # A theme's lang="en-US": the Portuguese page has one English stopword ("as") in 56 words,
    # the Japanese one none; neither is English, and no language's rules may run on them.
    record = cleaner.clean_html(_article(paragraphs, " lang='en-US'"),
                                url="https://example.com.br/a")
    [flag] = _flags(record)
    assert "the input declares 'en', which its words do not bear out" in flag["reason"]
    assert not [r for r in record["removed"] if r["rule"].startswith("en/")]


@pytest.mark.parametrize("paragraphs", [PORTUGUESE, JAPANESE], ids=["pt", "ja"])
def test_a_declaration_the_text_does_not_bear_out_leaves_meta_lang_null(cleaner, paragraphs):
    record = cleaner.clean_html(_article(paragraphs, " lang='en-US'"),
                                url="https://example.com.br/a")
    assert record["meta"]["lang"] is None and _flags(record)


def test_a_long_text_without_the_declared_languages_stopwords_gets_none(cleaner):
    index = cleaner.index
    text = "\n".join(["Foto: Warga Kampung Melayu, Jakarta Timur, Senin (3/2/2020)."] * 6)
    assert index.language(text, "id") is None
    assert index.language(text.splitlines()[0], "id") == "id"       # one line: too short


def test_a_declared_language_behind_another_packs_stopwords_is_not_taken(cleaner):
    index = cleaner.index
    # English rows a dump declares Indonesian: one English stopword ("in") of 15 words, under
    # the share that names English, and none of Indonesian's.
    floods = ("PHOTOS: Floods hit Jakarta suburbs\n\nResidents wade through waist-deep water in "
              "Bekasi, West Java, Monday.")
    assert index.language(floods, "id") is None
    assert _flags(cleaner.clean(floods, lang="id"))
    # Even in a text too short to judge by its length alone.
    short = "Persija 2-1 Persib in Jakarta: Simic 12', 45', Riko 67', Ezra 88', Rizky 90'+2'"
    assert len(short.split()) < SHORT_TEXT_WORDS
    assert index.language(short) is None and index.language(short, "id") is None
    assert index.language(short.replace(" in ", " di "), "id") == "id"


def test_a_declared_language_needs_a_fair_share_of_its_stopwords_in_a_long_text(cleaner):
    index = cleaner.index
    # One English stopword in 56 Portuguese words (1.8%): no evidence for English.
    portuguese = " ".join(PORTUGUESE)
    assert index.language(portuguese, "en") is None
    # A list-like English text: 3 stopwords in 40 words (7.5%), under the 8% that names a
    # language unasked, bears out the English it declares.
    listing = ("Breakfast: oats, berries, almonds. Lunch: chicken salad with greens, tomato, "
               "cucumber. Dinner: salmon, rice, broccoli. Snacks: apple slices, yoghurt, "
               "walnuts, carrots. Water: eight glasses. Sleep: eight hours. Steps: 10,000 and "
               "stretching. Mood: calm, focused, rested. Repeat daily for 80 days.")
    words = len(listing.split())
    assert words == 40 and index._stopword_count("en", listing.lower().split()) == 3
    assert index.language(listing) is None and index.language(listing, "en") == "en"


def test_a_short_text_in_an_unspaced_script_is_not_too_short_to_judge(cleaner):
    # One "word" to a split, 20 letters: a sentence, and not English.
    record = cleaner.clean("東京都は月曜日、新たな感染対策を発表した。", lang="en")
    assert _flags(record) and cleaner.index.language(record["text"], "en") is None


def test_a_declared_short_text_with_no_stopwords_at_all_keeps_its_language(cleaner):
    # A headline of names and numbers: nothing to judge by, so the declaration stands.
    assert cleaner.clean("Apple Q3 results beat Wall Street forecasts",
                         lang="id")["meta"]["lang"] == "id"


@pytest.mark.parametrize("value", ["nan", "NaN", "NA", "na", "TBD", "yes", "xx", "XX-xx", "unk",
                                   "N/A", "none", "null", "sgn-BE-FR", "qq"])
def test_a_dump_placeholder_is_no_language_code(value):
    assert language_code(value) is None


@pytest.mark.parametrize("value, code", [("no", "no"), ("it", "it"), ("to", "to"),
                                         ("jv-ID", "jv"), ("MSA", "ms"), ("zsm-Latn", "ms")])
def test_iso_639_codes_that_look_like_words_are_still_codes(value, code):
    assert language_code(value) == code


def test_a_placeholder_lang_field_fills_no_meta_lang(tmp_path):
    lines = [{"id": str(i), "text": SCORES, "lang": value}
             for i, value in enumerate(["nan", "NA", "TBD", "yes", "xx", "unk", "N/A"])]
    records, rejects = _run(tmp_path, lines)
    assert rejects == [] and len(records) == len(lines)
    assert [r["meta"]["lang"] for r in records] == [None] * len(lines)
    assert all("declares" not in _flags(r)[0]["reason"] for r in records)


@pytest.mark.parametrize("value, code", [
    ("fra", "fr"), ("fre", "fr"), ("fra_Latn", "fr"), ("jav_Latn", "jv"), ("sun_Latn", "su"),
    ("zho_Hans", "zh"), ("por", "pt"), ("ger", "de"), ("tgl", "tl"), ("dut", "nl"),
    ("fil", "fil"), ("min", "min"), ("ace", "ace"), ("ban", "ban"), ("bjn", "bjn"),
    ("ceb", "ceb"), ("min_Latn", "min")])
def test_three_letter_codes_are_kept_or_given_their_two_letter_code(value, code):
    # FLORES / NLLB tags and Indonesia's regional languages, most with no two-letter code.
    assert language_code(value) == code


@pytest.mark.parametrize("value", ["nan", "unk", "yes", "tbd", "TBA", "und", "mul", "zxx", "mis",
                                   "nil", "NUL", "xxx", "sgn", "na-NA"])
def test_three_letter_placeholders_declare_nothing(value):
    assert language_code(value) is None


def test_a_portuguese_row_keeps_its_three_letter_declaration(cleaner):
    record = cleaner.clean("O governo anunciou na segunda-feira um novo plano para as escolas do "
                           "país, segundo o ministro.", lang="por")
    assert record["meta"]["lang"] == "pt"
    assert "the input declares 'pt', which no language pack serves" in _flags(record)[0]["reason"]


def test_a_french_row_declared_in_three_letters_gets_the_french_pack(cleaner):
    record = cleaner.clean("Le gouvernement a annoncé lundi un nouveau plan pour les écoles du "
                           "pays, selon le ministre.", lang="fra")
    assert record["meta"]["lang"] == "fr"
    assert not _flags(record)


# Listing rows of 15 words and more with few or none of their language's stopwords (review).
LISTINGS = [
    ("en", "Stocks close higher; Dow +0.8%, S&P 500 +1.1%, Nasdaq +1.4% as Fed holds rates "
           "steady, Treasury yields fall, oil rises, gold dips, bitcoin tops $30,000"),
    ("en", "Premier League results: Arsenal 3-1 Chelsea, Liverpool 2-2 Everton, Man City 4-0 "
           "Burnley, Spurs 1-0 Wolves, Newcastle 2-1 Villa, Brighton 0-0 Fulham"),
    ("id", "Hasil Liga 1: Persib Bandung 2-1 Persija Jakarta, Arema FC 0-0 Persebaya Surabaya, "
           "Bali United 3-1 PSM Makassar, Borneo FC 1-2 PSIS Semarang"),
    ("id", "Jadwal KRL Commuter Line Bogor-Jakarta Kota Hari Ini, Senin 12 Februari 2024: "
           "Berangkat 05.00 WIB, 05.15 WIB, 05.30 WIB, 05.45 WIB, 06.00 WIB"),
    ("ms", "Keputusan SPM 2023: Senarai sekolah terbaik Selangor, Johor, Perak, Kedah, "
           "Kelantan, Terengganu, Pahang, Melaka, Sabah, Sarawak, Perlis, Pulau Pinang")]


@pytest.mark.parametrize("lang, text", LISTINGS, ids=[f"{l}{i}" for i, (l, _) in
                                                      enumerate(LISTINGS)])
def test_a_record_field_declaration_holds_for_a_listing_row(cleaner, lang, text):
    assert len(text.split()) >= SHORT_TEXT_WORDS
    record = cleaner.clean(text, lang=lang)
    assert record["meta"]["lang"] == lang and not _flags(record)


@pytest.mark.parametrize("lang, text", LISTINGS[2:4], ids=["id2", "id3"])
def test_a_listing_row_in_jsonl_keeps_its_declared_language(tmp_path, lang, text):
    records, rejects = _run(tmp_path, [{"id": "1", "text": text, "language": lang}],
                            "--field", "lang=language")
    assert rejects == [] and records[0]["meta"]["lang"] == lang


def test_a_page_declaration_is_still_held_to_the_share_a_field_is_not(cleaner):
    index = cleaner.index
    text = "\n".join(["Foto: Warga Kampung Melayu, Jakarta Timur, Senin (3/2/2020)."] * 6)
    assert index.language(text, "id") is None                       # a page's lang="id"
    assert index.language(text, "id", from_fields=True) == "id"     # a record's lang field
    page = cleaner.clean_html(_page(PHOTOS, " lang='id'"), url="https://example.com/a")
    assert page["meta"]["lang"] is None and _flags(page)
    # The same page with the record's own field: the field is taken.
    record = cleaner.clean_html(_page(PHOTOS), url="https://example.com/a", lang="id")
    assert record["meta"]["lang"] == "id" and not _flags(record)


def test_a_field_declaration_still_loses_to_another_packs_stopwords(cleaner):
    # English words, Indonesian declared: English's outnumber Indonesian's (none).
    floods = ("PHOTOS: Floods hit Jakarta suburbs. Residents wade through waist-deep water in "
              "Bekasi, Depok, Tangerang, Bogor, West Java, Monday; rescuers search homes")
    index = cleaner.index
    assert len(floods.split()) >= SHORT_TEXT_WORDS and index.language(floods) is None
    assert index.language(floods, "id", from_fields=True) is None
    assert _flags(cleaner.clean(floods, lang="id"))
    # A text in a script written without spaces is none of the packs' languages.
    assert index.language(JAPANESE[0], "en", from_fields=True) is None


def test_an_emptied_record_keeps_the_language_it_declares():
    # A page-like declaration not borne out, then a text the rules leave empty: no words to
    # judge, the declared code stays in meta.lang (it was None, without a flag).
    from cleaner.document import Document

    cleaner = Cleaner()
    doc = Document(id="1", text="")
    doc.hints["lang"] = "id"
    cleaner._fill_meta(doc)
    assert doc.meta["lang"] == "id" and not _flags({"flags": doc.flags})


RUSSIAN = ("Правительство объявило сегодня о новых мерах поддержки малого бизнеса в регионах, "
           "включая налоговые льготы и кредиты под низкий процент для предприятий, которые "
           "сохраняют рабочие места в течение следующего года.")
# (Portuguese: no pack serves it; a French article now gets the French pack whatever it is
# labelled)
PORTUGUESE = ("O governo anunciou hoje novas medidas de apoio às pequenas empresas nas regiões, "
              "incluindo incentivos fiscais e empréstimos com juros reduzidos para empresas que "
              "mantiverem os seus empregos durante todo o próximo ano, segundo o ministro da "
              "economia, que falava perante a imprensa.")


@pytest.mark.parametrize("text, declared", [
    (RUSSIAN, "en"), (RUSSIAN, "id"),
    pytest.param(PORTUGUESE, "id", marks=pytest.mark.xfail(strict=True, reason=(
        "a Portuguese article has none of Indonesian's stopwords, as a page of Indonesian photo "
        "captions has none: a record's own lang field is trusted there (listing rows, captions)"))),
])
def test_a_record_field_does_not_give_text_of_another_alphabet_its_pack(cleaner, text, declared):
    # (the fourth review: a Russian, Korean, Arabic or French article labelled `en` or `id` by a
    # dump got that pack's rules and lost its no-language flag)
    record = cleaner.clean(text, lang=declared)
    assert record["meta"]["lang"] is None
    assert [f["flag"] for f in record["flags"]] == ["no-language"]
