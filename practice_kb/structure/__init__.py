"""Plain domain objects passed from stage to stage."""
from .document import Document, RemovedText, Repair, Skipped
from .article import Article, Paragraph, Point, Section
from .corpus import Corpus

__all__ = ["Document", "RemovedText", "Repair", "Skipped", "Article", "Paragraph", "Point", "Section", "Corpus"]
