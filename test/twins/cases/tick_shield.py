# A ticker shows the extra iterations shield() costs, and that the inner task
# keeps running, iteration by iteration, after the shielded awaiter is cancelled.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def work(name, hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print(name, "finished")
    return name


async def shield_waiter(inner):
    return await asyncio.shield(inner)


async def main():
    t = asyncio.create_task(ticker(16))
    inner = asyncio.create_task(work("inner", 1))
    print("shield(task) ->", await asyncio.shield(inner))
    print("shield(coro) ->", await asyncio.shield(work("coro", 1)))
    inner2 = asyncio.create_task(work("inner2", 3))
    waiter = asyncio.create_task(shield_waiter(inner2))
    await asyncio.sleep(0)
    print("cancel waiter:", waiter.cancel())
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled; inner2 done?", inner2.done())
    print("inner2 ->", await inner2)
    await t


asyncio.run(main())
