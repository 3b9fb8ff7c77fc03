# Two cancel() calls before the task runs again: both return True and
# cancelling() counts 2; a sleeping task gets the FIRST message (its sleep was
# cancelled with it), an unstarted one the LAST; the handler's awaits run on.
import asyncio


async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("worker got", repr(e), "cancelling", me.cancelling())
        await asyncio.sleep(0.1)
        print("worker cleanup not interrupted")
        return "finished anyway"


async def never():
    print("never runs")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("cancel first ->", t.cancel("first"))
    print("cancel second ->", t.cancel("second"))
    print("worker ->", await t, "cancelled?", t.cancelled(), "cancelling", t.cancelling())
    print("cancel a done task ->", t.cancel("late"))
    n = asyncio.create_task(never())
    print("cancel unstarted ->", n.cancel("a"), n.cancel("b"))
    try:
        await n
    except asyncio.CancelledError as e:
        print("unstarted task:", repr(e), "cancelling", n.cancelling())


asyncio.run(main())
