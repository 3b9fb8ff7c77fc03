# A TaskGroup child cancelling a sibling, and a child cancelling itself: a
# cancelled child is not an error, the group ends normally, others keep results.
import asyncio


async def victim():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("victim cancelled:", repr(e))
        raise


async def killer(target):
    await asyncio.sleep(0.1)
    print("killer cancels victim ->", target.cancel("by sibling"))
    return "killer done"


async def suicidal():
    await asyncio.sleep(0.2)
    asyncio.current_task().cancel()
    await asyncio.sleep(0)
    return "not reached"


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        v = tg.create_task(victim())
        k = tg.create_task(killer(v))
        s = tg.create_task(suicidal())
        print("body done")
    print(f"group ended at {loop.time():.1f}")
    print("victim cancelled?", v.cancelled(), "suicidal cancelled?", s.cancelled(), "killer:", k.result())


asyncio.run(main())
