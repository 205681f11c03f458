"""Editable rule tables (YAML). Code reads them; it does not know their contents. Each
file is checked against its schema (schema.py) when first read: a file that does not
fit stops the build with its file, line and problem."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    from .schema import validate

    path = RULES_DIR / name
    return validate(str(path), name, path.read_text(encoding="utf-8"))


def check_all() -> None:
    """Every rule file read and checked now, so that a broken one stops the build before
    any stage has run (raises ConfigError)."""
    for path in sorted(RULES_DIR.glob("*.yml")):
        load_rules(path.name)
