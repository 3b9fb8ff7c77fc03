"""wait_for() and timeout(): cancel, wait for the cleanup, then TimeoutError. Python twin of timeout.ts."""
import asyncio
import json
import sys

PARAMS = {"limit": 1.0, **(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {})}


async def slow_operation():
    try:
        await asyncio.sleep(2)
        return "finished"
    except asyncio.CancelledError:
        print("slow_operation: cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print("slow_operation: cleanup done")
        raise


async def main(limit):
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        result = await asyncio.wait_for(slow_operation(), limit)
        print("wait_for returned", repr(result))
    except TimeoutError:
        print(f"wait_for: TimeoutError after {loop.time() - start:.1f} s")

    start = loop.time()
    try:
        async with asyncio.timeout(limit) as cm:
            result = await slow_operation()
            print("slow_operation returned", repr(result))
    except TimeoutError:
        print(f"timeout: TimeoutError after {loop.time() - start:.1f} s")
    print("cm.expired():", cm.expired())


asyncio.run(main(**PARAMS))
