"""Paragraphs → the heading tree and the points the genre enumerates."""
from __future__ import annotations

import re

from ..rules import load_rules
from ..structure import Point, Section
from ..structure.article import build_tree  # noqa: F401  (re-exported: extract stages use it)


class PointSplitter:
    """Splits a paragraph at 一是…二是… style markers into points."""

    def __init__(self, structure: dict | None = None) -> None:
        structure = structure if structure is not None else load_rules("structure.yml")
        markers = "|".join(f"(?:{m})" for m in structure.get("point_markers") or ())
        self.marker = re.compile(f"(?:^|(?<=[。；;，,：:！？\\s]))(?P<m>{markers})") if markers else None

    def split(self, text: str) -> list[tuple[str, str]]:
        """(label, text) pairs; a paragraph with fewer than two markers is one unlabelled point."""
        found = list(self.marker.finditer(text)) if self.marker else []
        if len(found) < 2:
            return [("", text)]
        points = []
        lead = text[: found[0].start()].strip()
        if lead:
            points.append(("", lead))
        for match, following in zip(found, found[1:] + [None]):
            end = following.start() if following else len(text)
            points.append((match.group("m"), text[match.end():end].strip(" ；;，,")))
        return [(label, body) for label, body in points if body]

    def points(self, root: Section) -> list[Point]:
        """Every point of an article, with the headings it stands under."""
        found: list[Point] = []

        def walk(section: Section, headings: tuple[str, ...]) -> None:
            for paragraph in section.paragraphs:
                for label, body in self.split(paragraph.text):
                    found.append(Point(body, label, paragraph, headings))
            for child in section.children:
                walk(child, headings + (child.title,))

        walk(root, ())
        return found
