"""gather(): run coroutines concurrently. Python twin of gather.ts."""
import asyncio
import json
import sys

PARAMS = {"delay": 1.0, **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def fetch_data(delay):
    await asyncio.sleep(delay)
    return 'Data fetched'


async def process_data(delay):
    await asyncio.sleep(delay)
    return 'Data processed'


async def main(delay):
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(fetch_data(delay), process_data(delay))
    print(results)
    print(f"took {loop.time() - start:.1f} s, not {2 * delay:.1f} s: the sleeps overlapped")


asyncio.run(main(**PARAMS))
