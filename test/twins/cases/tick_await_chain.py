# Each task in a chain (top awaits middle awaits leaf) resumes one loop
# iteration after the task it awaits ends; awaiting coroutines inline costs none.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def leaf():
    print("leaf start")
    await asyncio.sleep(0)
    print("leaf end")
    return 1


async def middle(as_task):
    print("middle start")
    v = await (asyncio.create_task(leaf()) if as_task else leaf())
    print("middle got", v)
    return v + 1


async def top(as_task):
    print("top start")
    v = await (asyncio.create_task(middle(as_task)) if as_task else middle(as_task))
    print("top got", v)
    return v + 1


async def main():
    t = asyncio.create_task(ticker(8))
    print("tasks:", await asyncio.create_task(top(True)))
    await t
    t = asyncio.create_task(ticker(4))
    print("inline:", await top(False))
    await t


asyncio.run(main())
