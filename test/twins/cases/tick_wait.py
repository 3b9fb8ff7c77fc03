# A ticker beside asyncio.wait(): the waiter wakes two iterations after the
# first task ends, so a task ending in that same iteration is in `done` too.
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


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    t = asyncio.create_task(ticker(12))
    a = asyncio.create_task(job("a", 3), name="a")
    b = asyncio.create_task(job("b", 1), name="b")
    c = asyncio.create_task(job("c", 1), name="c")
    d = asyncio.create_task(job("d", 6), name="d")
    done, pending = await asyncio.wait([a, b, c, d], timeout=5, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait([a, b, c, d])
    print("all completed:", names(done), "pending:", names(pending))
    await t


asyncio.run(main())
