"""A copy found in the corpus and the original it now points at."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Merge:
    """One later copy linked to the first occurrence in corpus order.

    kind "paragraph": the copy paragraph's twin is the original paragraph; similarity is
    the shingle Jaccard between the two (1.0 for an exact copy).
    kind "article": the copy article's duplicate_of is the original article; the anchors
    are ""; similarity is the fraction of the copy's paragraphs repeated from the original.
    """
    kind: str                # "paragraph" | "article"
    copy_article: str        # slug
    copy_anchor: str         # "" for an article merge
    original_article: str    # slug
    original_anchor: str     # "" for an article merge
    similarity: float
