"""Search: segmentation, user dictionary, Traditional folding, the index and the term index."""
from .dictionary import Vocabulary
from .index import SearchIndex
from .segment import Segmenter

__all__ = ["SearchIndex", "Segmenter", "Vocabulary"]
