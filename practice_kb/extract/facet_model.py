"""The trained facet model: a linear model over what the rules say and what the words are.

The rules (rules/facets.yml) read a point's section and its own cue words; the gold sets
(bench/gold/) say what each point really is. A logistic regression trained on them
(bench/train_facets.py, with scikit-learn) weighs the rules' verdicts against the point's
words, its place and its article's genre. Its weights are stored as JSON in
rules/facet_model.json and applied here in plain Python: scikit-learn is needed to train
the model, not to build the site. Without the file, the rules alone decide.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent.parent / "rules" / "facet_model.json"
# A benchmark may measure another model (one trained without the set it measures).
MODEL_OVERRIDE = "PRACTICE_KB_FACET_MODEL"
NONE = "无"        # what the model says of a sentence that is no point (a lead-in, a signature)

_DIGIT = re.compile(r"\d")
# A point's mood: what was done (a practice, 经验) or what is to be done (a countermeasure,
# 对策). The words say it apart from the section: "建立了…制度，全年开展12次" reports,
# "要建立…制度" proposes, wherever each stands.
_DONE = re.compile(r"了|已经|已|先后|累计|共计|全年|截至|目前已|\d+(\.\d+)?\s*(次|场|期|人|名|家|个|件|户|项|万|余|%|％)")
_PLAN = re.compile(r"要|应|须|需|将|建议|进一步|力争|争取|着力|努力|切实|加快|推动|探索")
_SELF = re.compile(r"^[^，,。]{0,6}(我|本人)(?!们|国|县|市|区|镇|乡|校|院|省|部|局|村)")
_TITLE_GENRES = (("心得", "心得|体会|感悟|收获"), ("调研", "调研|调查|报告|思考|浅析|浅谈|探析|研究"),
                 ("总结", "总结|汇报|述职"), ("经验", "做法|经验|典型|案例|纪实|探索|模式"),
                 ("讲话", "讲话|发言"), ("新闻", "召开|举行|举办|开展|组织"))


def unit_features(point, section: str, rule: str, default: str, title: str, first: bool, lead: bool,
                  opening: str = "", previous_rule: str = "") -> list[str]:
    """What the model reads of a point (a sentence or an enumerated item); `opening`: the
    first sentence of its paragraph (an item's topic), `previous_rule`: what the rules
    said of the point before it in the paragraph."""
    text = point.text
    features = [f"sec={section}", f"rule={rule or NONE}", f"art={default}", f"unit={point.unit}",
                f"sec*rule={section}*{rule or NONE}", f"first={first}", f"lead={lead}",
                f"len={min(len(text) // 20, 6)}", f"num={bool(_DIGIT.search(text))}", f"end={text[-1:]}"]
    done, plan = bool(_DONE.search(text)), bool(_PLAN.search(text[:40]))
    features.append(f"mood={'both' if done and plan else 'done' if done else 'plan' if plan else 'none'}")
    if _SELF.search(text):
        features.append("self")
    if point.label:
        features.append(f"label={_DIGIT.sub('N', point.label)[:2]}")
    for genre, pattern in _TITLE_GENRES:
        if re.search(pattern, title):
            features.append(f"title={genre}")
    heading = point.topic or (point.headings[-1] if point.headings else "")
    features += [f"h:{heading[i:i + 2]}" for i in range(min(len(heading), 16) - 1)]
    outer = point.headings[0] if len(point.headings) > 1 else ""
    features += [f"o:{outer[i:i + 2]}" for i in range(min(len(outer), 16) - 1)]
    if not first:
        features.append(f"prev={previous_rule or NONE}")
        features += [f"p:{opening[i:i + 2]}" for i in range(min(len(opening), 10) - 1)]
    start = text[:8]
    features += [f"s:{start[i:i + 2]}" for i in range(len(start) - 1)]
    body = text[:120]
    features += [f"b:{body[i:i + 2]}" for i in range(len(body) - 1)]
    return features


@dataclass
class FacetModel:
    classes: list[str]
    intercepts: list[float]
    weights: dict[str, list[float]]

    @classmethod
    def load(cls, path: Path | None = None) -> "FacetModel | None":
        path = Path(os.environ.get(MODEL_OVERRIDE) or path or MODEL_FILE)
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["classes"], data["intercepts"], data["weights"])

    def predict(self, features: list[str]) -> str:
        """The facet with the highest score; "" where it says the point is none."""
        scores = list(self.intercepts)
        for feature in dict.fromkeys(features):      # in order: a sum of floats, the same every run
            weights = self.weights.get(feature)
            if weights is not None:
                for index, weight in enumerate(weights):
                    scores[index] += weight
        best = self.classes[max(range(len(scores)), key=scores.__getitem__)]
        return "" if best == NONE else best
