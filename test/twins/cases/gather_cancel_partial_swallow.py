# g.cancel() on a gather whose children react differently: without
# return_exceptions the first child that ends cancelled fails the gather at
# once, while a child that swallows the cancel keeps running on its own.
import asyncio


async def quitter():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("quitter: re-raising")
        raise


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn: ignoring cancel")
        await asyncio.sleep(0.3)
        print("stubborn: finished cleanup")
        return "stubborn value"


async def main():
    loop = asyncio.get_running_loop()
    s = asyncio.create_task(stubborn())
    q = asyncio.create_task(quitter())
    g = asyncio.gather(s, q)
    await asyncio.sleep(0.1)
    print("g.cancel() ->", g.cancel())
    print("g.cancel() again ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print(f"await g: CancelledError at {loop.time():.1f}, g.cancelled() {g.cancelled()}")
    print("stubborn done?", s.done())
    print("stubborn ->", await s, f"at {loop.time():.1f}")


asyncio.run(main())
