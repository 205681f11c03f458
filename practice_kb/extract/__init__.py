"""Stage 2: clean text → structure (articles, headings, points, and later facets, topics, cases)."""
