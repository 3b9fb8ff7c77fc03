"""Exceptions in gather(): the first error wins, the others keep running. Python twin of exceptions.ts."""
import asyncio
import json
import sys

PARAMS = {"outlive": False, **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def fetch_data(outlive):
    await asyncio.sleep(2 if outlive else 1)
    if outlive:
        print("fetch_data finished: gather did not cancel it")
    return 'Data fetched'


async def task_that_fails():
    await asyncio.sleep(1)
    raise Exception("Task error")


async def main(outlive):
    try:
        await asyncio.gather(fetch_data(outlive), task_that_fails())
    except Exception as e:
        print(f"Caught an exception: {e}")
    if outlive:
        await asyncio.sleep(1.5)  # main keeps running, and so does fetch_data


asyncio.run(main(**PARAMS))
