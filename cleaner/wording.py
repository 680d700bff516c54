"""Counts and sizes as the command line's English messages say them ("1 file", "3 files")."""


def noun(number: int, thing: str, things: str | None = None) -> str:
    """The noun for a count: `thing` for one, else `things` (default: `thing` + "s").

    >>> noun(1, "match", "matches"), noun(0, "match", "matches")
    ('match', 'matches')
    """
    if number == 1:
        return thing
    return things if things is not None else thing + "s"


def counted(number: int, thing: str, things: str | None = None) -> str:
    """A count and what it counts: "1 shard", "3 shards".

    >>> counted(1, "pack file"), counted(0, "document"), counted(2, "match", "matches")
    ('1 pack file', '0 documents', '2 matches')
    """
    return f"{number} {noun(number, thing, things)}"


def characters(number: int) -> str:
    """An amount of text in the unit that fits it: characters, then K, then M.

    >>> characters(1), characters(640), characters(12_500), characters(3_250_000)
    ('1 character', '640 characters', '12.5 K characters', '3.25 M characters')
    >>> characters(999_960)             # not "1000.0 K"
    '1.00 M characters'
    """
    if number < 1000:
        return counted(number, "character")
    if round(number / 1e3, 1) < 1000:
        return f"{number / 1e3:.1f} K characters"
    return f"{number / 1e6:.2f} M characters"
