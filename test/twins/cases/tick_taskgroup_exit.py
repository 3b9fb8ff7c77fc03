# A ticker shows the iterations between a TaskGroup's last child ending and
# the code after `async with` running, for a clean exit and a failing one.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def child(name, hops):
    try:
        for _ in range(hops):
            await asyncio.sleep(0)
        print("child", name, "done")
    except asyncio.CancelledError:
        print("child", name, "cancelled")
        raise


async def failing(hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print("failing raises")
    raise ValueError("child failed")


async def main():
    t = asyncio.create_task(ticker(16))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 2))
        tg.create_task(child("b", 0))
        print("body end")
    print("group exited")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 5))
            tg.create_task(failing(1))
            print("body2 end")
    except* ValueError as eg:
        print("group2 failed:", [repr(e) for e in eg.exceptions])
    await t


asyncio.run(main())
