"""Editor-written configuration (taxonomy, courses), validated at the edge."""
