# Cancelling a task that sits in `async with TaskGroup()`: the group cancels
# its children, waits for their cleanup, then re-raises CancelledError (not an
# ExceptionGroup) with the original message.
import asyncio


async def child(name, cleanup):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        print(f"{name} cleaned up at {loop.time():.1f}")
        raise


async def worker():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.2))
            tg.create_task(child("b", 0.1))
            await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(f"worker: {e!r} at {loop.time():.1f}")
        raise


async def main():
    w = asyncio.create_task(worker())
    await asyncio.sleep(1)
    w.cancel("shutdown")
    try:
        await w
    except asyncio.CancelledError as e:
        print("main:", repr(e), "cancelled?", w.cancelled())


asyncio.run(main())
