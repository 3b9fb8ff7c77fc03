# While a ticker keeps the ready queue busy the loop never waits, so the
# clock stands still: call_later(0) runs next iteration, timers > 0 only after.
import asyncio


async def ticker(n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        print("tick", i, f"{loop.time():.1f}")
        await asyncio.sleep(0)


async def napper():
    loop = asyncio.get_running_loop()
    print("napper sleeps 0.5")
    await asyncio.sleep(0.5)
    print(f"napper woke at {loop.time():.1f}")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker(4))
    loop.call_later(0, print, "call_later(0)")
    loop.call_soon(print, "call_soon")
    loop.call_later(0.5, print, "call_later(0.5)")
    s = asyncio.create_task(napper())
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(-1)
    print("main after sleep(-1)")
    await asyncio.sleep(0.5)
    print(f"main after sleep(0.5) at {loop.time():.1f}")
    await t
    await s


asyncio.run(main())
