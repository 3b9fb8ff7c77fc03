"""gather(return_exceptions=True): errors become results. Python twin of return-exceptions.ts."""
import asyncio
import json
import sys

PARAMS = {**(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def fetch_data():
    await asyncio.sleep(1)
    return 'Data fetched'


async def task_that_fails():
    await asyncio.sleep(1)
    raise Exception("Task error")


async def process_data():
    await asyncio.sleep(2)
    return 'Data processed'


async def main():
    results = await asyncio.gather(fetch_data(), task_that_fails(), process_data(), return_exceptions=True)
    print(results)
    names = ["fetch_data", "task_that_fails", "process_data"]
    for i, result in enumerate(results):
        if isinstance(result, BaseException):
            print(f"{names[i]}: failed with {result!r}")
        else:
            print(f"{names[i]}: ok, {result!r}")


asyncio.run(main(**PARAMS))
