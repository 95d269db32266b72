"""The Dagster side, one module per stage (each holds its asset and nothing else of another stage), loaded by
:func:`dagster.load_defs` in :mod:`dive_assets.definitions`: every asset, check, job and schedule defined at the top
level of a module here is part of the code location."""
