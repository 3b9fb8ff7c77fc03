# Cancelling a task that awaits gather() cancels every child. Without
# return_exceptions the task resumes as soon as the first child ends cancelled
# (the others clean up unobserved); with it, only after the slowest cleanup.
import asyncio


async def child(name, cleanup):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        print(f"{name}: cleanup done at {loop.time():.1f}")
        raise


async def parent(return_exceptions):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.gather(child("fast", 0.1), child("slow", 0.5), child("instant", 0),
                             return_exceptions=return_exceptions)
    except asyncio.CancelledError:
        print(f"parent: CancelledError at {loop.time():.1f}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    for return_exceptions in (False, True):
        print("--- return_exceptions:", return_exceptions)
        start = loop.time()
        p = asyncio.create_task(parent(return_exceptions))
        await asyncio.sleep(1)
        p.cancel()
        try:
            await p
        except asyncio.CancelledError:
            print(f"main: parent cancelled after {loop.time() - start:.1f}")
        await asyncio.sleep(1)


asyncio.run(main())
