#!/usr/bin/env python3
"""Build the site and the offline bundle from source_texts/ — the editor's one command.

The site is built into a temporary folder and swapped in only when the build
succeeded, so a failed build leaves the previous site/ and dist/ in place.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from practice_kb.commands.build import build  # noqa: E402
from practice_kb.progress import Progress  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml to build")
    parser.add_argument("--site", default=str(ROOT / "site"), help="where the site goes")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the offline bundle goes")
    parser.add_argument("--no-bundle", action="store_true", help="build the site only")
    parser.add_argument("--no-wait", action="store_true",
                        help="if another build of the project is running, stop at once instead of waiting for it")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress and no stage timings (for scripts); errors are still said")
    args = parser.parse_args()
    return build(Path(args.config), Path(args.site), None if args.no_bundle else Path(args.dist),
                 wait=not args.no_wait, shown=Progress.for_terminal(quiet=args.quiet))


if __name__ == "__main__":
    sys.exit(main())
