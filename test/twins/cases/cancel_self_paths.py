# A task that cancels itself keeps running until it really suspends: awaiting a
# finished future or an inline coroutine that does not suspend delivers nothing.
import asyncio


async def no_suspend():
    return "inline value"


async def selfish():
    me = asyncio.current_task()
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("ready")
    print("cancel self ->", me.cancel("self"))
    print("after cancel, still running; cancelling", me.cancelling())
    print("await done future ->", await done)
    print("await inline coroutine ->", await no_suspend())
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError as e:
        print("sleep(0) raised", repr(e))
    await asyncio.sleep(0)
    print("second sleep ok, cancelling still", me.cancelling())
    return "selfish result"


async def main():
    t = asyncio.create_task(selfish())
    print("selfish ->", await t, "cancelled?", t.cancelled())


asyncio.run(main())
