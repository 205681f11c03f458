#!/usr/bin/env python3
"""Scale benchmark: our site against stock Material at 100, 1,000 (and 10,000) articles.

For each size: generate a corpus (bench/corpus.py), then in the same run build our site
(bench.common.build_ours) and the stock baseline (the same cleaned text as plain pages in
stock Material with jieba search and the offline plugin), each build alone in a fresh
process (bench/scale_child.py), and record

  - full build wall time and peak RSS, cold (empty work folder and caches) and warm
    (the same again: whatever the first build left on disk is reused);
  - rebuild after one paragraph of one source file changed;
  - site/ size, number and largest of the HTML pages, search index size;
  - in headless chromium: time from page.goto(index.html) to the first search result
    for a Chinese query, over file:// and loopback HTTP, and the longest main-thread
    task (PerformanceObserver "longtask") in that interval. Every request that is not
    file:, blob:, data: or loopback is aborted; no result within --timeout is "no result".

Writes BENCHMARKS.md (tables, ratios ours ÷ stock, the targets of issue 7, met or not)
and bench/results/scale.json (every raw figure).

    .venv/bin/python bench/scale.py [--sizes 100,1000] [--runs 3] [--work /tmp/kb-scale] [--merge]
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, launch, machine, serve  # noqa: E402
from bench.corpus import edit_one, generate  # noqa: E402

CHILD = Path(__file__).resolve().parent / "scale_child.py"
RESULTS = ROOT / "bench" / "results" / "scale.json"
REPORT = ROOT / "BENCHMARKS.md"
SNAPSHOT_ENV = "KB_SCALE_SNAPSHOT"
KB = 1024
MB = 1024 * 1024

LONGTASKS = """
window.__longtasks = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longtasks.push([entry.startTime, entry.duration]);
  }).observe({type: "longtask", buffered: true});
} catch (error) { window.__longtasks = null; }
"""
RESULT_SELECTOR = ".md-search-result__item"
# In the page, from its navigation start: when the query last changed in the search box
# and the key was let go (the theme reads the box on keyup: the reader's last keystroke),
# and the first animation frame after the first result entered the page (the frame that
# paints it). The harness itself sees the result later:
# its click, fill and key press each wait for the page to answer before they return.
RESULT_TIMES = """
window.__kbTimes = {};
for (const kind of ["input", "keyup"]) {
  document.addEventListener(kind, (event) => {
    if (event.target.matches && event.target.matches(".md-search__input")) window.__kbTimes[kind] = performance.now();
  }, true);
}
new MutationObserver(() => {
  if (window.__kbTimes.result === undefined && document.querySelector(%s)) {
    window.__kbTimes.result = performance.now();
    requestAnimationFrame(() => { window.__kbTimes.shown = performance.now(); });
  }
}).observe(document, {subtree: true, childList: true});
""" % json.dumps(RESULT_SELECTOR)


# --------------------------------------------------------------------------- builds

def _run_child(args: list[str], work: Path, label: str, timeout: float) -> dict:
    """One build step in a fresh process: wall time seen from here, time and peak RSS
    reported by the process (itself and the processes it waited for). Each side has its
    own working folder and XDG cache folder, so that `cold` empties one side's only."""
    result = work / f".{label}.json"
    result.unlink(missing_ok=True)
    side = args[0]
    cwd = work / f"cwd-{side}"
    cwd.mkdir(exist_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", XDG_CACHE_HOME=str(work / f"xdg-{side}"))
    load = os.getloadavg()[0]         # other work on the machine skews every figure
    with (work / "build.log").open("a", encoding="utf-8") as log:
        log.write(f"\n===== {label} =====\n")
        log.flush()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(CHILD), *args, str(result)], cwd=cwd, env=env,
                              stdout=log, stderr=subprocess.STDOUT, timeout=timeout)
        wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{label} failed (exit {done.returncode}); see {work / 'build.log'}")
    inner = json.loads(result.read_text(encoding="utf-8"))
    rss_kb = max(inner["rss_self_kb"], inner["rss_children_kb"])
    figures = {"wall_s": round(wall, 3), "inner_s": round(inner["seconds"], 3),
               "cpu_s": round(inner["cpu_seconds"], 3), "rss_mb": round(rss_kb / KB, 1),
               "load_before": round(load, 2), "code": inner.get("code", "")}
    print(f"    {label}: {wall:.1f} s, peak RSS {rss_kb / KB:.0f} MB", flush=True)
    return figures


def build_ours_measured(corpus: Path, work: Path, label: str, timeout: float) -> dict:
    return _run_child(["ours", str(corpus), str(work)], work, label, timeout)


def build_stock_measured(pages: Path, work: Path, label: str, timeout: float) -> dict:
    return _run_child(["stock", str(pages), str(work)], work, label, timeout)


def cold(work: Path, side: str) -> None:
    """Nothing on disk from an earlier build of this side: its folder and the caches."""
    for folder in (side, f"xdg-{side}", f"cwd-{side}"):
        shutil.rmtree(work / folder, ignore_errors=True)


def site_figures(site: Path) -> dict:
    total, pages, largest, largest_path = 0, 0, 0, ""
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            size = path.stat().st_size
            total += size
            if name.endswith(".html"):
                pages += 1
                if size > largest:
                    largest, largest_path = size, path.relative_to(site).as_posix()
    # The index on disk: Material's search_index.json and, for ours, the shards the worker
    # reads from (search/index.py), one copy for http(s) and file://.
    folder = site / "search"
    index = sum(p.stat().st_size for p in folder.rglob("*.js") if p.name != "search_index.js") \
        + ((folder / "search_index.json").stat().st_size if (folder / "search_index.json").is_file() else 0) \
        if folder.is_dir() else None
    search = sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file()) \
        if (site / "search").is_dir() else 0
    files = sum(1 for p in (site / "search").rglob("*") if p.is_file()) if (site / "search").is_dir() else 0
    return {"site_bytes": total, "html_pages": pages, "largest_page_bytes": largest,
            "largest_page": largest_path, "index_bytes": index,
            "search_dir_bytes": search, "search_files": files}


def edit_stock_pages(pages_path: Path, before: str, after: str, out: Path) -> str:
    """The same change in the stock pages: the page holding the paragraph, else a page
    holding a stretch of it, else the first article page. Returns the page changed."""
    pages = json.loads(pages_path.read_text(encoding="utf-8"))
    names = [n for n in pages if n != "index.md"]
    changed = ""
    for name in names:
        if before in pages[name]:
            pages[name] = pages[name].replace(before, after, 1)
            changed = name
            break
    if not changed:
        probe = before[10:40]
        for name in names:
            lines = pages[name].split("\n")
            hit = next((i for i, line in enumerate(lines) if probe and probe in line), None)
            if hit is not None:
                lines[hit] = after
                pages[name] = "\n".join(lines)
                changed = name
                break
    if not changed and names:
        changed = names[0]
        pages[changed] += "\n" + after + "\n"
    out.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return changed


# --------------------------------------------------------------------------- browser

def _site_file(site: Path, base: str, url: str) -> Path | None:
    """The file of the site a requested URL is, or None."""
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url[len(base):]).path)
    file = site / path
    return file if file.is_file() else None


def first_result(browser, url: str, query: str, timeout: float, site: Path | None = None,
                 base: str = "") -> dict:
    """Open url in a fresh context, type the query into the search box as a reader does;
    seconds from goto to the first result (None: none within timeout), the longest
    main-thread task from the navigation until then, and the bytes of the site's files
    requested until then (by the page and its workers), those under search/ apart."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []
    requested: list[str] = []

    def route(route):
        if route.request.url.startswith(("file:", "blob:", "data:", "http://127.0.0.1")):
            requested.append(route.request.url)
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(LONGTASKS)
    context.add_init_script(RESULT_TIMES)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    seconds = page_ms = after_typing = None
    loaded = None
    failure = ""
    try:
        start = time.perf_counter()
        try:
            page.goto(url, timeout=timeout * 1000)
            loaded = time.perf_counter() - start
            field = page.locator(".md-search__input")
            field.click(timeout=max(0.1, timeout - (time.perf_counter() - start)) * 1000)
            field.fill(query)
            typed = time.perf_counter()
            field.press("End")            # Material reads the box on keyup, as after an IME commit
            handle = page.wait_for_function(
                f"() => document.querySelector({json.dumps(RESULT_SELECTOR)}) ? performance.now() : null",
                timeout=max(0.1, timeout - (time.perf_counter() - start)) * 1000)
            seconds = time.perf_counter() - start
            after_typing = time.perf_counter() - typed
            page_ms = handle.json_value()
        except Exception as error:  # noqa: BLE001 - a time-out is the measurement "no result"
            failure = str(error).splitlines()[0][:200]
        if page_ms is not None:
            page.wait_for_function("() => window.__kbTimes.shown !== undefined", timeout=5000)
        times = page.evaluate("window.__kbTimes") or {}
        tasks = page.evaluate("window.__longtasks") or []
        until = times.get("shown", page_ms) if page_ms is not None else page.evaluate("performance.now()")
        in_interval = [duration for begin, duration in tasks if begin <= until]
        results = page.locator(RESULT_SELECTOR).count()
        fetched = list(requested)
    finally:
        context.close()
    files = {f for f in (_site_file(site, base, u) for u in fetched) if f} if site else set()
    search = {f for f in files if f.relative_to(site).parts[0] == "search"}
    return {"seconds": None if seconds is None else round(seconds, 3),
            "after_typing_s": None if after_typing is None else round(after_typing, 3),
            "load_s": None if loaded is None else round(loaded, 3), "failure": failure,
            "page_ms": None if page_ms is None else round(page_ms, 1),
            "shown_s": round(times["shown"] / 1000, 3) if page_ms is not None and "shown" in times else None,
            "query_to_shown_s": round((times["shown"] - max(times["input"], times.get("keyup", 0))) / 1000, 3)
            if page_ms is not None and "shown" in times and "input" in times else None,
            "longest_task_ms": round(max(in_interval), 1) if in_interval else 0.0,
            "long_tasks": len(in_interval), "results": results,
            "loaded_bytes": sum(f.stat().st_size for f in files),
            "search_bytes": sum(f.stat().st_size for f in search),
            "search_files": sorted(f.name for f in search), "blocked": blocked[:5],
            "blocked_count": len(blocked), "errors": errors[:3]}


def content_page(site: Path) -> Path:
    """A page a reader opens to read, not the home page: ours, the first topic page; stock,
    the first article's page."""
    topics = sorted(p for p in (site / "topics").glob("*.html") if p.name != "index.html") \
        if (site / "topics").is_dir() else []
    if topics:
        return topics[0]
    pages = sorted(p for p in site.rglob("*.html")
                   if p.name not in ("index.html", "404.html") and "assets" not in p.parts and "search" not in p.parts)
    return pages[0] if pages else site / "index.html"


def page_view(browser, page_file: Path, site: Path) -> dict:
    """What opening one page from file:// reads, the reader not touching the search box:
    the bytes of the site's files requested within 2 s of the page's load."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []

    def route(route):
        if route.request.url.startswith(("file:", "blob:", "data:")):
            requested.append(route.request.url)
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(2000)
    finally:
        context.close()
    base = site.as_uri() + "/"
    files = {f for f in (_site_file(site, base, u) for u in requested) if f}
    return {"page": page_file.relative_to(site).as_posix(), "bytes": sum(f.stat().st_size for f in files),
            "files": len(files),
            "search_bytes": sum(f.stat().st_size for f in files if f.relative_to(site).parts[0] == "search")}


def browser_figures(browser, site: Path, query: str, runs: int, timeout: float, warmup: int = 1) -> dict:
    """Per transport: `warmup` runs thrown away (a reader's browser is already running),
    then `runs` runs; the median time, and the longest task of all runs."""
    out = {"page_view": {"home": page_view(browser, site / "index.html", site),
                         "content": page_view(browser, content_page(site), site)}}
    for kind, view in out["page_view"].items():
        print(f"    page view ({kind}, {view['page']}): {view['bytes'] / KB:.0f} KB, "
              f"{view['search_bytes'] / KB:.0f} KB of it search data", flush=True)
    with serve(site) as base:
        for transport, root in (("http", base), ("file", site.as_uri() + "/")):
            url = root + "index.html"
            for _ in range(warmup):
                if first_result(browser, url, query, timeout)["seconds"] is None:
                    break
            measured = []
            for _ in range(runs):
                measured.append(first_result(browser, url, query, timeout, site, root))
                if measured[-1]["seconds"] is None:
                    break                 # no result: waiting again proves nothing more
            times = [m["seconds"] for m in measured if m["seconds"] is not None]
            typed = [m["after_typing_s"] for m in measured if m["after_typing_s"] is not None]
            shown = [m["shown_s"] for m in measured if m.get("shown_s") is not None]
            after_query = [m["query_to_shown_s"] for m in measured if m.get("query_to_shown_s") is not None]
            out[transport] = {
                "median_s": round(statistics.median(times), 3) if len(times) == len(measured) else None,
                "median_after_typing_s": round(statistics.median(typed), 3) if len(typed) == len(measured) else None,
                "median_shown_s": round(statistics.median(shown), 3) if len(shown) == len(measured) else None,
                "median_query_to_shown_s": round(statistics.median(after_query), 3)
                if len(after_query) == len(measured) else None,
                "longest_task_ms": max(m["longest_task_ms"] for m in measured),
                "median_longest_task_ms": statistics.median(m["longest_task_ms"] for m in measured),
                "search_bytes": max(m["search_bytes"] for m in measured),
                "loaded_bytes": max(m["loaded_bytes"] for m in measured),
                "runs": measured}
            said = "no result" if out[transport]["median_s"] is None else \
                f"{out[transport]['median_s']:.2f} s (on screen {out[transport]['median_shown_s']} s)"
            print(f"    {transport}: first result {said}, longest task {out[transport]['longest_task_ms']:.0f} ms",
                  flush=True)
    return out


# --------------------------------------------------------------------------- one size

def run_size(articles: int, work: Path, args) -> dict:
    print(f"== {articles} articles ==", flush=True)
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    start = time.perf_counter()
    manifest = generate(articles, corpus, seed=args.seed, force=True)
    figures: dict = {"articles": articles, "date": datetime.datetime.now().isoformat(timespec="seconds"),
                     "settings": {"seed": args.seed, "query": args.query, "runs": args.runs,
                                  "timeout": args.timeout},
                     "corpus": {k: manifest[k] for k in ("bytes", "duplicates", "traditional_files")},
                     "corpus_files": len(manifest["files"]),
                     "generate_s": round(time.perf_counter() - start, 2)}
    print(f"  corpus: {len(manifest['files'])} files, {manifest['bytes'] / MB:.1f} MB", flush=True)
    with_stock = articles <= args.stock_max
    warm_too = articles <= args.cold_only_above
    timeout = args.build_timeout

    ours: dict = {}
    cold(work, "ours")
    ours["cold"] = build_ours_measured(corpus, work, "ours cold", timeout)
    if warm_too:
        ours["warm"] = build_ours_measured(corpus, work, "ours warm", timeout)
    ours.update(site_figures(work / "ours" / "site"))
    report = json.loads((work / "ours" / "site" / "report.json").read_text(encoding="utf-8"))
    figures["found"] = {"articles": len(report["articles"]),
                        "duplicate_articles": sum(bool(a.get("duplicate_of")) for a in report["articles"]),
                        "cases": len(report["cases"]), "off_topic": len(report["off_topic"])}

    stock: dict | None = None
    pages = work / "stock-pages.json"
    if with_stock:
        stock = {}
        figures["stock_pages"] = _run_child(["pages", str(corpus), str(pages)], work, "stock pages (unmeasured)",
                                            timeout)
        cold(work, "stock")
        stock["cold"] = build_stock_measured(pages, work, "stock cold", timeout)
        if warm_too:
            stock["warm"] = build_stock_measured(pages, work, "stock warm", timeout)
        stock.update(site_figures(work / "stock" / "site"))

    if warm_too:
        name, before, after = edit_one(corpus, seed=args.seed)
        figures["edit"] = {"file": name, "before": before[:40], "after": after[:40]}
        ours["rebuild"] = build_ours_measured(corpus, work, "ours rebuild", timeout)
        if stock is not None:
            edited = work / "stock-pages-edited.json"
            figures["edit"]["stock_page"] = edit_stock_pages(pages, before, after, edited)
            stock["rebuild"] = build_stock_measured(edited, work, "stock rebuild", timeout)

    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            print("  browser, ours", flush=True)
            ours["browser"] = browser_figures(browser, work / "ours" / "site", args.query, args.runs, args.timeout)
            if stock is not None:
                print("  browser, stock", flush=True)
                stock["browser"] = browser_figures(browser, work / "stock" / "site", args.query, args.runs,
                                                   args.timeout)
        finally:
            browser.close()
    figures["ours"], figures["stock"] = ours, stock
    return figures


# --------------------------------------------------------------------------- report

def _get(side: dict | None, *path):
    value = side
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _ratio(a, b) -> str:
    return f"{a / b:.2f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else "—"


def _fmt(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f}" if value < 10 else f"{value:.1f}"
    if unit == "MB":
        return f"{value / MB:.1f}" if value >= MB else f"{value / MB:.2f}"
    if unit == "KB":
        return f"{value / KB:.0f}"
    if unit == "ms":
        return f"{value:.0f}"
    return str(value)


def rows(size: dict) -> list[tuple[str, object, object, str]]:
    """(measure, ours, stock, unit) for one size."""
    ours, stock = size["ours"], size["stock"]
    out = []
    for phase, name in (("cold", "cold"), ("warm", "warm, second run")):
        out.append((f"Full build wall time, {name} (s)", _get(ours, phase, "wall_s"), _get(stock, phase, "wall_s"), "s"))
    out.append(("Rebuild after one changed source file (s)", _get(ours, "rebuild", "wall_s"),
                _get(stock, "rebuild", "wall_s"), "s"))
    for phase, name in (("cold", "cold build"), ("warm", "warm build"), ("rebuild", "rebuild")):
        out.append((f"Peak RSS, {name} (MB)", _get(ours, phase, "rss_mb"), _get(stock, phase, "rss_mb"), "n"))
    out += [
        ("`site/` size (MB)", ours.get("site_bytes"), _get(stock, "site_bytes"), "MB"),
        ("HTML pages", ours.get("html_pages"), _get(stock, "html_pages"), "n"),
        ("Largest page (KB)", ours.get("largest_page_bytes"), _get(stock, "largest_page_bytes"), "KB"),
        ("Search data fetched until the first result, HTTP (MB)", _get(ours, "browser", "http", "search_bytes"),
         _get(stock, "browser", "http", "search_bytes"), "MB"),
        ("Search data fetched until the first result, `file://` (MB)",
         _get(ours, "browser", "file", "search_bytes"), _get(stock, "browser", "file", "search_bytes"), "MB"),
        ("Everything of the site fetched until the first result, HTTP (MB)",
         _get(ours, "browser", "http", "loaded_bytes"), _get(stock, "browser", "http", "loaded_bytes"), "MB"),
        ("Search index on disk, `search_index.json` (+ ours: the shards) (MB)", ours.get("index_bytes"),
         _get(stock, "index_bytes"), "MB"),
        ("All of `search/` (MB)", ours.get("search_dir_bytes"), _get(stock, "search_dir_bytes"), "MB"),
        ("Files in `search/`", ours.get("search_files"), _get(stock, "search_files"), "n"),
        ("Page view without search, `file://`, home page (KB)", _get(ours, "browser", "page_view", "home", "bytes"),
         _get(stock, "browser", "page_view", "home", "bytes"), "KB"),
        ("Page view without search, `file://`, a topic / an article page (KB)",
         _get(ours, "browser", "page_view", "content", "bytes"),
         _get(stock, "browser", "page_view", "content", "bytes"), "KB"),
        ("First search result, loopback HTTP (s)", _get(ours, "browser", "http", "median_s"),
         _get(stock, "browser", "http", "median_s"), "s"),
        ("First search result, `file://` (s)", _get(ours, "browser", "file", "median_s"),
         _get(stock, "browser", "file", "median_s"), "s"),
        ("… of which from the query typed to the first result, HTTP (s)",
         _get(ours, "browser", "http", "median_after_typing_s"), _get(stock, "browser", "http", "median_after_typing_s"),
         "s"),
        ("… of which from the query typed to the first result, `file://` (s)",
         _get(ours, "browser", "file", "median_after_typing_s"), _get(stock, "browser", "file", "median_after_typing_s"),
         "s"),
        ("First search result on screen, from the page's navigation start, in the page, HTTP (s)",
         _get(ours, "browser", "http", "median_shown_s"), _get(stock, "browser", "http", "median_shown_s"), "s"),
        ("First search result on screen, from the page's navigation start, in the page, `file://` (s)",
         _get(ours, "browser", "file", "median_shown_s"), _get(stock, "browser", "file", "median_shown_s"), "s"),
        ("… of which from the last keystroke in the box to the result on screen, HTTP (s)",
         _get(ours, "browser", "http", "median_query_to_shown_s"),
         _get(stock, "browser", "http", "median_query_to_shown_s"), "s"),
        ("… of which from the last keystroke in the box to the result on screen, `file://` (s)",
         _get(ours, "browser", "file", "median_query_to_shown_s"),
         _get(stock, "browser", "file", "median_query_to_shown_s"), "s"),
        ("Longest main-thread task until then, `file://` (ms)", _get(ours, "browser", "file", "longest_task_ms"),
         _get(stock, "browser", "file", "longest_task_ms"), "ms"),
        ("Longest main-thread task until then, HTTP (ms)", _get(ours, "browser", "http", "longest_task_ms"),
         _get(stock, "browser", "http", "longest_task_ms"), "ms"),
    ]
    return out


def targets(size: dict) -> list[tuple[str, str, bool | None]]:
    """(target, figures, met) for the targets of issue 7."""
    ours, stock = size["ours"], size["stock"] or {}
    out: list[tuple[str, str, bool | None]] = []

    def ratio_target(text, a, b, limit, unit="s"):
        label = {"s": "s", "MB": "MB"}[unit]
        if a is None or b is None or not b:
            out.append((text, f"{_fmt(a, unit)} vs {_fmt(b, unit)} {label}", None))
        else:
            out.append((text, f"{_fmt(a, unit)} vs {_fmt(b, unit)} {label}: {a / b:.2f}×", a / b <= limit))

    if size["articles"] >= 10000:
        wall = _get(ours, "cold", "wall_s")
        out.append(("build finishes under 10 minutes", f"{_fmt(wall, 's')} s", wall is not None and wall < 600))
        firsts = [_get(ours, "browser", t, "median_s") for t in ("http", "file")]
        worst = None if None in firsts else max(firsts)
        out.append(("first search result under 3 s (HTTP and `file://`)",
                    " / ".join(f"{_fmt(f, 's')} s" for f in firsts), worst is not None and worst < 3))
    ratio_target("full build wall time ≤ 1.0× stock (cold)", _get(ours, "cold", "wall_s"),
                 _get(stock, "cold", "wall_s"), 1.0)
    ratio_target("rebuild after one changed source ≤ 0.3× our cold build", _get(ours, "rebuild", "wall_s"),
                 _get(ours, "cold", "wall_s"), 0.3)
    ratio_target("`site/` size ≤ 0.3× stock", ours.get("site_bytes"), stock.get("site_bytes"), 0.3, "MB")
    largest = ours.get("largest_page_bytes")
    out.append(("no page over 150 KB", f"largest {_fmt(largest, 'KB')} KB (`{ours.get('largest_page')}`)",
                largest is not None and largest <= 150 * KB))
    # The index as the reader downloads it: what the search fetches from search/ over HTTP
    # (ours keeps its text beside search_index.json; the file alone says nothing).
    fetched = (_get(ours, "browser", "http", "search_bytes"), _get(stock, "browser", "http", "search_bytes"))
    if None in fetched or not all(fetched):
        ratio_target("search index ≤ 0.5× stock (index files)", ours.get("index_bytes"),
                     stock.get("index_bytes"), 0.5, "MB")
    else:
        ratio_target("search index ≤ 0.5× stock (search data fetched over HTTP)", *fetched, 0.5, "MB")
    ratio_target("first search result ≤ 0.4× stock over HTTP", _get(ours, "browser", "http", "median_s"),
                 _get(stock, "browser", "http", "median_s"), 0.4)
    http, file = _get(ours, "browser", "http", "median_s"), _get(ours, "browser", "file", "median_s")
    out.append(("first result over `file://` ≤ our HTTP figure + 20%",
                f"{_fmt(file, 's')} s vs {_fmt(http, 's')} s" + (f" ({file / http:.2f}×)" if file and http else ""),
                None if file is None or http is None else file <= http * 1.2))
    tasks = [_get(ours, "browser", t, "longest_task_ms") for t in ("file", "http")]
    out.append(("no main-thread long task over 200 ms (`file://` and HTTP)",
                f"longest {_fmt(tasks[0], 'ms')} ms (`file://`), {_fmt(tasks[1], 'ms')} ms (HTTP)",
                None if None in tasks else max(tasks) <= 200))
    views = [(_get(ours, "browser", "page_view", kind, "bytes"), _get(stock, "browser", "page_view", kind, "bytes"))
             for kind in ("home", "content")]
    if all(a is not None and b for a, b in views):
        worst = max(a / b for a, b in views)
        out.append(("(issue 18) page view without search, `file://`: ≤ 1.5× the bytes of a stock page",
                    ", ".join(f"{a / KB:.0f} vs {b / KB:.0f} KB" for a, b in views) + f": worst {worst:.2f}×",
                    worst <= 1.5))
    fetched = [_get(ours, "browser", t, "search_bytes") for t in ("http", "file")]
    if size["articles"] >= 10000 and None not in fetched:
        out.append(("(issue 18) one query reads ≤ 300 KB of search data (HTTP and `file://`)",
                    " / ".join(f"{f / KB:.0f} KB" for f in fetched), max(fetched) <= 300 * KB))
    firsts = [_get(ours, "browser", t, "median_s") for t in ("http", "file")]
    shown = [_get(ours, "browser", t, "median_shown_s") for t in ("http", "file")]
    out.append(("(issue 18) first result ≤ 0.5 s (HTTP and `file://`, from opening the page to the result on "
                "screen, timed in the page)",
                " / ".join(f"{_fmt(f, 's')} s" for f in shown) + " (as the harness sees it: "
                + " / ".join(f"{_fmt(f, 's')} s" for f in firsts) + ")",
                None if None in shown else max(shown) <= 0.5))
    out.append(("(issue 18) longest main-thread task ≤ 100 ms (`file://` and HTTP)",
                f"{_fmt(tasks[0], 'ms')} ms / {_fmt(tasks[1], 'ms')} ms", None if None in tasks else max(tasks) <= 100))
    if size["articles"] == 1000 and ours.get("site_bytes") and size.get("corpus", {}).get("bytes"):
        times = ours["site_bytes"] / size["corpus"]["bytes"]
        out.append(("(issue 18) `site/` ≤ 6× the source text at 1,000 articles",
                    f"{ours['site_bytes'] / MB:.1f} MB for {size['corpus']['bytes'] / MB:.1f} MB: {times:.1f}×",
                    times <= 6))
    if size["articles"] == 10000:
        wall, rss = _get(ours, "cold", "wall_s"), _get(ours, "cold", "rss_mb")
        out.append(("(issue 18) cold build ≤ 300 s, peak RSS ≤ 1.2 GB", f"{_fmt(wall, 's')} s, {_fmt(rss, 'n')} MB",
                    None if None in (wall, rss) else wall <= 300 and rss <= 1200))
    if size["articles"] >= 50000:
        wall = _get(ours, "cold", "wall_s")
        out.append(("(issue 18) 50,000 articles build to completion", f"{_fmt(wall, 's')} s",
                    wall is not None))
    peaks = [v for v in (_get(ours, p, "rss_mb") for p in ("cold", "warm", "rebuild")) if v is not None]
    out.append(("peak RSS ≤ 500 MB", f"{max(peaks):.0f} MB" if peaks else "—", bool(peaks) and max(peaks) <= 500))
    return out


def _load_note(size: dict) -> str:
    loads = [phase["load_before"] for side in (size["ours"], size["stock"] or {}) for phase in side.values()
             if isinstance(phase, dict) and "load_before" in phase]
    busy = max(loads, default=0.0)
    return (f" The machine was busy with other work during some builds (load average up to {busy:.1f} "
            "on 2 cores before a build): timings are pessimistic." if busy > 1.5 else "")


def write_report(results: dict, path: Path = REPORT) -> None:
    sizes = sorted(results["sizes"].values(), key=lambda s: s["articles"])
    lines = ["# Benchmarks at corpus scale: ours vs stock Material", "",
             f"Produced by `bench/scale.py` on {results['date']} — {results['machine']}. "
             f"Code measured: commit {results.get('code', 'unknown')}.", "",
             "Corpora made by `bench/corpus.py` from `source_texts/` (seed "
             f"{results['seed']}): varied invented place names, recombined and perturbed paragraphs, "
             "some files Traditional (OpenCC s2tw) or GB18030, some repeated articles. "
             "Stock: the same cleaned text, one plain page per article, in stock Material with "
             "`search: lang: zh` (jieba) and the `offline` plugin.", "",
             "How it is measured: every build runs alone in a fresh process (`bench/scale_child.py`); "
             "wall time is the whole process, interpreter start included; peak RSS is the largest of "
             "that process and the processes it waited for (stock: the `mkdocs build` it starts). "
             "*Cold*: the work folder of that side and the cache folders (XDG_CACHE_HOME, working "
             "folder) emptied first; the OS file cache and jieba's dictionary cache (`/tmp/jieba.cache`, "
             "shared by both sides) are not dropped. *Warm*: the same build again with whatever the first "
             "one left on disk. *Rebuild*: one paragraph of one source file changed (for stock, the "
             "same paragraph in its page), then the build again. Browser: headless Debian chromium, a "
             "fresh context per run, `page.goto(index.html)`, click the search box, type "
             f"`{results['query']}`, press End, until `.md-search-result__item` exists; one run thrown "
             f"away, then the median of {results['runs']} runs; no result within {results['timeout']:.0f} s is \"—\" (no result). "
             "*First search result* is timed twice: as the harness sees it (from `page.goto` until its "
             "wait for the result returns: its click, fill and key press each wait for a round trip to "
             "the page, so it sees a result that is already painted late), and *on screen*, in the page "
             "(from its navigation start to the first animation frame after the first result entered "
             "it; the part after the last keystroke in the box, the key let go, is shown below it). "
             "Every request other than `file:`, `blob:`, `data:` and loopback is aborted. The longest "
             "main-thread task is the largest PerformanceObserver `longtask` entry from navigation "
             "until the result (or the time-out), the worst of the runs. *Search data fetched*: the bytes of "
             "the files under `search/` the page and its workers requested until the first result — the "
             "index as a reader downloads it, whatever its files are called (the index files on disk are "
             "shown too).", ""]
    for size in sizes:
        found = size.get("found", {})
        rerun = f" Browser figures measured again {size['browser_rerun']}." if size.get("browser_rerun") else ""
        lines += [f"## {size['articles']:,} articles", "",
                  f"Run {size['date']}.{rerun} Corpus: {size['corpus_files']} files, "
                  f"{size['corpus']['bytes'] / MB:.1f} MB, {size['corpus']['traditional_files']} files "
                  f"Traditional, {size['corpus']['duplicates']} repeated articles. Our build found "
                  f"{found.get('articles', '?')} articles ({found.get('duplicate_articles', '?')} shown as "
                  f"duplicates), {found.get('cases', '?')} cases."
                  + ("" if size["stock"] is not None else " Stock not built at this size (see `--stock-max`).")
                  + (f" **The code changed during this size's run** ({size.get('code')} → {size['code_changed']}): "
                     "its figures mix versions." if size.get("code_changed") else "")
                  + _load_note(size),
                  "", "| Measure | ours | stock | ours ÷ stock |", "|---|---:|---:|---:|"]
        for name, a, b, unit in rows(size):
            if a is None and b is None:
                continue
            lines.append(f"| {name} | {_fmt(a, unit)} | {_fmt(b, unit)} | {_ratio(a, b)} |")
        lines.append("")
        if size["articles"] >= 1000:
            met = targets(size)
            lines += [f"Targets of issue 7 at {size['articles']:,} articles:", "",
                      "| Target | figure | met |", "|---|---|---|"]
            lines += [f"| {t} | {fig} | {'—' if ok is None else ('met' if ok else '**not met**')} |"
                      for t, fig, ok in met]
            lines.append("")
    unfinished = results.get("unfinished") or []
    if unfinished:
        lines += ["## Runs that did not finish", ""]
        lines += [f"- {run['articles']:,} articles ({run['date']}, commit {run['code']}): {run['what']}" for run in unfinished]
        lines += [""]
    lines += ["## Closing note", ""]
    judged = [(size, t, fig, ok) for size in sizes if size["articles"] >= 1000 for t, fig, ok in targets(size)]
    if judged:
        good = [f"{t} ({fig})" for size, t, fig, ok in judged if ok]
        bad = [f"{t} ({fig})" for size, t, fig, ok in judged if ok is False]
        unknown = [t for size, t, fig, ok in judged if ok is None]
        lines.append(f"Met: {'; '.join(good) or 'none'}.")
        lines.append("")
        lines.append(f"Not met: {'; '.join(bad) or 'none'}.")
        if unknown:
            lines += ["", f"Not measured: {'; '.join(unknown)}."]
    else:
        lines.append("The targets are set at 1,000 articles; run with `--sizes 100,1000`.")
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="article counts, comma-separated")
    parser.add_argument("--work", default="", help="work folder (default: a temporary one, removed after)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query", default="非公有制经济", help="the query typed into the search box")
    parser.add_argument("--runs", type=int, default=5, help="browser runs per site and transport")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a search result")
    parser.add_argument("--build-timeout", type=float, default=3600.0)
    parser.add_argument("--stock-max", type=int, default=1000,
                        help="build stock only up to this many articles (its pages grow with the whole nav)")
    parser.add_argument("--cold-only-above", type=int, default=1000,
                        help="above this many articles, only the cold build (no warm build, no rebuild)")
    parser.add_argument("--merge", action="store_true",
                        help="keep the sizes of bench/results/scale.json this run does not measure")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--browser-only", action="store_true",
                        help="measure the browser figures again on the sites a --keep run left in --work, "
                             "updating the results file of that run (--from-results)")
    parser.add_argument("--from-results", default="", help="with --browser-only: the results file to update "
                        "(default: bench/results/scale.json)")
    parser.add_argument("--snapshot", action="store_true",
                        help="run on a copy of the committed code (git HEAD, with bench/ as it is in the working "
                             "tree), so commits landing during a long run do not mix code versions")
    parser.add_argument("--report-root", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    report_root = Path(args.report_root)
    results_path, report_path = report_root / RESULTS.relative_to(ROOT), report_root / REPORT.relative_to(ROOT)
    base = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kb-scale-"))
    if args.snapshot and not os.environ.get(SNAPSHOT_ENV):
        return _run_in_snapshot(base, args)
    if args.browser_only:
        if not args.work:
            raise SystemExit("--browser-only needs --work: the folder of a --keep run")
        return _browser_only(base, sizes, Path(args.from_results) if args.from_results else results_path,
                             results_path, report_path, args)

    results = {"machine": machine(), "date": datetime.date.today().isoformat(), "code": code_version(),
               "seed": args.seed, "query": args.query, "runs": args.runs,
               "timeout": args.timeout, "sizes": {}}
    if args.merge and results_path.exists():
        results["sizes"] = json.loads(results_path.read_text(encoding="utf-8")).get("sizes", {})
    try:
        for articles in sizes:
            size = run_size(articles, base / str(articles), args)
            size["code"] = results["code"]
            if code_version() != results["code"]:
                size["code_changed"] = code_version()
            results["sizes"][str(articles)] = size
            results_path.parent.mkdir(parents=True, exist_ok=True)
            results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            write_report(results, report_path)
            if not args.keep:
                shutil.rmtree(base / str(articles), ignore_errors=True)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(base, ignore_errors=True)
    print(report_path.read_text(encoding="utf-8"))
    return 0


def _browser_only(base: Path, sizes: list[int], source: Path, results_path: Path, report_path: Path,
                  args) -> int:
    results = json.loads(source.read_text(encoding="utf-8"))
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for articles in sizes:
                size = results["sizes"][str(articles)]
                print(f"== {articles} articles: browser again ==", flush=True)
                for side in ("ours", "stock"):
                    site = base / str(articles) / side / "site"
                    if size.get(side) is None:
                        continue
                    if not site.is_dir():
                        print(f"  no {site}: {side} keeps its earlier browser figures", flush=True)
                        continue
                    print(f"  browser, {side}", flush=True)
                    size[side]["browser"] = browser_figures(browser, site, args.query, args.runs, args.timeout)
                size["browser_rerun"] = datetime.datetime.now().isoformat(timespec="seconds")
                size["settings"].update(query=args.query, runs=args.runs, timeout=args.timeout)
        finally:
            browser.close()
    results.update(query=args.query, runs=args.runs, timeout=args.timeout)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_report(results, report_path)
    print(report_path.read_text(encoding="utf-8"))
    return 0


def code_version() -> str:
    """The commit the measured code is (the snapshot's, or HEAD plus "+changes" when
    practice_kb/ differs from it in the working tree)."""
    if os.environ.get(SNAPSHOT_ENV):
        return os.environ[SNAPSHOT_ENV]
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "practice_kb", "overrides",
                                "mkdocs.yml", "topics.yml"], capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def _run_in_snapshot(base: Path, args) -> int:
    """Copy git HEAD (and bench/ from the working tree) into base/snapshot and run there;
    the report and results are still written into this working tree."""
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    snapshot = base / "snapshot"
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD"], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(snapshot)], input=archive, check=True)
    shutil.rmtree(snapshot / "bench", ignore_errors=True)
    shutil.copytree(ROOT / "bench", snapshot / "bench", ignore=shutil.ignore_patterns("__pycache__", "results"))
    print(f"measuring commit {head} from {snapshot}", flush=True)
    argv = [a for a in sys.argv[1:] if a != "--snapshot"]
    if not args.work:
        argv += ["--work", str(base)]
    env = dict(os.environ, **{SNAPSHOT_ENV: head})
    try:
        return subprocess.run([sys.executable, str(snapshot / "bench" / "scale.py"), *argv,
                               "--report-root", args.report_root], env=env).returncode
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
        if not args.keep and not args.work:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
