"""Small helpers the linking steps share: grouping by union-find, deterministic ties."""

from __future__ import annotations

from collections.abc import Iterable


class Groups:
    """Union-find over doc ids; a group's representative is its smallest id."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> bool:
        """Join the groups of `a` and `b`; False when they were one group already."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return ra != rb

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for item in sorted(self.parent):
            out.setdefault(self.find(item), []).append(item)
        return list(out.values())


def first_wins(doc_id: str) -> str:
    """A key under which `max` prefers the doc id that sorts first (ties documented)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in doc_id)
