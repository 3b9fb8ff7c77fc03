# requires: 3.13
# gather() with the same task or coroutine twice waits once and repeats the
# result; over tasks that are already done it is done at once (3.12+).
import asyncio


async def value(v):
    await asyncio.sleep(0.1)
    print("value", v, "computed")
    return v


async def main():
    t = asyncio.create_task(value(1))
    c = value(2)
    g = asyncio.gather(t, c, t, c)
    print("dupes done at once?", g.done())
    print("dupes ->", await g)
    g2 = asyncio.gather(t, t)
    print("done tasks: done at once?", g2.done())
    print("done tasks ->", await g2)
    u = asyncio.create_task(value(3))
    g3 = asyncio.gather(t, u, t)
    print("mixed: done at once?", g3.done())
    print("mixed ->", await g3)


asyncio.run(main())
