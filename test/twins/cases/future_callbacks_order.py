# Done callbacks run one iteration after the future completes, each as its own
# ready callback in the order added (a ticker shows when); added to a done
# future they are scheduled at once; remove_done_callback removes every copy.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


def cb(name):
    return lambda fut: print("callback", name, "sees", fut.result())


async def waiter(fut):
    print("waiter got", await fut)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    first, dup = cb("first"), cb("dup")
    fut.add_done_callback(first)
    fut.add_done_callback(dup)
    w = asyncio.create_task(waiter(fut))
    fut.add_done_callback(dup)
    fut.add_done_callback(cb("last"))
    print("removed", fut.remove_done_callback(dup))
    t = asyncio.create_task(ticker(5))
    await asyncio.sleep(0)
    print("set_result")
    fut.set_result(42)
    await asyncio.sleep(0)
    print("adding to a done future")
    fut.add_done_callback(cb("late"))
    await w
    await t


asyncio.run(main())
