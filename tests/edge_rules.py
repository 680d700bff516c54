"""The rules and texts the tests of `where = "first"` and `where = "last"` share: a rule cutting a
tag at one edge of the text, a line it cuts, and texts with that line at the edge or inside."""

from __future__ import annotations

import json
from dataclasses import dataclass

P1 = "The council met on Tuesday to review the budget and heard from several residents."
P2 = "Officials said the new proposal would add three parks and repair roads next year."
P3 = "Critics argued that the cost estimates were too optimistic for the coming years."


def rule_toml(rule_id: str, where: str, pattern: str, example: str, keep: str = "") -> str:
    """A drop-span rule's TOML; a tag is cut as a span, so that the guard never stops it."""
    kept = f"keep = [{json.dumps(keep)}]\n" if keep else ""
    return (f'\n[[rule]]\nid = "{rule_id}"\ndescription = "a tag at the {where}"\n'
            f'action = "drop-span"\nwhere = "{where}"\ncase_sensitive = true\n'
            f"pattern = '{pattern}'\nremove = [{json.dumps(example)}]\n{kept}")


def drop_toml(rule_id: str, line: str) -> str:
    """A drop-line rule's TOML taking `line` whole, anywhere."""
    return (f'\n[[rule]]\nid = "{rule_id}"\ndescription = "a whole line"\naction = "drop-line"\n'
            f"pattern = '^{line}$'\nremove = [{json.dumps(line)}]\n")


OPENER = r"^(?P<cut>#kicker[ \t]+)\S"
CLOSER = r"[.!?](?P<cut>[ \t]+#signoff)$"


@dataclass(frozen=True)
class Edge:
    """One edge a rule can be held to: its rule, a line it cuts and the text around it."""

    where: str
    rule_id: str
    pattern: str
    tagged: str          # a line the rule cuts a tag from
    kept: str            # the same line after the cut
    banner: str          # a line a drop-line rule takes whole, put beyond the tagged line
    beyond: str          # how the rules check says a match inside the text is missed

    def text(self, edge: str, *body: str) -> str:
        """`edge` at this edge of the text, then `body` inward from it, nearest first."""
        lines = (edge, *body) if self.where == "first" else (*reversed(body), edge)
        return "\n\n".join(lines)

    def inside(self, *body: str) -> str:
        """The tagged line one line in from this edge."""
        first, *rest = body
        return self.text(first, self.tagged, *rest)

    def padded(self, text: str) -> str:
        """`text` with blank lines beyond this edge."""
        blanks = "\n\n  \n\t\n"
        return blanks + text if self.where == "first" else text + blanks

    def pack(self, tmp_path, where: str | None = None):
        """A pack of this edge's rule and a drop-line rule; `where` replaces the rule's."""
        body = rule_toml(self.rule_id, where or self.where, self.pattern, self.tagged, keep="A #tag.")
        path = tmp_path / "mine.toml"
        path.write_text('[pack]\nid = "t"\nkind = "common"\n' + body
                        + drop_toml("t/banner", self.banner), encoding="utf-8")
        return path


FIRST = Edge("first", "t/kicker-first", OPENER,
             "#kicker It began with a request to share the post widely.",
             "It began with a request to share the post widely.",
             "Example Media Presents", "below the first line")
LAST = Edge("last", "t/signoff-last", CLOSER,
            "It ended with a request to share the post widely. #signoff",
            "It ended with a request to share the post widely.",
            "Copyright Example Media", "above the last line")




def rules_of(record: dict) -> list[str]:
    """The ids of the rules that removed text from `record`, in order."""
    return [removal["rule"] for removal in record["removed"]]
