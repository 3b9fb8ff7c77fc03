"""shield(): time out the wait, not the work. Python twin of shield.ts."""
import asyncio
import json
import sys

PARAMS = {"limit": 1.0, **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}
started_at = 0.0


def elapsed():
    """Seconds since main started (loop.time() counts from an arbitrary point: the machine's monotonic clock)."""
    return asyncio.get_running_loop().time() - started_at


async def important_task():
    await asyncio.sleep(2)
    print(f"important_task: finished at t={elapsed():.1f}")
    return "saved"


async def main(limit):
    global started_at
    started_at = asyncio.get_running_loop().time()
    task = asyncio.create_task(important_task())
    try:
        result = await asyncio.wait_for(asyncio.shield(task), limit)
        print("main: got", repr(result), "in time")
    except TimeoutError:
        print(f"main: gave up waiting at t={elapsed():.1f}; task.done() =", task.done())
    result = await task
    print(f"main: important_task returned {result!r} at t={elapsed():.1f}")


asyncio.run(main(**PARAMS))
