"""The verbs an editor runs."""
