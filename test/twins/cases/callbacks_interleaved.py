# call_soon / call_later / call_at callbacks interleaved with task steps:
# FIFO for ready callbacks, cancelled handles never run, a callback can
# schedule callbacks and create tasks, and an error in one goes to the handler.
import asyncio


def note(msg):
    print("cb", msg)


def spawner(loop):
    print("cb spawner")
    loop.call_soon(note, "from spawner")
    loop.create_task(worker("spawned"))


def broken():
    raise ZeroDivisionError("in callback")


async def worker(name):
    print("task", name, "step 1")
    await asyncio.sleep(0)
    print("task", name, "step 2")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: print("handler:", repr(ctx["exception"])))
    loop.call_soon(note, "soon 1")
    t = asyncio.create_task(worker("a"))
    h = loop.call_soon(note, "cancelled soon")
    loop.call_soon(spawner, loop)
    loop.call_soon(broken)
    loop.call_soon(note, "soon 2")
    h.cancel()
    late = loop.call_later(0.2, note, "cancelled later")
    loop.call_at(loop.time() + 0.1, note, "call_at 0.1")
    loop.call_later(0.1, note, "call_later 0.1")
    loop.call_later(0.1, late.cancel)
    print("cancelled flags:", h.cancelled(), late.cancelled())
    await asyncio.sleep(0)
    print("main after one iteration")
    await asyncio.sleep(0.3)
    print("late cancelled:", late.cancelled())
    await t


asyncio.run(main())
