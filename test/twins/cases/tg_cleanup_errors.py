# A TaskGroup aborting after a child fails: one sibling's cleanup raises (that
# error joins the group), another swallows the cancel and returns (no error),
# and the group waits for the slowest cleanup before raising.
import asyncio


async def failer():
    await asyncio.sleep(0.1)
    raise ValueError("first failure")


async def bad_cleanup():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.2)
        print("bad_cleanup: raising during cleanup")
        raise RuntimeError("cleanup failed")


async def swallower():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.4)
        print("swallower: returning normally")
        return "swallowed"


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failer())
            tg.create_task(bad_cleanup())
            s = tg.create_task(swallower())
    except ExceptionGroup as eg:
        print(f"group raised at {loop.time():.1f}:", eg)
        for e in eg.exceptions:
            print(" ", repr(e))
    print("swallower result:", s.result())


asyncio.run(main())
