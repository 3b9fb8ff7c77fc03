# Cancelling an outer gather whose child is itself a gather: the cancel goes
# down to the inner gather's children; with return_exceptions the inner gather
# reports its own cancellation as a CancelledError, and the outer one raises.
import asyncio


async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    inner = asyncio.gather(leaf("i1", 0.1), leaf("i2", 1), return_exceptions=True)
    outer = asyncio.gather(inner, leaf("o1", 1), return_exceptions=True)
    await asyncio.sleep(0.5)
    print("outer.cancel() ->", outer.cancel())
    try:
        print("outer ->", await outer)
    except asyncio.CancelledError:
        print("outer raised CancelledError")
    print("inner done:", inner.done(), "cancelled:", inner.cancelled())
    try:
        print("inner ->", inner.result())
    except asyncio.CancelledError:
        print("inner.result() raised CancelledError")


asyncio.run(main())
