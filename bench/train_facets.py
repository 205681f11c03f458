#!/usr/bin/env python3
"""Train the facet model (practice_kb/rules/facet_model.json) on the gold sets.

Each point of the gold sets' files, cut as the pipeline cuts them (an enumerated item or a
sentence), is labelled with the facet of the gold point it holds ("无" where it holds none:
a lead-in, a signature), and described as practice_kb/extract/facet_model.unit_features
describes it (the rules' verdicts, its place, its article's genre, its words). A logistic
regression (scikit-learn) is fitted on them; its weights go to the JSON file the build reads.

Figures are cross-validated: the files are cut into folds (a file's points never on both
sides), and each fold is predicted by a model trained on the others. The shipped model is
then trained on every file of the training sets. A set left out of training (--exclude)
can be measured with bench/knowledge_quality.py and PRACTICE_KB_FACET_MODEL.

    .venv/bin/pip install scikit-learn==1.9.1        # for training only
    .venv/bin/python bench/train_facets.py [--sets dev,dev2,dev3,seeds,heldout…heldout12] [--exclude dev2] [--out model.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from gold import FACETS, SETS, load, materialise, norm, same_text, source_name

from practice_kb.extract.articles import ArticleSplitter
from practice_kb.extract.facet_model import MODEL_FILE, NONE
from practice_kb.extract.facets import FacetClassifier
from practice_kb.extract.identity import assign_anchors
from practice_kb.extract.sections import PointSplitter
from practice_kb.ingest import Ingest, read_document
from practice_kb.structure import Skipped

CLASSES = list(FACETS)


def labelled_units(set_name: str) -> list[tuple[str, list[str], str]]:
    """(file, features, gold facet) of every point of the set, cut as the pipeline cuts."""
    _, gold_files = load(set_name)
    gold = {source_name(g.name): [(f, norm(t)) for a in g.articles for f, t in a.points] for g in gold_files}
    reader, splitter, points = Ingest(), ArticleSplitter(), PointSplitter()
    classifier = FacetClassifier(model=False)
    units = []
    with tempfile.TemporaryDirectory() as folder:
        sources = materialise(set_name, Path(folder) / "texts")
        for path in sorted(sources.iterdir()):
            if path.name not in gold:
                continue
            document = read_document(reader, path.name, path.read_bytes())
            if isinstance(document, Skipped):
                continue
            for article in splitter.split(document):
                assign_anchors(article)
                article.points = points.points(article.sections)
                facets = classifier.section_facets(article)
                default = classifier.article_facet(article)
                previous = None
                for point, features in classifier.units(article, facets, default):
                    label = _label(norm(point.topic + point.text), gold[path.name])
                    # An item's start is annotated; the sentences that go on with it are
                    # the same item (a gold point runs to the next one in its paragraph).
                    if label == NONE and previous is not None and previous[0].paragraph is point.paragraph \
                            and previous[1] != NONE and not classifier.lead_in.search(point.text):
                        label = previous[1]
                    units.append((f"{set_name}/{path.name}", features, label))
                    previous = (point, label)
    return units


def _label(text: str, golden: list[tuple[str, str]]) -> str:
    for facet, key in golden:
        if same_text(key, text):
            return facet
    return NONE


MIN_SETS = 2


def fit(units, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    # A feature seen in one gold set only is a piece of that set's invented places and
    # people, not of how the genre writes: the model does not learn it.
    seen: dict[str, set[str]] = {}
    for name, features, _ in units:
        for feature in features:
            seen.setdefault(feature, set()).add(name.split("/", 1)[0])
    general = {feature for feature, sets in seen.items() if len(sets) >= MIN_SETS}
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in features if f in general} for _, features, _ in units])
    y = [label for _, _, label in units]
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(x, y)
    return vectorizer, model


def predict(vectorizer, model, units) -> list[str]:
    return list(model.predict(vectorizer.transform([{f: 1 for f in features} for _, features, _ in units])))


def scores(gold: list[str], predicted: list[str]) -> dict[str, tuple[float, float, int]]:
    out = {}
    for facet in CLASSES:
        given = sum(1 for p in predicted if p == facet)
        true = sum(1 for g in gold if g == facet)
        hit = sum(1 for g, p in zip(gold, predicted) if g == p == facet)
        out[facet] = (hit / given if given else 0.0, hit / true if true else 0.0, true)
    return out


def cross_validate(units, c: float, folds: int = 5) -> dict:
    files = sorted({name for name, _, _ in units})
    predicted = {}
    for fold in range(folds):
        held = set(files[fold::folds])
        train = [u for u in units if u[0] not in held]
        test = [u for u in units if u[0] in held]
        if not test:
            continue
        vectorizer, model = fit(train, c)
        for unit, label in zip(test, predict(vectorizer, model, test)):
            predicted[id(unit)] = label
    gold = [u[2] for u in units]
    return scores(gold, [predicted[id(u)] for u in units])


def export(vectorizer, model, out: Path, sets: list[str], c: float) -> None:
    classes = list(model.classes_)
    weights = {}
    for feature, column in vectorizer.vocabulary_.items():
        row = [round(float(model.coef_[k][column]), 4) for k in range(len(classes))]
        if max(abs(w) for w in row) >= 0.03:
            weights[feature] = row
    data = {"trained_on": sets, "C": c, "classes": classes,
            "intercepts": [round(float(v), 4) for v in model.intercept_], "weights": dict(sorted(weights.items()))}
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,dev2,dev3,seeds,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,heldout8,heldout9,heldout10,heldout11,heldout12")
    parser.add_argument("--exclude", default="", help="sets left out of training (to measure them unseen)")
    parser.add_argument("--out", default=str(MODEL_FILE))
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation strength")
    args = parser.parse_args()
    excluded = set(args.exclude.split(",")) - {""}
    sets = [s for s in args.sets.split(",") if s and s not in excluded and SETS[s][1].is_file()]
    # The model chooses among the facets; what is no point at all (a lead-in, a reference)
    # the rules decide: points the gold marks as none are too few and too mixed to learn.
    units = [u for s in sets for u in labelled_units(s) if u[2] != NONE]
    print(f"{len(units)} points from {len({u[0] for u in units})} files of {', '.join(sets)}")
    for facet, (precision, recall, true) in cross_validate(units, args.c).items():
        print(f"  cross-validated {facet}: precision {precision:.2f}, recall {recall:.2f} ({true} points)")
    vectorizer, model = fit(units, args.c)
    export(vectorizer, model, Path(args.out), sets, args.c)
    print(f"model → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
