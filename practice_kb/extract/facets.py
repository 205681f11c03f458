"""Facets: problem, cause, countermeasure, practice, reflection or background — from cues."""
from __future__ import annotations

import re

from ..rules import load_rules
from ..structure import Article
from .facet_model import FacetModel, unit_features


LEAD_MAX = 20        # characters: a longer sentence matching lead_in without a colon says something itself
COLON_MAX = 40       # characters: a longer sentence ending in a colon may be a point quoting someone


class FacetClassifier:
    """Reads the cue words of rules/facets.yml and labels every point of an article."""

    def __init__(self, rules: dict | None = None, model: "FacetModel | None | bool" = True) -> None:
        """`model`: the trained model (rules/facet_model.json) decides each point's facet
        from the rules' verdicts and the point's words; False: the rules alone decide."""
        rules = rules if rules is not None else load_rules("facets.yml")
        self.model = FacetModel.load() if model is True else (model or None)
        self.names: dict[str, str] = rules["names"]
        self.heading_cues = [(f, tuple(rules["heading_cues"][f])) for f in rules["heading_order"]]
        self.lead_cues = [(f, tuple(rules["lead_cues"][f])) for f in rules["lead_order"]]
        self.negative = tuple(rules["negative_cues"])
        self.lead_end = re.compile(rules["lead_end"])
        self.article_cues = [(c["facet"], re.compile(c["pattern"])) for c in rules["article_cues"]]
        self.article_default = rules["article_default"]
        self.preface = rules["preface_facet"]
        self.lead_in = re.compile(rules.get("lead_in") or "$^")
        self.formula = re.compile(rules.get("formula") or "$^")
        self.formula_max = int(rules.get("formula_max_length", 60))
        self.sentence_cues = [(c["facet"], re.compile(c["pattern"]), re.compile(c["unless"]) if c.get("unless") else None,
                               set(c.get("in") or ())) for c in rules.get("sentence_cues") or ()]
        self.strong_cues = [cue for cue, c in zip(self.sentence_cues, rules.get("sentence_cues") or ()) if c.get("strong")]

    def heading_facet(self, text: str) -> str:
        """The facet a heading announces by its own words, or ""."""
        for facet, cues in self.heading_cues:
            if any(cue in text for cue in cues):
                return facet
        return ""

    def lead_facet(self, text: str) -> str:
        """The facet a paragraph introducing a list announces ("…提出如下建议：")."""
        if not self.lead_end.search(text):
            return ""
        for facet, cues in self.lead_cues:
            if any(cue in text for cue in cues):
                return facet
        return ""

    def article_facet(self, article: Article) -> str:
        """What an article's uncued headings hold, from its title and first paragraphs."""
        texts = [p.text for p in article.paragraphs if p.kind == "text"][:2]
        probe = " ".join([article.title, *texts])
        for facet, pattern in self.article_cues:
            if pattern.search(probe):
                return facet
        return self.article_default

    def classify(self, article: Article) -> dict[str, str]:
        """Facet of every paragraph (by anchor); also sets each point's facet, and joins
        the sentences of a paragraph that follow each other with one facet into one point."""
        facets = self.section_facets(article)
        default = self.article_facet(article)
        led = ""            # what the lead of the paragraph's items says they are
        for point, features in self.units(article, facets, default):
            section = facets.get(point.paragraph.anchor, self.preface)
            rule = self.point_facet(point.text, section)
            if point.unit == "lead":
                led = self.lead_facet(point.text) or self.strong_facet(point.text, section)
            elif point.unit != "item":
                led = ""
            if self.announces(point.text):
                point.facet = ""        # a lead-in is never a point, whatever the words around it
                continue
            # "究其原因，一是…；二是…", "明年将重点做好以下工作：一要…": an item with no cue
            # of its own is what its lead says.
            items_are = led if point.unit == "item" and not _cued(self.sentence_cues, point.text, section) else ""
            strong = self.strong_facet(point.text, section) or items_are
            point.facet = strong or (self.model.predict(features) if self.model is not None else rule)
        article.points = merged(article.points)
        return facets

    def section_facets(self, article: Article) -> dict[str, str]:
        """Facet of every paragraph (by anchor), from the headings it stands under."""
        default = self.article_facet(article)
        by_level: dict[int, tuple[str, bool]] = {}   # level → (facet, announced by a cue)
        pending = ""            # announced by a lead paragraph, for the headings that follow
        current = default if default == "心得" else self.preface
        facets: dict[str, str] = {}
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading":
                level = paragraph.level
                own = self.heading_facet(paragraph.text)
                if own:
                    pending = ""
                parents = [by_level[lv] for lv in sorted(by_level, reverse=True) if lv < level]
                inherited = next((facet for facet, cued in parents if cued), "")
                negative = "问题" if any(cue in paragraph.text for cue in self.negative) else ""
                facet = own or pending or inherited or negative or default
                by_level = {lv: f for lv, f in by_level.items() if lv < level}
                by_level[level] = (facet, facet != default or bool(own))
                current = facet
            else:
                lead = self.lead_facet(paragraph.text)
                if lead:
                    pending = current = lead
                    facets[paragraph.anchor] = self.preface
                    continue
            facets[paragraph.anchor] = current
        return facets

    def units(self, article: Article, facets: dict[str, str], default: str):
        """Each point (still a sentence or an item) with what the model reads of it: its
        section's facet, its own cue, the article's genre, its place and its words."""
        previous, previous_rule, opening = None, "", ""
        for point in article.points:
            section = facets.get(point.paragraph.anchor, self.preface)
            rule = self.point_facet(point.text, section)
            first = previous is None or previous.paragraph is not point.paragraph
            if first:
                opening = point.text
            yield point, unit_features(point, section, rule, default, article.title, first,
                                       self.lead_in.search(point.text) is not None, opening, previous_rule)
            previous, previous_rule = point, rule

    def announces(self, text: str) -> bool:
        """A sentence that only announces what follows: a short one ending in a colon
        ("下一步，我们将重点抓好以下几项工作：", "各位领导、同志们："), or a short lead-in
        ("现将情况报告如下。"). A long sentence ending in a colon says something before it
        announces ("…收获难于言表，现将心得体会归纳如下："): the model judges it."""
        text = text.strip()
        if len(text) <= self.formula_max and self.formula.match(text):
            return True         # "谢谢大家！", "以上报告，妥否，请审阅。"
        if text.endswith((":", "：")):
            return len(text) <= COLON_MAX
        return len(text) <= LEAD_MAX and bool(self.lead_in.search(text))

    def strong_facet(self, text: str, section: str) -> str:
        """The facet of a `strong` sentence cue, which the model does not overrule (a
        sentence that says "主要原因是…" gives a cause wherever it stands), or ""."""
        return _cued(self.strong_cues, text, section)

    def point_facet(self, text: str, section: str) -> str:
        """A sentence's or an item's facet: its own cue where one overrides its section's
        facet there, else the section's; "" for a list's lead-in, which is no point."""
        if self.lead_in.search(text):
            return ""
        return _cued(self.sentence_cues, text, section) or section


def _cued(cues, text: str, section: str) -> str:
    """The facet of the first cue that matches the text and applies in its section, or ""."""
    for facet, pattern, unless, where in cues:
        if section in where and pattern.search(text) and not (unless and unless.search(text)):
            return facet
    return ""


def merged(points: list) -> list:
    """Points without the lead-ins, and the sentences of one paragraph that follow each
    other with one facet as one point (an excerpt reads as the writer wrote it)."""
    out: list = []
    pieces: list[list[str]] = []          # each kept point's texts, joined once at the end
    for point in points:
        if not point.facet:
            continue
        last = out[-1] if out else None
        if (last is not None and point.unit == "sentence" and last.unit == "sentence"
                and last.paragraph is point.paragraph and last.facet == point.facet):
            pieces[-1].append(point.text)
            continue
        out.append(point)
        pieces.append([point.text])
    for point, texts in zip(out, pieces):
        if len(texts) > 1:
            point.text = "".join(texts)
    return out
