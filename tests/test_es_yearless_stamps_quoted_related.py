"""Spanish: a stamp with no year read in the year of the url's or the input's date, and a related
headline that closes on a quote going with its heading."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

LEAD = ("Las obras de restauración del puente romano comenzaron este martes y se prolongarán "
        "durante ocho meses, con un presupuesto de 1,4 millones de euros.")
NEXT = "El tráfico quedará cortado, aunque los peatones podrán cruzar por una pasarela provisional."


@pytest.fixture(scope="module")
def spanish():
    return Cleaner(lang="es")


def _stamped(stamp: str) -> str:
    return f"Comienzan las obras de restauración del puente romano\n{stamp}\n{LEAD}\n{NEXT}"


@pytest.mark.parametrize("stamp, url, date, expected", [
    ("Publicado el martes 12 de marzo", "https://www.correo.example/2024/03/obras-puente/", None,
     "2024-03-12"),
    ("Publicado el 31 de diciembre", "https://www.correo.example/2024/01/balance/", None,
     "2023-12-31"),
    ("Actualizado el viernes, 3 de mayo", None, "2024", "2024"),      # the input's date stands
    ("Actualizado el viernes, 3 de mayo", "https://www.correo.example/2024/05/festival/", None,
     "2024-05-03"),
    ("Publicado el 12 de marzo", "https://www.correo.example/obras-puente/", None, None),
])
def test_a_stamp_without_a_year_is_read_in_the_year_the_document_gives(spanish, stamp, url, date,
                                                                        expected):
    record = spanish.clean(_stamped(stamp), url=url, date=date)
    assert stamp not in record["text"] and LEAD in record["text"]
    assert record["meta"]["date"] == expected
    assert not [f for f in record["flags"] if f["flag"] == "unreadable-date"]


@pytest.mark.parametrize("heading, related", [
    ("Mirá también", 'Demichelis: "Fue un partido de hombres"'),
    ("Te puede interesar", "El entrenador, tras la derrota: «Nos faltó contundencia arriba»"),
    ("Noticias relacionadas", "Arganzuela: “Queremos árboles, no coches”"),
])
def test_a_related_headline_closing_on_a_quote_goes_with_its_heading(spanish, heading, related):
    quote = '"Aquí no hay ni una zona verde en diez calles a la redonda."'
    text = (f"Los vecinos piden un parque en el solar del antiguo depósito\n{LEAD}\n{heading}\n"
            f"{related}\n{quote}\n{NEXT}")
    record = spanish.clean(text)
    assert heading not in record["text"] and related not in record["text"]
    assert quote in record["text"] and NEXT in record["text"]
