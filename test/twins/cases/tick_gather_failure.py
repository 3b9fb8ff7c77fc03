# A ticker beside a gather whose child fails: the awaiting task gets the error
# two iterations later while the other children keep running, uncancelled.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def child(name, hops, fail=False):
    for _ in range(hops):
        await asyncio.sleep(0)
    if fail:
        print("child", name, "raises")
        raise ValueError(name)
    print("child", name, "done")
    return name


async def main():
    t = asyncio.create_task(ticker(10))
    g = asyncio.gather(child("a", 4), child("bad", 1, fail=True), child("b", 2))
    try:
        await g
    except ValueError as e:
        print("main got", repr(e))
    await t
    print("gather done:", g.done())


asyncio.run(main())
