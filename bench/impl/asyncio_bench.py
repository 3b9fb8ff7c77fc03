"""CPython asyncio on every workload (after ../shared/bench-peers/impl/asyncio_bench.py).

Usage: python3 asyncio_bench.py <workload> <N>
Prints: asyncio <workload> <N> <seconds> <peak_rss_mb>
"""

import asyncio
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python"))
from async_demo_probe.clock import VirtualClock  # noqa: E402  (the probe's virtual clock, events off)
from async_demo_probe.loop import EventLoop as ProbeLoop  # noqa: E402

IMPL = "asyncio"
WORKLOADS = ("gather0", "gather0-events", "timers", "timers-virtual", "cancel", "chain", "taskgroup")
LONG_SLEEP_S = 3600.0
M32 = 0xFFFFFFFF
failed = False


def mulberry32(seed):
    a = seed & M32

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & M32
        t = ((a ^ (a >> 15)) * (1 | a)) & M32
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & M32)) & M32) ^ t
        return ((t ^ (t >> 14)) & M32) / 4294967296

    return nxt


def random_delays(n, maximum, seed=42):
    rand = mulberry32(seed)
    return [int(rand() * (maximum + 1)) for _ in range(n)]


def check(cond, msg):
    global failed
    if not cond:
        print(f"self-check failed: {msg}", file=sys.stderr)
        failed = True


def check_indices(results, n):
    check(len(results) == n and all(r == i for i, r in enumerate(results)), "results out of order")


async def zero(i):
    await asyncio.sleep(0)
    return i


async def sleeper(i, seconds):
    await asyncio.sleep(seconds)
    return i


async def gather0(n):
    check_indices(await asyncio.gather(*(zero(i) for i in range(n))), n)


async def timers(n, delays):
    check_indices(await asyncio.gather(*(sleeper(i, d / 1000) for i, d in enumerate(delays))), n)


async def timers_virtual(n, delays):
    check_indices(await asyncio.gather(*(sleeper(i, d / 1000) for i, d in enumerate(delays))), n)


async def cancel(n):
    cleaned = 0

    async def parked():
        nonlocal cleaned
        try:
            await asyncio.sleep(LONG_SLEEP_S)
        finally:
            cleaned += 1

    tasks = [asyncio.create_task(parked()) for _ in range(n)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    check(len(results) == n and all(isinstance(r, asyncio.CancelledError) for r in results), "all cancelled")
    check(cleaned == n, f"cleaned {cleaned}")


async def chain(n):
    async def link(k):
        if k == n:
            return 0
        return (await asyncio.create_task(link(k + 1))) + 1

    check(await link(1) == n - 1, "depth")


async def taskgroup(n):
    cancelled = 0
    raised = False

    async def child(i):
        nonlocal cancelled
        try:
            await asyncio.sleep(0.001 if i == n - 1 else LONG_SLEEP_S)
            if i == n - 1:
                raise ValueError("boom")
        except asyncio.CancelledError:
            cancelled += 1
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(n):
                tg.create_task(child(i))
    except* ValueError as eg:
        raised = True
        check(len(eg.exceptions) == 1, "one error grouped")
    check(raised, "the task group raised")
    check(cancelled == n - 1, f"cancelled {cancelled}")


RUNS = {"gather0": gather0, "timers": timers, "timers-virtual": timers_virtual, "cancel": cancel,
        "chain": chain, "taskgroup": taskgroup}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in WORKLOADS:
        print(f"usage: {sys.argv[0]} <{'|'.join(WORKLOADS)}> <N>", file=sys.stderr)
        sys.exit(2)
    workload, n = sys.argv[1], int(sys.argv[2])
    fn = RUNS.get(workload)
    if fn is None:
        print(f"{IMPL} {workload} {n} NA NA")
        return
    # Inputs are made before the clock starts (this PRNG port is slow and is not asyncio's cost).
    args = ()
    if workload == "timers":
        args = (random_delays(n, 100),)
    elif workload == "timers-virtual":
        args = (random_delays(n, 3_600_000),)
    loop = ProbeLoop(VirtualClock()) if workload == "timers-virtual" else asyncio.new_event_loop()
    t0 = time.perf_counter()
    with asyncio.Runner(loop_factory=lambda: loop) as runner:
        runner.run(fn(n, *args))
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{IMPL} {workload} {n} {seconds:.4f} {peak_mb:.1f}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
