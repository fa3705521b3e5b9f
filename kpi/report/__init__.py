"""A report as text: read from its file, laid out in parts, sections and clauses, its numbers and numerals, and the
completeness check of what it states. Nothing is imported here, so each module loads only what it needs."""
