"""practice_kb.ingest.chinese: Traditional (and Taiwan-phrased) text → mainland Simplified."""
from __future__ import annotations

import opencc
import pytest

from practice_kb.ingest.chinese import Simplifier
from practice_kb.rules import load_rules

PHRASES = load_rules("phrases.yml")
REPAIRS = sorted(PHRASES["repairs"].items())
KEEP = list(PHRASES["keep"])

# One sentence about a fictional county, in Traditional and in Simplified characters.
TRADITIONAL = "雲溪縣各鄉鎮在{}方面做了大量工作，群眾反映良好。"
SIMPLIFIED = "云溪县各乡镇在{}方面做了大量工作，群众反映良好。"

_S2T = opencc.OpenCC("s2t")


@pytest.fixture(scope="module")
def simplifier() -> Simplifier:
    return Simplifier()


def traditional(word: str) -> str:
    return _S2T.convert(word)


def test_phrase_table_is_not_empty():
    assert REPAIRS and KEEP


@pytest.mark.parametrize(("taiwan", "mainland"), REPAIRS, ids=[left for left, _ in REPAIRS])
def test_taiwan_phrase_in_traditional_sentence_becomes_mainland_word(simplifier, taiwan, mainland):
    line = TRADITIONAL.format(traditional(taiwan))
    assert simplifier.is_traditional(line)
    text, _ = simplifier.convert(line)
    assert text == SIMPLIFIED.format(mainland)


@pytest.mark.parametrize(("taiwan", "mainland"), REPAIRS, ids=[right for _, right in REPAIRS])
def test_mainland_word_in_traditional_sentence_is_not_repaired_again(simplifier, taiwan, mainland):
    line = TRADITIONAL.format(traditional(mainland))
    text, _ = simplifier.convert(line)
    assert text == SIMPLIFIED.format(mainland)


@pytest.mark.parametrize("word", KEEP)
def test_keep_word_in_traditional_sentence_comes_out_as_written_on_the_mainland(simplifier, word):
    line = TRADITIONAL.format(traditional(word))
    assert simplifier.is_traditional(line)
    text, repairs = simplifier.convert(line)
    assert text == SIMPLIFIED.format(word)
    assert repairs == []


def test_phrase_repair_is_reported_as_a_before_after_pair(simplifier):
    _, repairs = simplifier.convert("青石鎮的網路建設進展順利。")
    assert repairs == [("网路", "网络")]


def test_simplified_line_is_left_exactly_alone(simplifier):
    line = "青石镇今年建立了网格化管理机制，各项指标完成较好。"
    assert simplifier.convert(line) == (line, [])


def test_simplified_line_with_zhiyuan_is_left_exactly_alone(simplifier):
    line = "青石镇组织党员干部支援邻村抗洪抢险，受到群众好评。"
    assert simplifier.convert(line) == (line, [])


def test_traditional_line_is_recognised(simplifier):
    assert simplifier.is_traditional("青石鎮積極推進鄉村振興，群眾生活水準不斷提高。")


def test_simplified_line_is_not_traditional(simplifier):
    assert not simplifier.is_traditional("青石镇积极推进乡村振兴，群众生活水平不断提高。")


def test_line_without_chinese_characters_is_not_traditional(simplifier):
    assert not simplifier.is_traditional("2023 - Page 12 / 45")


def test_forced_conversion_simplifies_a_line_that_looks_simplified(simplifier):
    # A line whose characters are the same in both scripts, inside a Traditional document.
    text, repairs = simplifier.convert("工作程式", force=True)
    assert text == "工作程序"
    assert repairs == [("程式", "程序")]
