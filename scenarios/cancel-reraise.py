"""Cancelling a task, fixed: re-raise the CancelledError. Python twin of cancel-reraise.ts."""
import asyncio
import json
import sys

PARAMS = {**(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def long_running_task():
    try:
        await asyncio.sleep(10)  # Simulate a long task
    except asyncio.CancelledError:
        print("Task was cancelled")
        raise  # let the cancellation through


async def main():
    task = asyncio.create_task(long_running_task())
    await asyncio.sleep(1)  # Let the task start
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("Main also noticed that the task was cancelled")


asyncio.run(main(**PARAMS))
