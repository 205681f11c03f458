#!/usr/bin/env python3
"""One measured step of bench/scale.py, alone in a fresh process, so that its peak RSS
(this process and the processes it waited for) belongs to that step only.

    scale_child.py ours  <sources> <work> <result.json>     build_ours(sources, work)
    scale_child.py stock <pages.json> <work> <result.json>  build_stock(pages, work, offline=True)
    scale_child.py pages <sources> <pages.json> <result.json>  stock_pages(sources), saved as JSON

result.json: {"seconds": time inside this process, "rss_self_kb", "rss_children_kb"}.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    mode, first, second, result = argv
    from bench.common import build_ours, build_stock, stock_pages
    start = time.perf_counter()
    if mode == "ours":
        build_ours(Path(first), Path(second))
    elif mode == "stock":
        pages = json.loads(Path(first).read_text(encoding="utf-8"))
        build_stock(pages, Path(second), offline=True)
    elif mode == "pages":
        pages = stock_pages(Path(first))
        Path(second).write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    else:
        raise SystemExit(f"unknown mode {mode}")
    seconds = time.perf_counter() - start
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    code = sys.modules.get("practice_kb")
    Path(result).write_text(json.dumps({
        "code": str(Path(code.__file__).parent) if code and code.__file__ else "",
        "seconds": seconds, "rss_self_kb": me.ru_maxrss, "rss_children_kb": children.ru_maxrss,
        "cpu_seconds": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
