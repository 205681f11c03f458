#!/usr/bin/env python3
"""Train the furniture model (practice_kb/rules/line_model.json) on the gold sets.

Every line of the gold sets' files, as the pipeline reads it before deciding what is
furniture, is labelled furniture when it is one of the file's gold furniture lines (or
holds one that is most of it), and text otherwise; a line that holds a gold fact or point
is text whatever else it holds. It is described as practice_kb/ingest/line_model.
line_features describes it, with what the rules alone said of the lines around it. A
logistic regression (scikit-learn) is fitted on them; its weights go to the JSON file the
build reads. A feature seen in one gold set only (its invented names) is not learned.

Figures are cross-validated by set: each set is read by a model trained on the others, on
the lines the rules left and the guard lets the model judge — the furniture it then takes
and the text it would wrongly take, at the shipped threshold. A set left out of training
(--exclude) can be measured with bench/realworld.py and PRACTICE_KB_LINE_MODEL.

    .venv/bin/pip install -c constraints.txt -e ".[train]"        # for training only
    .venv/bin/python bench/train_lines.py [--sets dev,…] [--exclude heldout10] [--out model.json] [--no-cv]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from gold import load, materialise, norm, source_name

from practice_kb.ingest.line_model import MODEL_FILE, MODEL_OVERRIDE, line_features

DEFAULT_SETS = ("dev,dev2,dev3,seeds,heldout,heldout2,heldout3,heldout4,heldout5,heldout6,heldout7,"
                "heldout8,heldout9,heldout10,heldout11,heldout12")
THRESHOLD = 0.8      # the probability a line must reach: chosen on heldout9 and heldout10 as they stood blind
MIN_SETS = 2
FURNITURE_SHARE = 0.7  # a line holding a gold furniture line that is this much of it is furniture


def labelled_lines(set_name: str) -> list[dict]:
    """Each line of the set's files: its features, its label (1 furniture, 0 text), whether
    the rules took it, whether the model may not judge it (Boilerplate.learnable), and the
    line."""
    os.environ[MODEL_OVERRIDE] = "off"          # the rules alone, as the model will see them
    from practice_kb.ingest import Ingest

    _, gold_files = load(set_name)
    gold = {source_name(g.name): g for g in gold_files}
    reader = Ingest()
    bp = reader.boilerplate
    seen: list[tuple[list[str], list[str | None]]] = []
    classify = bp.classify

    def capture(lines, learned=True):
        rules = classify(lines, learned=False)
        seen.append((list(lines), list(rules)))
        return rules

    bp.classify = capture
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        sources = materialise(set_name, Path(folder) / "texts")
        for path in sorted(sources.iterdir()):
            if path.name not in gold:
                continue
            seen.clear()
            try:
                reader.read(path.name, path.read_bytes())
            except Exception as error:  # noqa: BLE001 - an unreadable gold file is reported, not fatal
                print(f"{set_name}/{path.name}: not read ({error})", file=sys.stderr)
                continue
            if not seen:
                continue
            lines, rules = seen[0]
            furniture = [norm(x) for x in gold[path.name].furniture]
            text = [norm(x) for a in gold[path.name].articles for x in a.facts + [t for _, t in a.points]]
            learnable = set(bp.learnable(lines, rules))
            for index, line in enumerate(lines):
                key = norm(line)
                is_furniture = bool(key) and any(
                    f == key or (len(f) >= 2 and f in key and len(f) >= FURNITURE_SHARE * len(key)) for f in furniture)
                is_text = any(len(t) >= 8 and (t in key or (len(key) >= 8 and key in t)) for t in text)
                if is_furniture and is_text:
                    continue            # a line of both: no lesson either way
                rows.append({"set": set_name, "file": path.name, "line": line, "label": int(is_furniture),
                             "ruled": rules[index] is not None, "guarded": index not in learnable,
                             "features": line_features(lines, rules, index, bp)})
    return rows


def fit(rows: list[dict], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    sets: dict[str, set[str]] = {}
    for row in rows:
        for feature in row["features"]:
            sets.setdefault(feature, set()).add(row["set"])
    general = {feature for feature, where in sets.items() if len(where) >= MIN_SETS}
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in row["features"] if f in general} for row in rows])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, [row["label"] for row in rows])
    return vectorizer, model


def judged(rows: list[dict]) -> list[dict]:
    """The lines the model is asked about: left by the rules, and its to judge."""
    return [row for row in rows if not row["ruled"] and not row["guarded"]]


def cross_validate(by_set: dict[str, list[dict]], c: float, threshold: float) -> list[dict]:
    results = []
    for held, rows in by_set.items():
        train = [row for name, other in by_set.items() if name != held for row in other]
        vectorizer, model = fit(train, c)
        test = judged(rows)
        probabilities = model.predict_proba(vectorizer.transform([{f: 1 for f in r["features"]} for r in test]))[:, 1] \
            if test else []
        taken = [row for row, p in zip(test, probabilities) if p >= threshold]
        results.append({"set": held, "furniture": sum(r["label"] for r in rows),
                        "left": sum(r["label"] for r in rows if not r["ruled"]),
                        "taken": sum(r["label"] for r in taken),
                        "wrong": [r["line"] for r in taken if not r["label"]]})
    return results


def export(vectorizer, model, out: Path, sets: list[str], c: float, threshold: float) -> None:
    weights = {feature: round(float(model.coef_[0][column]), 4) for feature, column in vectorizer.vocabulary_.items()
               if abs(model.coef_[0][column]) >= 0.01}
    data = {"trained_on": sets, "C": c, "threshold": threshold, "intercept": round(float(model.intercept_[0]), 4),
            "weights": dict(sorted(weights.items()))}
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--exclude", default="", help="sets left out of training (to measure them unseen)")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--no-cv", action="store_true", help="train only, without the cross-validated figures")
    args = parser.parse_args()
    excluded = {s for s in args.exclude.split(",") if s}
    sets = [s for s in args.sets.split(",") if s and s not in excluded]
    by_set = {name: labelled_lines(name) for name in sets}
    if not args.no_cv:
        print("| set | gold furniture lines | left by the rules | taken by the model | text taken |")
        print("|---|---:|---:|---:|---:|")
        totals = [0, 0, 0, 0]
        for result in cross_validate(by_set, args.C, args.threshold):
            wrong = len(result["wrong"])
            print(f"| {result['set']} | {result['furniture']} | {result['left']} | {result['taken']} | {wrong} |")
            for line in result["wrong"]:
                print(f"|   | text taken: {line[:50]} | | | |", file=sys.stderr)
            for k, v in enumerate((result["furniture"], result["left"], result["taken"], wrong)):
                totals[k] += v
        print(f"| all | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} |")
    vectorizer, model = fit([row for rows in by_set.values() for row in rows], args.C)
    export(vectorizer, model, args.out, sets, args.C, args.threshold)
    print(f"model written to {args.out} (trained on {', '.join(sets)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
