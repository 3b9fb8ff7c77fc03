"""as_completed(): handle each result as soon as it is ready. Python twin of as-completed.ts."""
import asyncio
import json
import sys

PARAMS = {**(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def job(name, seconds, fail):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"{name} failed")
    return f"{name} ok"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    jobs = [job("slow", 3, False), job("quick", 1, False), job("broken", 2, True)]
    for next_done in asyncio.as_completed(jobs):
        try:
            result = await next_done
            print(f"{loop.time() - start:.1f} s: {result}")
        except ValueError as e:
            print(f"{loop.time() - start:.1f} s: error {e!r}")


asyncio.run(main(**PARAMS))
