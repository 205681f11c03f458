"""Raw Chinese work summaries → a knowledge base of work practices."""
