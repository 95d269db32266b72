"""The partition grid: domain x diversity setting, built from the catalog's domains and the settings file, and the
launch-config enums of its two dimensions."""

from __future__ import annotations

from enum import Enum

import dagster as dg

from dive_assets.synthesis.config import load_diversity_grid
from tool_catalog.spec import DOMAINS

DIVERSITY_GRID = load_diversity_grid()

domain_x_diversity = dg.MultiPartitionsDefinition(
    {
        "domain": dg.StaticPartitionsDefinition(list(DOMAINS)),
        "diversity": dg.StaticPartitionsDefinition([s.key for s in DIVERSITY_GRID.settings]),
    }
)


def _dimension_enum(name: str, dimension: str) -> type[Enum]:
    """A Python enum of a dimension's partition keys (member name = value = key): a ``dg.Config`` field of this type
    is a Dagster Enum in the Launchpad's config schema, so a value outside the grid is refused before a run starts."""
    keys = domain_x_diversity.get_partitions_def_for_dimension(dimension).get_partition_keys()
    return Enum(name, {key: key for key in keys})


Domain = _dimension_enum("Domain", "domain")
"""The domains of the partition grid, as a config enum."""

Diversity = _dimension_enum("Diversity", "diversity")
"""The diversity settings of the partition grid, as a config enum."""


def partition_key(domain: str, diversity: str) -> dg.MultiPartitionKey:
    """Build a key by dimension name (the string form orders dimensions by name: diversity|domain)."""
    return dg.MultiPartitionKey({"domain": domain, "diversity": diversity})


def all_partition_keys() -> list[dg.MultiPartitionKey]:
    return [partition_key(d, s.key) for d in DOMAINS for s in DIVERSITY_GRID.settings]


def split_key(key: str | dg.MultiPartitionKey) -> tuple[str, str]:
    """(domain, diversity) of a partition key."""
    if isinstance(key, dg.MultiPartitionKey):
        dims = key.keys_by_dimension
    else:
        dims = domain_x_diversity.get_partition_key_from_str(key).keys_by_dimension
    return dims["domain"], dims["diversity"]
