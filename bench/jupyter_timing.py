"""Times Jupyter kernels the way a front end meets them, through jupyter_client: start to ready, and
`1+1` from execute_request to its reply and idle status. Run by bench/jupyter.ts, which prints the table.

    /usr/bin/python3 bench/jupyter_timing.py RUNS STARTS KERNEL [KERNEL ...]

Kernels are measured in turns (start one, time it, stop it, then the next), so load on the shared
machine falls on all of them alike. Prints one JSON object: per kernel, start seconds and round trips in ms.
"""

import json
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

WARM_UP = 20


def start(name):
    manager = KernelManager(kernel_name=name)
    began = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    return manager, client, time.perf_counter() - began


def round_trip(client):
    began = time.perf_counter()
    msg_id = client.execute("1+1")
    while client.get_shell_msg(timeout=30)["parent_header"].get("msg_id") != msg_id:
        pass
    while True:
        message = client.get_iopub_msg(timeout=30)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return (time.perf_counter() - began) * 1000


def main():
    runs, starts, kernels = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    figures = {name: {"start_s": [], "round_trip_ms": []} for name in kernels}
    for turn in range(starts):
        for name in kernels:
            manager, client, seconds = start(name)
            figures[name]["start_s"].append(seconds)
            # Round trips on the first start only: later starts measure start time alone.
            if turn == 0:
                for i in range(WARM_UP + runs):
                    elapsed = round_trip(client)
                    if i >= WARM_UP:
                        figures[name]["round_trip_ms"].append(elapsed)
            client.stop_channels()
            manager.shutdown_kernel(now=False)
    out = {}
    for name, data in figures.items():
        trips = sorted(data["round_trip_ms"])
        out[name] = {
            "start_s_median": statistics.median(data["start_s"]),
            "start_s_all": data["start_s"],
            "p50_ms": trips[len(trips) // 2],
            "p90_ms": trips[int(len(trips) * 0.9)],
            "p99_ms": trips[min(len(trips) - 1, int(len(trips) * 0.99))],
            "mean_ms": statistics.fmean(trips),
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
