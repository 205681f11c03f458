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
        self.sentence = re.compile(f"(?<={structure.get('sentence_end_marks', '[。！？]')})(?![”’」』）)])")

    def split(self, text: str) -> list[tuple[str, str]]:
        """(label, text) pairs; a paragraph with fewer than two markers is one unlabelled point."""
        found = list(self.marker.finditer(text)) if self.marker else []
        if len(found) == 1 and found[0].start() == 0:
            # One item of a list that runs over paragraphs ("第二，拓宽…"): its label apart.
            return [(found[0].group("m"), text[found[0].end():].strip(" ；;，,"))]
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

    def sentences(self, text: str) -> list[str]:
        """A paragraph's sentences (a closing quote stays with its sentence)."""
        return [s for s in (part.strip() for part in self.sentence.split(text)) if s]

    def points(self, root: Section) -> list[Point]:
        """Every point of an article, with the headings it stands under: each item of an
        enumeration (the text before the first item is its lead), or each sentence of a
        paragraph that enumerates nothing. References and notes are no points."""
        found: list[Point] = []

        def walk(section: Section, headings: tuple[str, ...]) -> None:
            for paragraph in section.paragraphs:
                if paragraph.role:
                    continue
                parts = self.split(paragraph.text)
                if len(parts) == 1:
                    # An item of its own paragraph, or prose: cut at its sentences, the
                    # item's label on its first.
                    label = parts[0][0]
                    for number, sentence in enumerate(self.sentences(parts[0][1])):
                        found.append(Point(sentence, label if number == 0 else "", paragraph, headings,
                                           unit="sentence", topic=paragraph.topic if number == 0 else ""))
                    continue
                for number, (label, body) in enumerate(parts):
                    found.append(Point(body, label, paragraph, headings, unit="item" if label else "lead",
                                       topic=paragraph.topic if number == 0 else ""))
            for child in section.children:
                walk(child, headings + (child.title,))

        walk(root, ())
        return found
