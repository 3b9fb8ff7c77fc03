# A ticker shows cancel() reaching the bottom of a task chain (top awaits
# middle awaits leaf) at once, the leaf resuming next iteration, and the
# outcome climbing back up one iteration per level.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def leaf():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leaf cancelled")
        raise


async def level(name, inner):
    try:
        await asyncio.create_task(inner)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    top = asyncio.create_task(level("top", level("middle", leaf())))
    await asyncio.sleep(0.1)
    t = asyncio.create_task(ticker(8))
    await asyncio.sleep(0)
    print("main cancels top")
    top.cancel()
    try:
        await top
    except asyncio.CancelledError:
        print("main sees top cancelled")
    await t


asyncio.run(main())
