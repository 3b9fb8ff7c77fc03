"""gather() vs TaskGroup: who cancels the siblings of a failing task. Python twin of taskgroup.ts."""
import asyncio
import json
import sys

PARAMS = {**(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}
started_at = 0.0


def elapsed():
    """Seconds since main started (loop.time() counts from an arbitrary point: the machine's monotonic clock)."""
    return asyncio.get_running_loop().time() - started_at


async def fetch_data(label):
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError:
        print(f"{label}: fetch_data cancelled at t={elapsed():.1f}")
        raise
    print(f"{label}: fetch_data finished at t={elapsed():.1f}")
    return 'Data fetched'


async def task_that_fails():
    await asyncio.sleep(1)
    raise ValueError("Task error")


async def with_gather():
    try:
        await asyncio.gather(fetch_data("gather"), task_that_fails())
    except ValueError as e:
        print(f"gather: caught {e!r} at t={elapsed():.1f}")
    await asyncio.sleep(1.5)  # fetch_data is still running: watch it finish


async def with_taskgroup():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch_data("TaskGroup"))
            tg.create_task(task_that_fails())
    except* Exception as eg:
        print(f"TaskGroup: caught {eg!r} at t={elapsed():.1f}")


async def main():
    global started_at
    started_at = asyncio.get_running_loop().time()
    await with_gather()
    await with_taskgroup()


asyncio.run(main(**PARAMS))
