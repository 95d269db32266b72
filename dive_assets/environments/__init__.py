"""Environments: thin adapters that serve the tool catalog (and score with the one reward) to agents and trainers."""
