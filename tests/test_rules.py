"""The rule files (practice_kb/rules/*.yml) checked against their schemas: what an editor
gets wrong is named with its file and line, before any stage runs."""
from __future__ import annotations

import shutil

import pytest

import practice_kb.rules as rules
from practice_kb.commands.build import build
from practice_kb.config.errors import ConfigError
from practice_kb.rules.schema import SCHEMAS, validate
from tests.conftest import write_config


def test_every_rule_file_shipped_fits_its_schema_and_every_schema_has_its_file():
    shipped = {path.name for path in rules.RULES_DIR.glob("*.yml")}
    assert shipped == set(SCHEMAS)
    for name in sorted(shipped):
        validate(name, name, (rules.RULES_DIR / name).read_text(encoding="utf-8"))


def problem(name: str, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        validate(f"rules/{name}", name, text)
    return caught.value


SEARCH = """compound_min_count: 3
compound_min_articles: 2
compound_max_length: 6
stopwords: [的, 了]
boost: {page: 2, title: 1.5, heading: 1.2, text: 1}
term_index:
  max_terms: 100
  min_paragraphs: 2
  paragraphs_per_term: 5
  min_idf: 8.0
  exclude_patterns: ['^[一二三四五六七八九十]+是$']
  exclude_tags: [d, r]
  exclude_verb_led: true
  exclude: []
  include: [统一战线]
"""


def test_a_fitting_file_passes():
    validate("rules/search.yml", "search.yml", SEARCH)


def test_a_misspelt_key_is_refused_with_its_line():
    error = problem("search.yml", SEARCH.replace("  min_paragraphs: 2", "  min_paragraph: 2"))
    assert (error.path, error.line) == ("rules/search.yml", 8)
    assert "min_paragraph" in error.problem and "未知的键" in error.problem


def test_a_missing_key_is_named():
    error = problem("search.yml", SEARCH.replace("compound_max_length: 6\n", ""))
    assert "缺少键" in error.problem and "compound_max_length" in error.problem


def test_a_value_of_the_wrong_type_is_refused_with_its_line():
    error = problem("search.yml", SEARCH.replace("compound_min_count: 3", "compound_min_count: 三"))
    assert error.line == 1 and "整数" in error.problem


def test_a_pattern_that_does_not_compile_is_refused_with_its_line():
    text = (rules.RULES_DIR / "structure.yml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("sentence_end:"))
    error = problem("structure.yml", text.replace("\nsentence_end: '", "\nsentence_end: '(", 1))
    assert error.line == line and "正则表达式" in error.problem


def test_a_furniture_class_list_naming_no_class_is_refused():
    text = (rules.RULES_DIR / "boilerplate.yml").read_text(encoding="utf-8")
    error = problem("boilerplate.yml", text.replace("publishing_classes: [", "publishing_classes: [发布信心, ", 1))
    assert "发布信心" in error.problem and error.line > 1


def test_a_facet_that_is_not_one_of_the_six_is_refused():
    text = (rules.RULES_DIR / "facets.yml").read_text(encoding="utf-8")
    error = problem("facets.yml", text.replace("article_default: 对策", "article_default: 建议", 1))
    assert "六个方面" in error.problem


def test_a_build_with_a_broken_rule_file_fails_naming_it_and_keeps_the_site(tmp_path, monkeypatch):
    sources = tmp_path / "source_texts"
    sources.mkdir()
    (sources / "a.txt").write_text("白沙镇统战工作总结\n\n一、存在的问题\n统战委员配备不足。\n", encoding="utf-8")
    config = write_config(tmp_path, sources, tmp_path / "generated")
    assert build(config, tmp_path / "site", None) == 0
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "site").rglob("*"))
    broken = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, broken, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    text = (broken / "search.yml").read_text(encoding="utf-8")
    (broken / "search.yml").write_text(text.replace("compound_min_count:", "compound_min_cont:", 1), encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", broken)
    rules.load_rules.cache_clear()
    try:
        import contextlib
        import io
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = build(config, tmp_path / "site", None)
    finally:
        rules.load_rules.cache_clear()
    assert code != 0
    assert "search.yml:" in err.getvalue() and "compound_min_cont" in err.getvalue(), err.getvalue()
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "site").rglob("*")) == before
