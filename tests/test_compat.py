"""Each contact with MkDocs and Material that no plugin event covers (practice_kb/compat.py)
checked against the pinned versions: an upgrade that breaks one fails here, not silently."""
from __future__ import annotations

import difflib
from pathlib import Path

from mkdocs.config import load_config

from practice_kb import compat
from tests.conftest import ROOT


def test_the_header_override_is_materials_own_but_for_whose_search_box_it_shows():
    ours = (ROOT / "overrides" / compat.HEADER_PARTIAL).read_text(encoding="utf-8").splitlines()
    theirs = (compat.MATERIAL_TEMPLATES / compat.HEADER_PARTIAL).read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(theirs, ours, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        '-    {% if "material/search" in config.plugins %}',
        '-      {% set search = config.plugins["material/search"] | attr("config") %}',
        '-      {% if search.enabled %}',
        '+    {#- practice_kb (compat.py): the search box is ours, not the theme\'s search plugin\'s. -#}',
        '+    {% if "practice_kb" in config.plugins %}',
        '+      {% set search = config.plugins["practice_kb"] | attr("config") %}',
        '+      {% if search.search %}',
        '+        {#- practice_kb (compat.py): the theme\'s search dialog, given a name (axe: aria-dialog-name). -#}',
        '+        {% filter replace(\'role="dialog"\', \'role="dialog" aria-label="\' ~ lang.t("search") ~ \'"\') %}',
        '+        {% endfilter %}',
    ], "Material's header partial changed: update overrides/partials/header.html"


def test_the_search_partial_still_marks_its_dialog_as_the_header_names_it():
    search = (compat.MATERIAL_TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    assert search.count('role="dialog"') == 1, "the header's aria-label for the search dialog no longer applies"


def test_the_theme_search_settings_are_what_materials_search_plugin_computes_for_chinese(tmp_path):
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\ntheme: {name: material, language: zh}\nplugins:\n  - search:\n"
                           "      lang: zh\n", encoding="utf-8")
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    search = config.plugins["material/search"].config
    assert {key: search[key] for key in compat.THEME_SEARCH_CONFIG} == compat.THEME_SEARCH_CONFIG


def test_the_page_config_names_the_search_worker_kb_boot_replaces():
    base = (compat.MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search.' in base
    boot = (ROOT / "overrides" / "assets" / "javascripts" / "kb-boot.js").read_text(encoding="utf-8")
    assert "config.search = worker" in boot


def test_the_theme_search_assets_left_out_are_where_the_theme_ships_them():
    javascripts = compat.MATERIAL_TEMPLATES / "assets" / "javascripts"
    assert all((javascripts / folder).is_dir() for folder in compat.SEARCH_ASSETS)


def test_the_search_box_is_in_the_page_without_materials_search_plugin(seed_site):
    page = (seed_site[0] / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search-query"' in page and 'for="__search"' in page


def test_the_theme_footer_includes_the_copyright_partial_we_override():
    footer = (compat.MATERIAL_TEMPLATES / "partials" / "footer.html").read_text(encoding="utf-8")
    assert '{% include "partials/copyright.html" %}' in footer
    assert (ROOT / "overrides" / "partials" / "copyright.html").is_file()
