"""Exceptions in gather(): the first error wins, the others keep running. Python twin of exceptions.ts."""
import asyncio
import json
import sys

PARAMS = {"wait_after": 1.5, **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def fetch_data():
    await asyncio.sleep(2)
    print("fetch_data finished: gather did not cancel it")
    return 'Data fetched'


async def task_that_fails():
    await asyncio.sleep(1)
    raise Exception("Task error")


async def main(wait_after):
    try:
        await asyncio.gather(fetch_data(), task_that_fails())
    except Exception as e:
        print(f"Caught an exception: {e}")
    await asyncio.sleep(wait_after)  # main goes on, and so does fetch_data


asyncio.run(main(**PARAMS))
