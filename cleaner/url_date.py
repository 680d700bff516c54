"""The publication date a news url carries in its path: /2016/08/30/, /20160830070740-, /read/20160805/."""

from __future__ import annotations

import re
from datetime import date

# (ASCII digits throughout: (?a); "/201\u0666/" is no ISO year.)
# A path segment boundary after the date: the next segment, a slug's dash, an extension, the end.
_AFTER = r"(?=[-/_.]|$)"
# Year, month and day apart ("/2016/08/30/", "/2016-08-30-judul"), or a month alone ("/2015/03/").
_APART = re.compile(r"(?a)/((?:199|20[0-3])\d)([/_-])(0?[1-9]|1[0-2])(?:\2(0?[1-9]|[12]\d|3[01]))?"
                    + _AFTER)
# Written together as a whole segment or a slug's start, perhaps with the time after it
# ("/20160805/", "/20160830070740-134-154705/"): eight or fourteen digits, no other count.
_TOGETHER = re.compile(r"(?a)/((?:199|20[0-3])\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
                       r"(?:(?:[01]\d|2[0-3])[0-5]\d[0-5]\d)?" + _AFTER)


def url_date(url: str | None) -> str | None:
    """The date in a url's path, as ISO 8601 to the precision it gives ("2016-08-30",
    "2015-03"); None without one. The query and fragment are not read: a search page's
    "?date=" is no publication date.

    >>> url_date("http://www.cnnindonesia.com/internasional/20160830070740-134-154705/jet/")
    '2016-08-30'
    >>> url_date("http://rimanews.com/read/20160805/291919/judul"), url_date("kompas.com/read/2016/8/3/0707/x")
    ('2016-08-05', '2016-08-03')
    >>> url_date("https://kabarislamia.com/2015/03/judul/"), url_date("https://x.id/2016-02-29-kabisat")
    ('2015-03', '2016-02-29')
    >>> [url_date(u) for u in ("https://x.id/2016/02/30/a", "https://x.id/d-3285712/a",
    ...                        "https://x.id/12345678/a", "https://x.id/a?tanggal=2016-01-02", None,
    ...                        "http://[::1", "https://x.id/a#2016/01/02")]
    [None, None, None, None, None, None, None]
    """
    if not url:
        return None
    # The path by hand: urlsplit refuses a malformed url ("http://[::1"), which is no date.
    rest = url.split("//", 1)[1] if "//" in url else url
    slash = rest.find("/")
    path = "" if slash < 0 else rest[slash:].split("?", 1)[0].split("#", 1)[0]
    found = _APART.search(path) or _TOGETHER.search(path)
    if found is None:
        return None
    groups = found.groups()
    year, month, day = (groups[0], groups[2], groups[3]) if found.re is _APART else groups
    try:
        date(int(year), int(month), int(day or 1))      # a real day: no 30 February
    except ValueError:
        return None
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
