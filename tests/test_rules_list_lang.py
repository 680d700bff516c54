"""`cleaner rules list --lang CODE` lists the packs a document in that language gets: it was
checked against the loaded packs and then changed nothing."""

from __future__ import annotations

import re

from cleaner.cli import main


def _pack_lines(capsys, *args: str) -> list[tuple[str, str]]:
    capsys.readouterr()
    assert main(["rules", "list", *args]) == 0
    return re.findall(r"^(common|lang|site)\s+(\S+)", capsys.readouterr().out, re.MULTILINE)


def test_a_language_lists_the_common_packs_its_own_and_its_sites(capsys):
    every = _pack_lines(capsys)
    malay = _pack_lines(capsys, "--lang", "ms")
    assert ("lang", "ms") in malay and ("lang", "id") not in malay
    assert {pack for kind, pack in every if kind == "common"} <= {pack for _, pack in malay}
    assert not [pack for kind, pack in malay if kind == "site"]     # the sites are Indonesian
    indonesian = _pack_lines(capsys, "--lang", "ID")
    assert ("site", "kompas.com") in indonesian and ("lang", "ms") not in indonesian
