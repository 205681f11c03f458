"""Every place the build touches MkDocs and Material beyond a plugin's documented events.

Material for MkDocs gets no more fixes and MkDocs 2 has no plugins; ProperDocs runs both
unchanged. Whatever an upgrade could break silently is here, each with a test
(tests/test_compat.py) that fails when the pinned theme or framework no longer matches:

- the header partial: overrides/partials/header.html is Material's own, with the search
  box shown for this plugin's search instead of the theme's search plugin (which is not
  loaded: its indexing of every page would be thrown away), and its search dialog
  (partials/search.html, role="dialog") given the accessible name it lacks;
- the footer line (overrides/partials/copyright.html, included by the theme's footer):
  in Chinese, with the link to 构建报告, which is not among the main tabs;
- colours of the theme's own elements that fall short of 4.5:1 (tabs, search result
  meta), overridden in docs/assets/kb.css under the theme's class names;
- the search worker: the page's `__config.search` names the worker the theme starts;
  overrides/assets/javascripts/kb-boot.js points it at ours, which speaks the theme's
  protocol (SETUP, READY, QUERY, RESULT: kb-search.js);
- the theme's search configuration (language, separator) that its own script reads from
  the index's config, written by us as the theme's search plugin would write it;
- the theme's search assets (lunr and its worker), not used, left out of the site.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import material

# The theme's search settings for Chinese, as material/search 9.8.1 computes them for
# `lang: zh`; the theme's own script (highlighting) reads them from the index's config.
THEME_SEARCH_CONFIG = {
    "lang": ["zh"],
    "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+",
    "pipeline": ["stemmer"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}

# The theme's templates and scripts this build relies on, as shipped with this version.
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
HEADER_PARTIAL = "partials/header.html"
SEARCH_ASSETS = ("lunr", "workers")        # under assets/javascripts/


def drop_theme_search_assets(site: Path) -> None:
    """The theme's lunr worker and languages are unused once our search is in place, and
    its source maps are for the theme's developers: half the bundle, left out."""
    javascripts = site / "assets" / "javascripts"
    for folder in SEARCH_ASSETS:
        shutil.rmtree(javascripts / folder, ignore_errors=True)
    for path in (site / "assets").rglob("*.map"):
        path.unlink()
