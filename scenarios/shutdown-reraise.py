"""Graceful shutdown, fixed: clean up, then re-raise. Python twin of shutdown-reraise.ts."""
import asyncio
import json
import sys

PARAMS = {**(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def fetch_data():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("fetch_data: cancelled, cleaning up")
        raise
    print("fetch_data: done")
    return 'Data fetched'


async def process_data():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("process_data: cancelled, cleaning up")
        raise
    print("process_data: done")
    return 'Data processed'


async def long_running_task():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("long_running_task: cancelled, cleaning up")
        raise
    print("long_running_task: done")
    return 'Long task finished'


async def main():
    coroutines = [fetch_data(), process_data(), long_running_task()]
    tasks = [asyncio.create_task(c) for c in coroutines]
    try:
        await asyncio.gather(*tasks)
    except asyncio.CancelledError:
        print("cancel() returned", [task.cancel() for task in tasks])
        print(await asyncio.gather(*tasks, return_exceptions=True))
        print("Cleaned up")
        raise  # let Ctrl-C end the program


asyncio.run(main(**PARAMS))
