"""A swarm of tasks: thousands of sleeps, failures and cancels on one loop. Python twin of swarm.ts."""
import asyncio
import json
import sys

PARAMS = {"tasks": 1000, "seed": 1, "fail_rate": 0.1, "cancel_rate": 0.1,
          **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}

M32 = 0xFFFFFFFF


def mulberry32(seed):
    """mulberry32, bit for bit as in swarm.ts: floats in [0, 1)."""
    a = seed & M32

    def rand():
        nonlocal a
        a = (a + 0x6D2B79F5) & M32
        t = ((a ^ (a >> 15)) * (1 | a)) & M32
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & M32)) & M32) ^ t
        return ((t ^ (t >> 14)) & M32) / 4294967296

    return rand


async def worker(duration_ms, fails):
    await asyncio.sleep(duration_ms / 1000)
    if fails:
        raise ValueError("worker failed")
    return duration_ms


async def main(tasks, seed, fail_rate, cancel_rate):
    loop = asyncio.get_running_loop()
    start = loop.time()
    rand = mulberry32(seed)
    workers = []
    for _ in range(tasks):
        # Four draws per task, always in this order.
        duration_ms = int(rand() * 1001)
        fails = rand() < fail_rate
        gets_cancelled = rand() < cancel_rate
        cancel_at_ms = int(rand() * 1001)
        task = asyncio.create_task(worker(duration_ms, fails))
        if gets_cancelled:
            loop.call_later(cancel_at_ms / 1000, task.cancel)
        workers.append(task)
    results = await asyncio.gather(*workers, return_exceptions=True)
    done = 0
    failed = 0
    cancelled = 0
    slowest = 0
    for result in results:
        if isinstance(result, int):
            done += 1
            slowest = max(slowest, result)
        elif isinstance(result, ValueError):
            failed += 1
        elif isinstance(result, asyncio.CancelledError):
            cancelled += 1
    elapsed = loop.time() - start
    print(f"{tasks} tasks: {done} done, {failed} failed, {cancelled} cancelled;",
          f"slowest finished in {slowest} ms; all over after {elapsed:.3f} s of loop time")


asyncio.run(main(**PARAMS))
