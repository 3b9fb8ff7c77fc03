"""wait(FIRST_COMPLETED): take the winner, cancel the rest yourself. Python twin of first-completed.ts."""
import asyncio
import json
import sys

PARAMS = {**(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def download(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, partial download discarded")
        raise
    return f"{name} done in {seconds:.1f} s"


def by_name(tasks):
    return sorted(tasks, key=lambda t: t.get_name())


async def main():
    tasks = [
        asyncio.create_task(download("mirror-a", 3), name="mirror-a"),
        asyncio.create_task(download("mirror-b", 1), name="mirror-b"),
        asyncio.create_task(download("mirror-c", 2), name="mirror-c"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        print("winner:", task.get_name(), "->", repr(task.result()))
    for task in by_name(pending):
        task.cancel()
    await asyncio.gather(*by_name(pending), return_exceptions=True)
    for task in by_name(tasks):
        print(f"{task.get_name()}:", "cancelled" if task.cancelled() else f"returned {task.result()!r}")


asyncio.run(main(**PARAMS))
