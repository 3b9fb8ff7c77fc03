# A ticker prints once per loop iteration beside tasks that finish, get cancelled
# and fail: the iteration at which each outcome reaches the task awaiting it.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def finisher():
    print("finisher start")
    await asyncio.sleep(0)
    print("finisher end")
    return "ok"


async def sleeper():
    try:
        print("sleeper start")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise


async def failer():
    print("failer start")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("failer raises")
    raise ValueError("bad")


async def main():
    t = asyncio.create_task(ticker(10))
    a = asyncio.create_task(finisher())
    b = asyncio.create_task(sleeper())
    c = asyncio.create_task(failer())
    print("main awaits finisher")
    print("finisher ->", await a)
    print("main cancels sleeper:", b.cancel())
    try:
        await b
    except asyncio.CancelledError:
        print("main saw sleeper cancelled:", b.cancelled())
    try:
        await c
    except ValueError as e:
        print("main saw failer:", repr(e))
    await t
    print("main done")


asyncio.run(main())
