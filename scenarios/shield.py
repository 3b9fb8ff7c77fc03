"""shield(): time out the wait, not the work. Python twin of shield.ts."""
import asyncio
import json
import sys

PARAMS = {"limit": 1.0, **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def important_task():
    await asyncio.sleep(2)
    print(f"important_task: finished at t={asyncio.get_running_loop().time():.1f}")
    return "saved"


async def main(limit):
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(important_task())
    try:
        result = await asyncio.wait_for(asyncio.shield(task), limit)
        print("main: got", repr(result), "in time")
    except TimeoutError:
        print(f"main: gave up waiting at t={loop.time():.1f}; task.done() =", task.done())
    result = await task
    print(f"main: important_task returned {result!r} at t={loop.time():.1f}")


asyncio.run(main(**PARAMS))
