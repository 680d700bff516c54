"""French pages of an acceptance run of French and Spanish news pages: 20 Minutes' stamp with a
two-digit year fills the date, and Le Figaro's 'À lire aussi' link with no separator goes."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PARAS = [
    "La commune a voté lundi soir un budget de 12 millions d'euros pour rénover la piscine "
    "municipale, fermée depuis deux ans.",
    "Les travaux commenceront en septembre et dureront dix-huit mois, selon le maire, qui promet "
    "une réouverture avant l'été 2026.",
    "Les associations sportives, privées de bassin depuis la fermeture, se réjouissent mais "
    "regrettent que le projet ne prévoie pas de bassin olympique.",
    "L'opposition municipale a voté contre, estimant que la dépense aurait dû être partagée avec "
    "l'intercommunalité."]
URL = "https://www.exemple-ville.fr/ville/2024/05/02/piscine"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_twenty_minutes_stamp_with_a_two_digit_year(cleaner):
    text = ("Lille : la métropole promet 40 kilomètres de pistes cyclables\n\n"
            "Publié le 08/02/24 à 18h12 — Mis à jour le 08/02/24 à 19h05\n\n"
            + "\n\n".join(PARAS))
    record = cleaner.clean(text)
    assert record["meta"]["lang"] == "fr"
    assert record["text"].split("\n\n") == PARAS
    assert record["meta"]["date"] == "2024-02-08T18:12"


def test_a_bare_numeric_date_with_a_two_digit_year_is_no_stamp(cleaner):
    record = cleaner.clean("\n\n".join(PARAS[:2] + ["08/02/24"] + PARAS[2:]))
    assert "08/02/24" in record["text"].split("\n\n")


def test_figaro_related_link_without_separator(cleaner):
    page = f"""<html lang="fr"><head><title>La piscine municipale sera rénovée</title></head>
<body><article><h1>La piscine municipale sera rénovée</h1><div class="fig-body">
<p>{PARAS[0]}</p><p>{PARAS[1]}</p>
<p class="fig-paragraph"><strong>À lire aussi</strong> <a href="/sport/piscines.php">Piscines :
notre carte des bassins ouverts cet été</a></p><p>{PARAS[2]}</p><p>{PARAS[3]}</p>
</div></article></body></html>"""
    record = cleaner.clean_html(page, url="https://www.lefigaro.fr/sport/piscine-20240502")
    assert [line for line in record["text"].split("\n") if line.strip()] == PARAS
    assert any(r["rule"] == "fr/related-link" for r in record["removed"])
