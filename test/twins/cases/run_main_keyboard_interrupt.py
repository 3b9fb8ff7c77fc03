# main raising KeyboardInterrupt itself: it leaves the loop at once, leftover
# tasks are then cancelled and cleaned up, and the process exits with 130.
import asyncio


async def helper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        print("helper: cleaned up")
        raise


async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(0.5)
    print("main raising KeyboardInterrupt")
    raise KeyboardInterrupt


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("run raised KeyboardInterrupt")
    raise
