#!/usr/bin/env python3
"""Where our build spends its time: cProfile over build_ours on a corpus, the top
functions by cumulative time (those of practice_kb/, then everything).

    .venv/bin/python bench/corpus.py --articles 1000 --out /tmp/corpus1000
    .venv/bin/python bench/profile_build.py /tmp/corpus1000 [--top 30] [--out /tmp/build.prof]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, build_ours  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", help="a corpus folder (bench/corpus.py --out)")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", default="", help="also save the raw profile here (for snakeviz, pstats)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-profile-") as tmp:
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.enable()
        build_ours(Path(args.sources), Path(tmp))
        profile.disable()
        wall = time.perf_counter() - start
    if args.out:
        profile.dump_stats(args.out)
    package = str(ROOT / "practice_kb")
    stats = pstats.Stats(profile)
    total = stats.total_tt
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():
        rows.append((cumtime, tottime, calls, filename, line, name))
    print(f"build_ours: {wall:.1f} s wall under the profiler, {total:.1f} s profiled\n")
    for title, keep in (("practice_kb/", lambda f: f.startswith(package)), ("all", lambda f: True)):
        print(f"Top {args.top} by cumulative time — {title}")
        print(f"{'cumulative':>10} {'own':>8} {'calls':>9}  function")
        shown = sorted((r for r in rows if keep(r[3])), reverse=True)[:args.top]
        for cumtime, tottime, calls, filename, line, name in shown:
            where = filename[len(str(ROOT)) + 1:] if filename.startswith(str(ROOT)) else Path(filename).name
            print(f"{cumtime:10.1f} {tottime:8.1f} {calls:9d}  {where}:{line} {name}")
        print()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(15)
    print("Top 15 by own time — all")
    print(out.getvalue().split("\n", 6)[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
