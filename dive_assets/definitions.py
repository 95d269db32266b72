"""The Dagster code location: every asset, check, job and schedule of :mod:`dive_assets.defs` (loaded by Dagster's
own definitions loading), bound to the resources of the run settings.

The in-process executor keeps all steps of a run in one process (one DuckDB writer); runs are
serialized across processes by the warehouse file lock and the instance's run queue (dagster.yaml).
"""

from __future__ import annotations

import warnings

import dagster as dg

import dive_assets.defs
from dive_assets.defs.jobs import SYNTHESIS_ASSETS
from dive_assets.resources import default_resources


def load_location() -> dg.Definitions:
    """Every definition of :mod:`dive_assets.defs`, each asset with a code reference to the function that defines it
    in its module (``dagster/code_references``), without resources."""
    loaded = dg.load_defs(defs_root=dive_assets.defs)
    unique = list({id(asset): asset for asset in loaded.assets or []}.values())  # a module imports another's asset
    with warnings.catch_warnings():  # code references are a beta feature of Dagster; we rely on it
        warnings.simplefilter("ignore", dg.BetaWarning)
        assets = dg.with_source_code_references(unique)
    return dg.Definitions(
        assets=assets,
        asset_checks=loaded.asset_checks,
        jobs=loaded.jobs,
        schedules=loaded.schedules,
        sensors=loaded.sensors,
    )


defs = dg.Definitions.merge(
    load_location(),
    dg.Definitions(resources=default_resources(), executor=dg.in_process_executor),
)


def synthesis_assets() -> list[dg.AssetsDefinition]:
    """The partitioned assets a partition's run materializes (``synthesis_job``), loaded from :mod:`dive_assets.defs`
    without resources, so a caller binds its own (``dg.materialize(..., resources=...)``)."""
    loaded = {
        asset.key.to_user_string(): asset
        for asset in load_location().assets or []
        if isinstance(asset, dg.AssetsDefinition)
    }
    return [loaded[key] for key in SYNTHESIS_ASSETS]
