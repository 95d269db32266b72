"""LLM-path throughput: serial vs bounded concurrency against a local OpenAI-compatible server.

The scripted server (tests/llm_server.py) adds a fixed latency to every reply, as a remote provider would.
Each run collects evidence and derives tasks for one partition through litellm with the cache off, so every
trace makes real HTTP requests. Prints traces per second at each concurrency and the ratio to serial.

    .venv/bin/python bench/llm_throughput.py --traces 64 --latency 0.05 --concurrency 1 32
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from llm_server import running_server

from dive_assets.synthesis.catalog import catalog_frames
from dive_assets.synthesis.config import Partition, RunSettings
from dive_assets.synthesis.llm_client import client_for
from dive_assets.synthesis.tasks import derive_tasks
from dive_assets.synthesis.toolsets import toolset_frame
from dive_assets.synthesis.traces import run_traces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--traces", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added to every reply")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 32])
    parser.add_argument("--domain", default="geo")
    args = parser.parse_args()
    os.environ.setdefault("OPENAI_API_KEY", "sk-bench-dummy")
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    catalog = catalog_frames(run_examples=False)
    seeds = catalog["seeds"].filter(domain=args.domain)
    partition = Partition.of(args.domain, "full-varied")
    results = {}
    with running_server() as server:
        server.latency_s = args.latency
        for concurrency in args.concurrency:
            run = RunSettings(
                tasks_per_partition=args.traces,
                llm_model="openai/bench-model",
                llm_api_base=server.api_base,
                llm_concurrency=concurrency,
                max_steps=3,
            )
            toolsets = toolset_frame(partition, set(seeds["port"].unique()), run)
            client = client_for(run, cache=None)
            requests_before = server.request_count
            started = time.perf_counter()
            traces = run_traces(partition, toolsets, seeds, run, client)
            tasks, _ = derive_tasks(traces, partition, run, client)
            elapsed = time.perf_counter() - started
            results[concurrency] = args.traces / elapsed
            print(
                f"concurrency {concurrency:>3}: {args.traces} traces, {len(tasks)} tasks, "
                f"{server.request_count - requests_before} requests in {elapsed:.2f} s "
                f"-> {results[concurrency]:.1f} traces/s"
            )
    base = results[min(results)]
    for concurrency, rate in sorted(results.items()):
        print(f"speed-up at concurrency {concurrency}: {rate / base:.1f}x")


if __name__ == "__main__":
    main()
