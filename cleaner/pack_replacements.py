"""User packs beside the shipped ones: a shipped pack one took the place of (what of it is then not loaded), a pack of another kind with its id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleaner.rulefile import Pack, RuleFileError, load_pack, shipped_rule_files


@dataclass(frozen=True)
class Replacement:
    """A user's pack that takes the place of a shipped one of the same kind and id, by design
    (how a shipped pack is changed without editing the package), and what of the shipped pack
    is then not loaded."""

    user: str                           # the user's file
    shipped: str                        # the shipped file it replaces
    kind: str
    id: str
    rules: int                          # the shipped pack's rules
    rules_lost: tuple[str, ...]         # ... whose id the user's pack does not have
    stopwords: int
    stopwords_lost: int
    domains_lost: tuple[str, ...]

    @property
    def loses_anything(self) -> bool:
        """Whether the replacement leaves out anything of the shipped pack (a rule, a stopword,
        a domain): a whole copy of it is no news."""
        return bool(self.rules_lost or self.stopwords_lost or self.domains_lost)

    def message(self) -> str:
        """What the replacement costs, in one line (the user's file is said by the caller)."""
        parts = [f"replaces the shipped {self.kind} pack {self.id!r} ({self.shipped}): "
                 f"{len(self.rules_lost)} of its {self.rules} rules and {self.stopwords_lost} of "
                 f"its {self.stopwords} stopwords are not loaded"]
        if self.kind == "lang" and self.stopwords and self.stopwords == self.stopwords_lost:
            # Language detection counts a pack's stopwords in the text: none, no match.
            parts.append(f"with no stopwords, no document is detected as {self.id!r}")
        if self.domains_lost:
            parts.append(f"documents of {', '.join(self.domains_lost)} no longer get this pack")
        parts.append("a pack with a shipped pack's id takes its place whole: copy in what "
                     "you keep")
        return "; ".join(parts)


def replacement(shipped: Pack, user: Pack) -> Replacement:
    """What `user` leaves out of the shipped pack it replaces."""
    names = {name for rule in user.rules for name in (rule.id, *rule.aliases)}
    return Replacement(
        user=user.path, shipped=shipped.path, kind=shipped.kind, id=shipped.id,
        rules=len(shipped.rules),
        rules_lost=tuple(rule.id for rule in shipped.rules if rule.id not in names),
        stopwords=len(shipped.stopwords), stopwords_lost=len(shipped.stopwords - user.stopwords),
        domains_lost=tuple(d for d in shipped.domains if d not in user.domains))


def shipped_replacements(packs: list[Pack], builtin: bool = True) -> list[Replacement]:
    """The shipped packs that packs loaded from the user's files replaced (load_packs,
    combine_packs), each with what it costs; `builtin`: whether the shipped packs were asked
    for."""
    shipped_files = shipped_rule_files(builtin)
    loaded = {pack.path for pack in packs}
    left_out = [path for path in shipped_files if str(path) not in loaded]
    shipped_paths = {str(path) for path in shipped_files}
    users = {(p.kind, p.id): p for p in packs if p.path not in shipped_paths}
    found = []
    for path in left_out if users else ():
        try:
            shipped = load_pack(path, compiled=False)
        except RuleFileError:
            continue                    # a broken shipped file replaces nothing
        user = users.get((shipped.kind, shipped.id))
        if user is not None and not _same_file(user.path, path):
            found.append(replacement(shipped, user))
    return found


def _same_file(one: str | Path, other: str | Path) -> bool:
    """Whether two paths name one file (a shipped file given again with --rules replaces
    nothing)."""
    try:
        return Path(one).resolve() == Path(other).resolve()
    except OSError:
        return False


def shared_pack_ids(packs: list[Pack], builtin: bool = True) -> list[tuple[Pack, list[Pack]]]:
    """Each of the user's packs whose id a pack of another kind has too, with those packs (the
    shipped first); `builtin`: whether the shipped packs were asked for.

    combine_packs keys packs on kind and id, so both load, side by side: an id.toml at the top
    of a user's rules folder is a common pack named id beside the shipped id language pack, not
    in its place, and its rules fire on every language. A warning, not an error
    (shared_id_message): two packs of different kinds may share a name on purpose."""
    shipped = {str(path) for path in shipped_rule_files(builtin)}
    shared = []
    for pack in packs:
        if pack.path in shipped:
            continue
        others = [other for other in packs if other.id == pack.id and other.kind != pack.kind]
        if others:
            shared.append((pack, sorted(others, key=lambda other: other.path not in shipped)))
    return shared


# Where each kind of pack fires, and the folder of a rules folder that gives a file that kind.
_FIRES_ON = {"common": "every document", "lang": "the documents of its language",
             "site": "the documents of its domains"}
_KIND_FOLDER = {"common": "the top level", "lang": "lang/", "site": "sites/"}


def shared_id_message(pack: Pack, others: list[Pack]) -> str:
    """What a pack sharing its id with packs of other kinds (shared_pack_ids) does, and what to
    do."""
    named = ", ".join(f"the {other.kind} pack {other.path}" for other in others)
    kind, them = others[0].kind, "it" if len(others) == 1 else "them"
    return (f"pack id {pack.id!r} is also the id of {named}: this file loads as a {pack.kind} "
            f"pack beside {them}, not in its place, and its rules fire on "
            f"{_FIRES_ON[pack.kind]}; to take the {kind} pack's place, write kind = \"{kind}\" "
            f"in its [pack] (or put the file in {_KIND_FOLDER[kind]} of a rules folder), else "
            f"give it an id of its own")


def pack_warnings(packs: list[Pack], builtin: bool = True) -> list[tuple[str, str]]:
    """What to warn of the user's packs beside the shipped ones, as (the user's file, the
    warning): a shipped pack one replaces leaving something of it out (shipped_replacements; a
    whole copy is no news), then an id one shares with a pack of another kind (shared_pack_ids);
    `builtin`: whether the shipped packs were asked for."""
    return ([(taken.user, taken.message()) for taken in shipped_replacements(packs, builtin)
            if taken.loses_anything]
            + [(pack.path, shared_id_message(pack, others))
               for pack, others in shared_pack_ids(packs, builtin)])
