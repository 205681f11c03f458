"""Plain domain objects passed from stage to stage."""
from .document import Document, RemovedText, Repair, Skipped
from .article import Article, Paragraph, Point, Section
from .case import Case, Figure
from .corpus import Corpus
from .course import Course, Reading
from .merge import Merge
from .topic import Taxonomy, Topic

__all__ = ["Document", "RemovedText", "Repair", "Skipped", "Article", "Paragraph", "Point", "Section", "Corpus", "Case", "Figure", "Taxonomy", "Topic", "Merge", "Course", "Reading"]
