"""The two policies of evidence collection and derivation: the embedded, seeded one (no model) and the LLM one."""
