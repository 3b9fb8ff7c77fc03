# requires: 3.13
# Default task names: gather's wrapper tasks and tasks made in callbacks take
# numbers too, and a named task or set_name() does not. (CPython's counter
# also goes on across asyncio.run() calls; async-demo numbers each run from
# Task-1, a documented difference, so this twin runs once.)
import asyncio


async def noop():
    pass


def in_callback(names):
    names.append(asyncio.get_running_loop().create_task(noop()).get_name())


async def main(label):
    names = [asyncio.current_task().get_name()]
    a = asyncio.create_task(noop(), name="named")
    g = asyncio.gather(noop(), noop())
    b = asyncio.create_task(noop())
    b.set_name("renamed")
    c = asyncio.create_task(noop())
    asyncio.get_running_loop().call_soon(in_callback, names)
    await asyncio.gather(a, b, c, g)
    names += [a.get_name(), b.get_name(), c.get_name()]
    print(label, names)


asyncio.run(main("first run:"))
