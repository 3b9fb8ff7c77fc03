# gather(return_exceptions=True) with mixed outcomes: a value, an error, a
# child cancelled with a message, one without, and one that swallows its cancel.
import asyncio


async def ok():
    await asyncio.sleep(0.1)
    return "ok"


async def boom():
    await asyncio.sleep(0.2)
    raise KeyError("k")


async def sleepy():
    await asyncio.sleep(5)
    return "never"


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        return "swallowed"


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(c) for c in (ok(), boom(), sleepy(), sleepy(), stubborn())]
    loop.call_later(0.3, tasks[2].cancel, "with msg")
    loop.call_later(0.3, tasks[3].cancel)
    loop.call_later(0.3, tasks[4].cancel)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(f"gathered at {loop.time():.1f}")
    for r in results:
        print(type(r).__name__, repr(r))
    print("cancelled flags:", [t.cancelled() for t in tasks])


asyncio.run(main())
