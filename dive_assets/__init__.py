"""dive: a Dagster pipeline that synthesizes verifiable tool-use tasks (DIVE recipe)."""
