# shield() and a failing inner: the error reaches the awaiter; after the
# awaiter was cancelled, the inner still fails on its own and its error stays
# on the inner task.
import asyncio


async def fail_after(delay, msg):
    await asyncio.sleep(delay)
    print("inner raising", msg)
    raise ValueError(msg)


async def waiter(aw):
    try:
        await asyncio.shield(aw)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    try:
        await asyncio.shield(fail_after(0.1, "direct"))
    except ValueError as e:
        print("awaiter got", repr(e))
    inner = asyncio.create_task(fail_after(0.3, "orphan"))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.1)
    w.cancel()
    await asyncio.sleep(0)
    print("w cancelled?", w.cancelled(), "inner done?", inner.done())
    await asyncio.sleep(0.5)
    print("inner exception:", repr(inner.exception()))


asyncio.run(main())
