"""Spanish and French headlines are written in sentence case: a first line of twelve words or
more is the title though few of its words are capitalised (es.toml's and fr.toml's
sentence_case_titles), where an English line of that shape is still a lead that lost its stop."""

import pytest

from cleaner import Cleaner
from cleaner.rulefile import RuleFileError, load_pack


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


BODY = ("Según los datos del portal inmobiliario, el precio medio se situó en 12,7 euros por "
        "metro cuadrado, la cifra más alta de la serie histórica, y los expertos prevén que siga "
        "subiendo durante los próximos meses en casi todas las capitales.")


def test_long_sentence_case_headline_is_the_title(cleaner):
    headline = "El precio del alquiler sube un 11,4% en febrero y marca un nuevo récord"
    record = cleaner.clean(f"{headline}\n\n{BODY}", lang="es")
    assert record["meta"]["title"] == headline
    assert headline not in record["text"]


def test_long_french_sentence_case_headline_is_the_title(cleaner):
    headline = ("Le gouvernement annonce une hausse de 5 % du budget de la culture pour "
                "l'an prochain")
    body = ("La ministre a présenté mardi les grandes lignes du projet de loi de finances, qui "
            "prévoit aussi des moyens nouveaux pour les bibliothèques et les musées de région.")
    record = cleaner.clean(f"{headline}\n\n{body}", lang="fr")
    assert record["meta"]["title"] == headline
    assert record["text"] == body


def test_english_long_sentence_case_line_stays_text(cleaner):
    line = "The council said on Tuesday that the new bus lanes would open in the spring next year"
    body = ("Officials told reporters the project had been delayed by a shortage of contractors, "
            "and residents have complained about the traffic for more than two years now.")
    record = cleaner.clean(f"{line}\n\n{body}", lang="en")
    assert record["meta"]["title"] is None


def test_key_must_be_a_boolean(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('[pack]\nid = "xx"\nkind = "lang"\nsentence_case_titles = "yes"\n',
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match="sentence_case_titles must be true or false"):
        load_pack(path)


def test_a_paragraph_that_lost_its_stop_stays_text(cleaner):
    # a clause after a comma, or a label's colon before lower case: prose, not a headline
    line = ("Más información: los vecinos pueden llamar al teléfono 010 o acudir a cualquier "
            "oficina municipal de lunes a viernes")
    record = cleaner.clean(f"{line}\n\n{BODY}", lang="es")
    assert record["meta"]["title"] is None
    assert line in record["text"]
