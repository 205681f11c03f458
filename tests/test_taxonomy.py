"""topics.yml: loaded into Topics, and refused with file and line when malformed."""
from __future__ import annotations

from pathlib import Path

import pytest

from practice_kb.config.errors import ConfigError
from practice_kb.config.taxonomy import load_taxonomy

GOOD = """topics:
  - slug: jingfei
    title: 经费保障
    description: 经费与条件。
    keywords: [经费, 资金]
    aliases: [没钱]
  - slug: duiwu
    title: 队伍建设
    keywords: [干部]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_taxonomy(write(tmp_path, text))
    assert str(tmp_path / "topics.yml") in str(caught.value)
    return caught.value


def test_a_valid_taxonomy_loads_with_terms_and_lines(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, GOOD))
    assert [t.slug for t in taxonomy.topics] == ["jingfei", "duiwu"]
    assert taxonomy.get("jingfei").terms == ("经费", "资金", "没钱")
    assert taxonomy.get("duiwu").line == 7


def test_malformed_yaml_names_the_line(tmp_path):
    error = refused(tmp_path, "topics:\n  - slug: a\n    title: [unclosed\n")
    assert error.line >= 3 and "YAML" in error.problem


def test_an_unknown_key_names_its_line(tmp_path):
    error = refused(tmp_path, GOOD.replace("    aliases: [没钱]", "    colour: red"))
    assert error.line == 6 and "colour" in error.problem


def test_a_duplicate_slug_names_both_lines(tmp_path):
    error = refused(tmp_path, GOOD.replace("slug: duiwu", "slug: jingfei"))
    assert error.line == 7 and "第 2 行" in error.problem


def test_a_topic_with_no_keywords_is_refused(tmp_path):
    error = refused(tmp_path, GOOD.replace("    keywords: [干部]", "    keywords: []"))
    assert "关键词" in error.problem and error.line == 9


def test_a_topic_missing_its_title_is_refused(tmp_path):
    error = refused(tmp_path, GOOD.replace("    title: 队伍建设\n", ""))
    assert "title" in error.problem and error.line == 7


def test_a_slug_that_is_not_url_safe_is_refused(tmp_path):
    error = refused(tmp_path, GOOD.replace("slug: duiwu", "slug: 队伍"))
    assert "slug" in error.problem


def test_general_topics_are_marked_and_the_rest_make_the_subject(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, GOOD.replace("    aliases: [没钱]\n", "    aliases: [没钱]\n    general: true\n")))
    assert taxonomy.get("jingfei").general and not taxonomy.get("duiwu").general
    assert taxonomy.subject == {"duiwu"}


def test_with_no_topic_or_every_topic_general_all_topics_make_the_subject(tmp_path):
    assert load_taxonomy(write(tmp_path, GOOD)).subject == {"jingfei", "duiwu"}
    every = GOOD.replace("    aliases: [没钱]\n", "    aliases: [没钱]\n    general: true\n") + "    general: True\n"
    assert load_taxonomy(write(tmp_path, every)).subject == {"jingfei", "duiwu"}


def test_general_that_is_not_true_or_false_names_its_line(tmp_path):
    error = refused(tmp_path, GOOD + "    general: 是\n")
    assert error.line == 10 and "general" in error.problem


def test_the_shipped_taxonomy_loads():
    taxonomy = load_taxonomy(Path(__file__).parent.parent / "topics.yml")
    assert 15 <= len(taxonomy.topics) <= 25
    assert all(t.description and t.aliases for t in taxonomy.topics)
    assert 0 < len(taxonomy.subject) < len(taxonomy.topics)
