"""How much of a run of excerpts fits a page: the layout's arithmetic."""
from __future__ import annotations


def weight(excerpts: list) -> int:
    """The bytes a run of excerpts takes on a page, about (Excerpt.size)."""
    return sum(getattr(e, "size", 0) for e in excerpts)


def fitting(items: list, size: int, budget: int | None, first_fits: bool = True) -> int:
    """How many of items, from the start, fit `size` items and `budget` bytes (at least one
    where `first_fits`: a page never stays empty). A topic or case page shows that many of
    a facet's excerpts; the rest continue on the section's own pages."""
    if budget is None:
        return min(size, len(items))
    used = 0
    for count, item in enumerate(items[:size]):
        used += getattr(item, "size", 0)
        if used > budget:
            return max(count, 1 if first_fits else 0)
    return min(size, len(items))


