# asyncio.timeout(None) never fires until rescheduled; reschedule() can push a
# deadline later, pull it earlier, into the past (fires on the next iteration),
# or back to None; when() reports it.
import asyncio


def fmt(when):
    return "None" if when is None else f"{when:.1f}"


async def attempt(label, body):
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            print(label, "when:", fmt(cm.when()))
            await body(cm, loop)
            print(label, "body finished")
    except TimeoutError:
        print(label, f"TimeoutError after {loop.time() - start:.1f}")
    print(label, "expired:", cm.expired())


async def later(cm, loop):
    cm.reschedule(loop.time() + 0.2)
    await asyncio.sleep(0.1)
    cm.reschedule(cm.when() + 0.3)
    print("  moved to", fmt(cm.when()))
    await asyncio.sleep(1)


async def past(cm, loop):
    cm.reschedule(loop.time() - 5)
    print("  deadline in the past; still running")
    await asyncio.sleep(0)
    print("  not reached")


async def unset(cm, loop):
    cm.reschedule(loop.time() + 0.1)
    await asyncio.sleep(0.05)
    cm.reschedule(None)
    await asyncio.sleep(0.5)


async def main():
    await attempt("later:", later)
    await attempt("past:", past)
    await attempt("unset:", unset)


asyncio.run(main())
