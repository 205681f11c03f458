#!/usr/bin/env python3
"""Knowledge quality: facets, titles and cases measured against the annotated gold sets.

For each gold set (bench/gold.py) the files are read by the pipeline (build_corpus) and
compared with what the annotators marked:

- per facet (问题 原因 对策 经验 心得 背景): precision — of the points the build gave that
  facet, the share holding a gold point of that facet; recall — of the gold points of that
  facet, the share found inside a point the build gave that facet; F1;
- references as points: points that are bibliography or classification lines;
- non-points as points: points holding a line the gold says is none (a list's lead-in);
- titles: each gold article's title (or an accepted alternative) on its article;
- cases: precision and recall of the places and units the build made case pages for, by
  name, against the gold's cases of the set's articles.

Points of whole-article copies are not counted (the site shows the original).

    .venv/bin/python bench/knowledge_quality.py [--sets dev,dev2,seeds,heldout]
        [--code /path/to/another/checkout]   (to measure another version of the pipeline)
        [--unseen]   (each training set measured with a facet model trained without it)
      → bench/results/knowledge_quality.md (and .json)
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
HERE = Path(__file__).resolve().parent


def evaluate(set_name: str) -> dict:
    from gold import (FACETS, ROOT, is_reference, load, match_articles, materialise, norm, same_text, source_name,
                      title_ok)
    from practice_kb.pipeline import build_corpus

    _, gold_files = load(set_name)
    with tempfile.TemporaryDirectory() as folder:
        sources = materialise(set_name, Path(folder) / "source_texts")
        corpus = build_corpus(sources, ROOT / "topics.yml")
    by_file: dict[str, list] = {}
    for article in corpus.articles:
        by_file.setdefault(article.source, []).append(article)
    tp = {f: 0 for f in FACETS}
    given = {f: 0 for f in FACETS}
    found = {f: 0 for f in FACETS}
    total = {f: 0 for f in FACETS}
    misses: dict[str, list[str]] = {f: [] for f in FACETS}
    wrong: dict[str, list[str]] = {f: [] for f in FACETS}
    references, non_points = [], []
    titles_ok, titles, title_misses = 0, 0, []
    gold_cases: dict[str, str] = {}
    not_cases: set[str] = set()
    for gold in gold_files:
        name = source_name(gold.name)
        articles = by_file.get(name, [])
        points = [(p.facet, norm(getattr(p, "topic", "") + p.text), p.text) for a in articles if not a.duplicate_of
              for p in a.points]
        golden = [(facet, norm(text), text) for a in gold.articles for facet, text in a.points]
        for facet, key, text in points:
            if facet not in given:
                continue
            given[facet] += 1
            if any(f == facet and same_text(g, key) for f, g, _ in golden):
                tp[facet] += 1
            else:
                held = [f for f, g, _ in golden if same_text(g, key)]
                wrong[facet].append(f"{name}: [{'/'.join(held) or '无'}] {text[:50]}")
            if is_reference(text):
                references.append(f"{name}: {text[:60]}")
            elif any(norm(n) and len(norm(n)) >= 6 and norm(n) in key and not any(same_text(g, key) for _, g, _ in golden)
                     for a in gold.articles for n in a.not_points):
                non_points.append(f"{name}: [{facet}] {text[:50]}")
        for facet, key, text in golden:
            total[facet] += 1
            if any(f == facet and same_text(key, k) for f, k, _ in points):
                found[facet] += 1
            else:
                where = [f for f, k, _ in points if same_text(key, k)]
                misses[facet].append(f"{name}: [{'/'.join(where) or '无'}] {text[:50]}")
        for wanted, article in zip(gold.articles, match_articles(gold, articles)):
            titles += 1
            if article is not None and title_ok(wanted, article.title):
                titles_ok += 1
            else:
                title_misses.append(f"{name}: “{article.title if article else '（无）'}” ≠ “{wanted.title}”")
        for article in gold.articles:
            for case in article.cases:
                gold_cases[norm(case["name"])] = str(case["name"])
            not_cases.update(norm(n) for n in article.not_cases)
    files = {source_name(g.name) for g in gold_files}
    system_cases = {norm(c.name): c.name for c in corpus.cases if any(a.source in files for a in c.articles)}
    hits = set(system_cases) & set(gold_cases)
    facets = {}
    for facet in FACETS:
        precision = tp[facet] / given[facet] if given[facet] else 0.0
        recall = found[facet] / total[facet] if total[facet] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        facets[facet] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                         "given": given[facet], "gold": total[facet],
                         "misses": misses[facet], "wrong": wrong[facet]}
    return {
        "set": set_name, "files": len(gold_files), "articles": sum(len(g.articles) for g in gold_files),
        "facets": facets,
        "references_as_points": references, "non_points_as_points": non_points,
        "titles": {"correct": titles_ok, "total": titles, "misses": title_misses},
        "cases": {"precision": round(len(hits) / len(system_cases), 3) if system_cases else 0.0,
                  "recall": round(len(hits) / len(gold_cases), 3) if gold_cases else 0.0,
                  "system": len(system_cases), "gold": len(gold_cases),
                  "extra": sorted(system_cases[k] for k in set(system_cases) - hits),
                  "generic_or_passing": sorted(system_cases[k] for k in set(system_cases) & not_cases),
                  "missed": sorted(gold_cases[k] for k in set(gold_cases) - hits)},
    }


def evaluate_unseen(set_name: str) -> dict:
    """The set measured with a facet model that never saw it: one trained on the other
    training sets (a set the shipped model was not trained on uses the shipped model)."""
    import json as _json
    import os
    from practice_kb.extract.facet_model import MODEL_FILE, MODEL_OVERRIDE
    trained_on = _json.loads(MODEL_FILE.read_text(encoding="utf-8"))["trained_on"]
    if set_name not in trained_on:
        return evaluate(set_name)
    import train_facets
    others = [s for s in trained_on if s != set_name]
    units = [u for s in others for u in train_facets.labelled_units(s) if u[2] != train_facets.NONE]
    vectorizer, model = train_facets.fit(units, 0.5)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.json"
        train_facets.export(vectorizer, model, path, others, 0.5)
        os.environ[MODEL_OVERRIDE] = str(path)
        try:
            return evaluate(set_name)
        finally:
            os.environ.pop(MODEL_OVERRIDE, None)


def table(results: list[dict]) -> list[str]:
    from gold import FACETS
    lines = ["| Measure | " + " | ".join(r["set"] for r in results) + " |", "|---|" + "---:|" * len(results)]
    for facet in FACETS:
        cells = [f"{r['facets'][facet]['precision']:.2f} / {r['facets'][facet]['recall']:.2f} / "
                 f"{r['facets'][facet]['f1']:.2f} ({r['facets'][facet]['given']}/{r['facets'][facet]['gold']})"
                 for r in results]
        lines.append(f"| {facet}: P / R / F1 (given/gold) | " + " | ".join(cells) + " |")
    lines.append("| references as points | " + " | ".join(str(len(r["references_as_points"])) for r in results) + " |")
    lines.append("| non-points as points | " + " | ".join(str(len(r["non_points_as_points"])) for r in results) + " |")
    lines.append("| titles correct | " + " | ".join(
        f"{r['titles']['correct'] / max(r['titles']['total'], 1):.0%} ({r['titles']['correct']}/{r['titles']['total']})"
        for r in results) + " |")
    lines.append("| cases: P / R (system/gold) | " + " | ".join(
        f"{r['cases']['precision']:.2f} / {r['cases']['recall']:.2f} ({r['cases']['system']}/{r['cases']['gold']})"
        for r in results) + " |")
    return lines


def report(results: list[dict], commit: str, label: str) -> str:
    import gold
    lines = ["# Knowledge quality: facets, titles and cases against the gold sets", "",
             f"Produced by `bench/knowledge_quality.py` at {label} {commit}. Targets (issue 15, on unseen "
             "text): 问题 and 对策 precision ≥ 0.95 and recall ≥ 0.90; cases precision ≥ 0.95 and recall ≥ 0.90; "
             "titles 100% on the seeds and ≥ 95% unseen; 0 references as points. " + gold.PROVENANCE, "", *table(results), ""]
    for r in results:
        lines += [f"## {r['set']}: what went wrong", ""]
        for facet, scores in r["facets"].items():
            for miss in scores["misses"][:12]:
                lines.append(f"- {facet} missed (found as): {miss}")
            for item in scores["wrong"][:12]:
                lines.append(f"- given {facet} (gold says): {item}")
        lines += [f"- reference as point: {x}" for x in r["references_as_points"][:10]]
        lines += [f"- non-point as point: {x}" for x in r["non_points_as_points"][:10]]
        lines += [f"- title: {x}" for x in r["titles"]["misses"]]
        lines.append(f"- cases not in the gold: {'、'.join(r['cases']['extra']) or '无'}")
        lines.append(f"- gold cases missed: {'、'.join(r['cases']['missed']) or '无'}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,dev2,seeds")
    parser.add_argument("--code", default="", help="another checkout whose practice_kb to measure")
    parser.add_argument("--out", default=str(RESULTS / "knowledge_quality.md"))
    parser.add_argument("--label", default="commit")
    parser.add_argument("--unseen", action="store_true",
                        help="measure each training set with a facet model trained without it (needs scikit-learn)")
    args = parser.parse_args()
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
    sys.path.insert(1 if args.code else 0, str(HERE))
    import gold  # noqa: F401  (puts the project on sys.path after --code)
    root = Path(args.code).resolve() if args.code else HERE.parent
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                            text=True).stdout.strip() or "?"
    results = [evaluate_unseen(name) if args.unseen else evaluate(name) for name in args.sets.split(",") if name]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = report(results, commit, args.label)
    out.write_text(text + "\n", encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("\n".join(table(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
