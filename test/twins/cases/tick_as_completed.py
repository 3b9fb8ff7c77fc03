# A ticker beside as_completed(): a result reaches the loop body two
# iterations after its task ends; one already queued comes without a wait.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def job(name, hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print("job", name, "ends")
    return name


async def main():
    t = asyncio.create_task(ticker(10))
    # Tasks, not coroutines: as_completed() wraps coroutines in set order.
    jobs = [asyncio.create_task(job(*a)) for a in (("slow", 4), ("fast", 1), ("mid", 2), ("mid2", 2))]
    for f in asyncio.as_completed(jobs):
        print("got", await f)
    await t


asyncio.run(main())
