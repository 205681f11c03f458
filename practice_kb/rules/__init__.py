"""Editable rule tables (YAML). Code reads them; it does not know their contents."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict:
    with open(RULES_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}
