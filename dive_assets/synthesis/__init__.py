"""Plain, typed synthesis logic (no Dagster): sampling, evidence, derivation, verification, splits."""
