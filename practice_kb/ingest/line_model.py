"""The trained furniture model: a linear model over how a line looks and what is around it.

The classes of rules/boilerplate.yml name furniture by its words; a page shape never met
before brings furniture in words no class has. The gold sets (bench/gold/) say, line by
line, what is furniture; a logistic regression trained on them (bench/train_lines.py,
with scikit-learn) weighs a line's length, its punctuation, digits, Latin letters and
URLs, its character pairs (the furniture vocabulary), its place in the file, and what the
rules said of the lines around it. Its weights are stored as JSON in
rules/line_model.json and applied here in plain Python. Without the file, the rules alone
decide.

The model only speaks of lines the rules left as text, and never of a line that reads as
the article's own (Boilerplate.learned_guard): a sentence, a heading, an article marker,
a data row, a title over its publishing line or its text.
"""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent.parent / "rules" / "line_model.json"
# A benchmark may measure another model (one trained without the set it measures), or
# none ("off": the rules alone, as the trainer reads the lines).
MODEL_OVERRIDE = "PRACTICE_KB_LINE_MODEL"

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_URL = re.compile(r"https?://|www\.|\.com\b|\.cn\b")
_STOPS = re.compile(r"[。！？；]")
_SPACES = re.compile(r"[ \u3000]")
_KEY = re.compile(r"^.{1,8}[:：]")
_RUN = re.compile(r"(.)\1+")
_LENGTHS = (0, 2, 5, 10, 20, 40, 80)
READ_CHARACTERS = 60            # a line's pairs are read from its first characters
SHAPE_CHARACTERS = 30


def _bucket(value: int, edges: tuple[int, ...] = _LENGTHS) -> int:
    return max((i for i, edge in enumerate(edges) if value > edge), default=0)


def _shape(character: str) -> str:
    if _HAN.match(character):
        return "H"
    if character.isdigit():
        return "D"
    if _LATIN.match(character):
        return "L"
    return "_" if character.isspace() else character


def line_features(lines: list[str], rules: list[str | None], index: int, boilerplate) -> list[str]:
    """What the model reads of lines[index]: its look, its words, its place, and whether
    the rules took the lines around it."""
    line = lines[index]
    size = max(len(line), 1)
    han, latin = len(_HAN.findall(line)), len(_LATIN.findall(line))
    digits = sum(c.isdigit() for c in line)
    features = [f"len={_bucket(len(line))}", f"han={_bucket(han * 10 // size, (0, 3, 6, 8, 9))}",
                f"dig={_bucket(digits * 10 // size, (0, 1, 3, 5))}",
                f"comma={min(line.count('，') + line.count(','), 3)}", f"stop={min(len(_STOPS.findall(line)), 3)}",
                f"end={_shape(line[-1]) if line else ''}", f"start={_shape(line[0]) if line else ''}",
                f"sp={min(len(_SPACES.findall(line)), 4)}"]
    if latin:
        features.append(f"lat={_bucket(latin * 10 // size, (0, 2, 5))}")
    if _URL.search(line):
        features.append("url")
    if _KEY.search(line):
        features.append("key")
    if boilerplate.reads_as_sentence(line):
        features.append("sentence")
    if boilerplate.reads_as_prose(line):
        features.append("prose")
    if boilerplate.is_title_like(line):
        features.append("titlelike")
    shape = _RUN.sub(r"\1\1", "".join(_shape(c) for c in line[:SHAPE_CHARACTERS]))
    features += [f"sh:{shape[k:k + 3]}" for k in range(max(len(shape) - 2, 1))]
    features += [f"shs:{shape[:4]}", f"she:{shape[-4:]}"]
    head = line[:READ_CHARACTERS]
    features += [f"u:{c}" for c in sorted(set(head))]
    features += [f"b:{head[k:k + 2]}" for k in range(len(head) - 1)]
    count = len(lines)
    features += [f"top={min(index, 5)}", f"bot={min(count - 1 - index, 5)}", f"rel={10 * index // max(count, 1)}"]
    for step, name in ((-1, "p"), (1, "n"), (-2, "pp"), (2, "nn")):
        other = index + step
        if 0 <= other < count:
            features += [f"{name}rule={'F' if rules[other] else 'T'}", f"{name}len={_bucket(len(lines[other]))}"]
            if boilerplate.reads_as_sentence(lines[other]):
                features.append(f"{name}sent")
        else:
            features.append(f"{name}edge")
    before = "F" if index and rules[index - 1] else "T"
    after = "F" if index + 1 < count and rules[index + 1] else "T"
    features.append(f"around={before}{after}")
    return features


@dataclass
class LineModel:
    intercept: float
    weights: dict[str, float]
    threshold: float

    @classmethod
    def load(cls, path: Path | None = None) -> "LineModel | None":
        chosen = os.environ.get(MODEL_OVERRIDE)
        if chosen == "off":
            return None
        path = Path(chosen or path or MODEL_FILE)
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()},
                   float(data["threshold"]))

    def probability(self, features: list[str]) -> float:
        score = self.intercept
        for feature in dict.fromkeys(features):      # in order: a sum of floats, the same every run
            score += self.weights.get(feature, 0.0)
        return 1.0 / (1.0 + math.exp(-max(min(score, 60.0), -60.0)))

    def is_furniture(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold
