# Cancelling the top of a task chain (top awaits middle awaits leaf) forwards
# the cancel, message included, down to the leaf; if the leaf swallows it,
# every level resumes normally but keeps cancelling() == 1.
import asyncio


async def leaf(swallow):
    try:
        await asyncio.sleep(10)
        return "leaf slept"
    except asyncio.CancelledError as e:
        me = asyncio.current_task()
        print("leaf got", repr(e), "cancelling", me.cancelling())
        if not swallow:
            raise
        return "leaf swallowed"


async def level(name, inner):
    me = asyncio.current_task()
    try:
        v = await asyncio.create_task(inner)
        print(name, "got", repr(v), "cancelling", me.cancelling())
        return f"{name}({v})"
    except asyncio.CancelledError as e:
        print(name, "got", repr(e), "cancelling", me.cancelling())
        raise


async def main():
    for swallow in (False, True):
        print("--- leaf swallows:", swallow)
        top = asyncio.create_task(level("top", level("middle", leaf(swallow))))
        await asyncio.sleep(1)
        print("cancel top:", top.cancel("stop"))
        try:
            print("top ->", await top)
        except asyncio.CancelledError as e:
            print("main got", repr(e), "top cancelled:", top.cancelled())


asyncio.run(main())
