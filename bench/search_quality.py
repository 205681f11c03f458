#!/usr/bin/env python3
"""Search-quality benchmark: our search against stock Material's, in a real browser.

Builds our site and the stock baseline from the same sources, opens each in headless
chromium, types every query of bench/search_queries.yml into the real search box and
reads the result links a reader sees (not the ones folded under "more"). A result is
relevant when the text where the reader lands contains one of the query's answers.
Reports hit@5, precision@5 and MRR side by side, and writes bench/results/search_quality.{md,json}.

    .venv/bin/python bench/search_quality.py [--sources source_texts]
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, build_ours, build_stock, landing_text, launch, machine, serve, stock_pages  # noqa: E402

RESULTS = ROOT / "bench" / "results"
QUERIES = ROOT / "bench" / "search_queries.yml"
VISIBLE_LINKS = ".md-search-result__item > a.md-search-result__link"
DEPTH = 10          # MRR looks this far down


def run_queries(page, url: str, queries: list[dict]) -> list[list[str]]:
    """For each query, the hrefs of the visible result links, in order."""
    page.goto(url + ("index.html" if url.endswith("/") else ""))
    field = page.locator(".md-search__input")
    results = []
    for entry in queries:
        field.click()
        field.fill("")
        field.press("End")
        page.wait_for_timeout(50)
        field.fill(entry["query"])
        field.press("End")          # Material reads the box on keyup, as after an IME commit
        results.append(_wait_for_links(page, entry["query"]))
    return results


def _wait_for_links(page, query: str, timeout: float = 8.0) -> list[str]:
    """The result list once it has settled for this query."""
    deadline = time.monotonic() + timeout
    last, stable = None, 0
    while time.monotonic() < deadline:
        meta = page.inner_text(".md-search-result__meta")
        links = page.eval_on_selector_all(VISIBLE_LINKS, "els => els.map(e => e.href)")
        state = (meta, tuple(links))
        stable = stable + 1 if state == last else 0
        last = state
        if stable >= 3 and "初始化" not in meta and "键入" not in meta:
            return links
        page.wait_for_timeout(100)
    return list(last[1]) if last else []


def score(site: Path, base: str, queries: list[dict], results: list[list[str]]) -> dict:
    per_query = []
    for entry, links in zip(queries, results):
        answers = ["".join(a.split()) for a in entry["answers"]]
        relevant = [any(a in landing_text(site, href, base) for a in answers) for href in links[:DEPTH]]
        first = next((i + 1 for i, ok in enumerate(relevant) if ok), None)
        per_query.append({"query": entry["query"], "kind": entry.get("kind", ""),
                          "hit5": any(relevant[:5]), "p5": sum(relevant[:5]) / 5,
                          "rr": 1 / first if first else 0.0, "first": first, "links": links[:5]})
    n = len(per_query) or 1
    return {"hit@5": sum(q["hit5"] for q in per_query) / n, "P@5": sum(q["p5"] for q in per_query) / n,
            "MRR": sum(q["rr"] for q in per_query) / n, "queries": per_query}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(ROOT / "source_texts"))
    parser.add_argument("--queries", default=str(QUERIES))
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()
    queries = yaml.safe_load(Path(args.queries).read_text(encoding="utf-8"))["queries"]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours = build_ours(Path(args.sources), work)
        stock = build_stock(stock_pages(Path(args.sources)), work)
        runs = {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            blocked: list[str] = []
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                ("file:", "blob:", "http://127.0.0.1")) else (blocked.append(route.request.url), route.abort()))
            base = ours.as_uri() + "/"
            runs["ours, file://"] = score(ours, base, queries, run_queries(page, base, queries))
            with serve(ours) as url:
                runs["ours, http"] = score(ours, url, queries, run_queries(page, url, queries))
            with serve(stock) as url:
                runs["stock Material, http"] = score(stock, url, queries, run_queries(page, url, queries))
            browser.close()
        sizes = {"ours": _index_size(ours), "stock Material": _index_size(stock)}
        text_bytes = json.loads((ours / "report.json").read_text(encoding="utf-8"))["search"]["text_bytes"]
    write(Path(args.out), runs, sizes, text_bytes, queries, blocked)
    return 0


def _index_size(site: Path) -> int:
    """The search index on disk: the index JSON and, for ours, the shards its worker reads
    a query's part of (one copy for http(s) and file://)."""
    folder = site / "search"
    return (folder / "search_index.json").stat().st_size + sum(
        p.stat().st_size for p in folder.rglob("*.js") if p.name != "search_index.js")


def write(out: Path, runs: dict, sizes: dict, text_bytes: int, queries: list[dict], blocked: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    kinds = sorted({q.get("kind", "") for q in queries})
    lines = [
        "# Search quality: ours vs stock Material",
        "",
        f"Produced by `bench/search_quality.py` on {datetime.date.today()} — {machine()}.",
        f"{len(queries)} queries from `bench/search_queries.yml`, typed into the real search box in headless chromium.",
        "A result counts when the 400 characters where the reader lands contain one of the query's answers.",
        "",
        "| Build | hit@5 | P@5 | MRR |",
        "|---|---|---|---|",
        *[f"| {name} | {r['hit@5']:.3f} | {r['P@5']:.3f} | {r['MRR']:.3f} |" for name, r in runs.items()],
        "",
        "By kind of query (hit@5 / MRR):",
        "",
        "| Kind | n | " + " | ".join(runs) + " |",
        "|---|---|" + "---|" * len(runs),
    ]
    for kind in kinds:
        cells = []
        for r in runs.values():
            subset = [q for q in r["queries"] if q["kind"] == kind]
            cells.append(f"{sum(q['hit5'] for q in subset) / len(subset):.2f} / "
                         f"{sum(q['rr'] for q in subset) / len(subset):.2f}")
        lines.append(f"| {kind} | {sum(q.get('kind', '') == kind for q in queries)} | " + " | ".join(cells) + " |")
    lines += ["", "Search index size:", "",
              "| Build | search index (on disk; ours reads a query's part of it) | × indexed text |", "|---|---|---|",
              *[f"| {name} | {size / 1024:.1f} KB | {size / text_bytes:.2f} |" for name, size in sizes.items()],
              "", f"Indexed text (UTF-8, titles and bodies): {text_bytes / 1024:.1f} KB.",
              f"Requests outside the site attempted: {len(blocked)}.", "",
              "Queries missed in the top 5 (ours, file://): " + (", ".join(
                  q["query"] for q in next(iter(runs.values()))["queries"] if not q["hit5"]) or "none") + "."]
    (out / "search_quality.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "search_quality.json").write_text(json.dumps(
        {"runs": runs, "index_bytes": sizes, "text_bytes": text_bytes}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
