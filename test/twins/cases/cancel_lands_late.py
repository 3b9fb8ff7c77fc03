# cancel() after a task's future is done but before the task has resumed:
# the result is thrown away and CancelledError is raised instead; the same
# for a task that is ready to run after sleep(0).
import asyncio


async def waiter(fut):
    try:
        v = await fut
        print("waiter got", v)
    except asyncio.CancelledError:
        print("waiter: CancelledError although the future has result", fut.result())
        raise


async def hopper():
    try:
        await asyncio.sleep(0)
        print("hopper resumed")
    except asyncio.CancelledError:
        print("hopper: CancelledError at its sleep(0)")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    w = asyncio.create_task(waiter(fut))
    h = asyncio.create_task(hopper())
    await asyncio.sleep(0)
    fut.set_result("value")
    print("cancel waiter ->", w.cancel(), "cancel hopper ->", h.cancel())
    for t in (w, h):
        try:
            await t
        except asyncio.CancelledError:
            pass
    print("cancelled:", w.cancelled(), h.cancelled())


asyncio.run(main())
