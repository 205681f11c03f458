"""The MkDocs plugin: thin glue between MkDocs events and the pipeline."""
from .plugin import KnowledgeBasePlugin

__all__ = ["KnowledgeBasePlugin"]
