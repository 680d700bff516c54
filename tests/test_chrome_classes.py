"""Page chrome found by class or id: the markup's English words are the code's, a language's
words are its pack's (`[pack.chrome_classes]`), so a pack for a new language strips its sites'
`noticias-relacionadas` boxes without a change to the code, and a run without the Indonesian
pack reads `bagikan` as no chrome."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.html_chrome import chrome_name
from cleaner.lexicon import lexicon
from cleaner.page_bylines import reading_pages
from cleaner.rulefile import RuleFileError, builtin_rules_dir, load_pack

LANG = builtin_rules_dir() / "lang"


def _names(pack_ids: list[str], classes: list[str]) -> list[str | None]:
    packs = [load_pack(LANG / f"{pack_id}.toml") for pack_id in pack_ids]
    with reading_pages(lexicon(packs)):
        return [chrome_name(value) for value in classes]


def test_a_language_word_names_chrome_only_where_its_pack_is_loaded():
    classes = ["bagikan", "berita-terkait", "komentar-list", "share-bar"]
    assert _names(["id"], classes) == ["share", "related", "comments", "share"]
    assert _names(["en"], classes) == [None, None, None, "share"]


@pytest.mark.parametrize("value, group", [
    ("baca-juga", "related"), ("baca_juga", "related"), ("bacajuga", "related"),
    ("BacaJuga", "related"), ("baca-juga-collections__list", "related"),
    ("inner-link-baca-juga", "related"), ("detail__komentar", "comments"), ("kabaca-juga", None),
    ("widget berita_terkait-box", "related"), ("bacajugaan", None), ("baca", None),
    ("iklan_300x250", "promo"), ("topik-terkait", "tags"),
])
def test_a_pack_word_is_a_whole_tokens_part_its_parts_joined_any_way(value, group):
    assert _names(["id"], [value]) == [group]


def test_the_spanish_and_french_packs_name_their_sites_chrome():
    assert _names(["es"], ["noticiasRelacionadas", "compartir", "publicidad-top",
                           "bloque-comentarios"]) == ["related", "share", "promo", "comments"]
    assert _names(["fr"], ["articles-lies", "bloc-partage", "zone-publicite", "pub-date",
                           "pubdate"]) == ["related", "share", "promo", None, None]


LEAD = ("El Gobierno aprobó este martes el proyecto de ley de vivienda tras meses de "
        "negociaciones con los socios parlamentarios y las comunidades autónomas.")
SECOND = ("La norma limita la subida de los alquileres en las zonas tensionadas y obliga a "
          "los grandes propietarios a ofrecer contratos de al menos siete años.")
THIRD = ("Las asociaciones de inquilinos celebraron el acuerdo, aunque advirtieron de que "
         "vigilarán su aplicación en los municipios que aún no han declarado zonas tensionadas.")
FOURTH = ("El texto pasará ahora al Senado, donde el Gobierno confía en reunir una mayoría "
          "suficiente antes del verano para que la ley entre en vigor a comienzos del otoño.")
# (the box holds under a quarter of the page's words: html_chrome.CHROME_MAX_SHARE)
BOX = ('<div class="caja-vinculos"><p>Sánchez anuncia un plan de vivienda pública para los '
       'jóvenes menores de treinta y cinco años</p><p>El precio del alquiler sube un nueve por '
       'ciento en las grandes ciudades durante el último año</p></div>')


def _page(box: str) -> str:
    return ('<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>El Gobierno '
            'aprueba la ley de vivienda</title></head><body><main><article><h1>El Gobierno '
            f'aprueba la ley de vivienda</h1><div class="cuerpo"><p>{LEAD}</p><p>{SECOND}</p>'
            f'{box}<p>{THIRD}</p><p>{FOURTH}</p></div></article></main></body></html>')


def test_a_users_pack_strips_a_box_by_its_own_class_word(tmp_path):
    path = tmp_path / "vinculos.toml"
    path.write_text('[pack]\nid = "vinculos"\nkind = "common"\n\n[pack.chrome_classes]\n'
                    'related = ["caja-vinculos"]\n', encoding="utf-8")
    kept = Cleaner().clean_html(_page(BOX))
    assert "plan de vivienda pública" in kept["text"]
    record = Cleaner(rules=[path]).clean_html(_page(BOX))
    assert "plan de vivienda pública" not in record["text"]
    assert [LEAD, SECOND, THIRD, FOURTH] == [p for p in record["text"].split("\n\n")
                                             if p in (LEAD, SECOND, THIRD, FOURTH)]
    [removal] = [r for r in record["removed"] if r["rule"] == "html/chrome-related"]
    assert "alquiler sube un nueve" in removal["text"]


@pytest.mark.parametrize("table, message", [
    ('related = ["berita terkait"]', "what no class token is"),
    ('related = ["baca-juga!"]', "what no class token is"),
    ('footer = ["kaki"]', "names no chrome group"),
    ('related = [""]', "empty word"),
])
def test_a_class_word_or_group_the_code_cannot_use_is_refused(tmp_path, table, message):
    path = tmp_path / "x.toml"
    path.write_text(f'[pack]\nid = "x"\nkind = "common"\n\n[pack.chrome_classes]\n{table}\n',
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match=message):
        load_pack(path)
