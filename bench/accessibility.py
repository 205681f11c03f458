"""axe-core on every page kind of a site built from source_texts/, at desktop and phone
width, in headless chromium from file://: the violations by impact, as a table
(bench/results/accessibility.md). The browser tests fail on any serious or critical one;
this is the record a reader of the closing note can look at, minor findings included.

    .venv/bin/python bench/accessibility.py [--site site]
"""
from __future__ import annotations

import argparse
import datetime
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from common import ROOT, build_ours, launch

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
IMPACTS = ("critical", "serious", "moderate", "minor")


def page_kinds(site: Path) -> dict[str, Path]:
    """One page of each kind, preferring one that shows the kind's richest parts."""
    def first(folder: str, holding: str = "") -> Path:
        pages = sorted(p for p in (site / folder).glob("*.html") if p.name != "index.html")
        return next((p for p in pages if holding in p.read_text(encoding="utf-8")), pages[0])
    return {
        "首页": site / "index.html", "专题（要点、对策）": first("topics", 'class="kb-answers"'),
        "专题目录": site / "topics" / "index.html", "案例（概况、对比）": first("cases", 'id="compare"'),
        "原文": first("sources"), "问题清单": site / "problems.html", "对策清单": site / "countermeasures.html",
        "索引": site / "terms.html", "课程": site / "courses" / "index.html",
        "讲义": first("courses", 'class="kb-handout"'), "构建报告": site / "report.html",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build source_texts/ afresh)")
    args = parser.parse_args()
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as work:
        site = args.site or build_ours(ROOT / "source_texts", Path(work))
        rows = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for device, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport)
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                page = context.new_page()
                for kind, path in page_kinds(site).items():
                    page.goto(path.as_uri())
                    page.wait_for_load_state("load")
                    found = Axe().run(page).response["violations"]
                    counts = Counter(v["impact"] for v in found)
                    rows.append((kind, device, path.relative_to(site).as_posix(), counts,
                                 sorted({v["id"] for v in found})))
                context.close()
            browser.close()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    lines = [
        "# Accessibility: axe-core on every page kind",
        "",
        f"Produced by `bench/accessibility.py` on {datetime.date.today()} at commit {commit}: the site built "
        "from `source_texts/`, headless Debian chromium from `file://`, axe-playwright-python. Counts are "
        "rule violations (each may cover several elements). Serious and critical ones fail the browser tests.",
        "",
        "| Page | Width | File | critical | serious | moderate | minor | rules |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for kind, device, name, counts, ids in rows:
        lines.append(f"| {kind} | {device} | `{name}` | " + " | ".join(str(counts.get(i, 0)) for i in IMPACTS)
                     + f" | {', '.join(ids) or '—'} |")
    out = ROOT / "bench" / "results" / "accessibility.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
