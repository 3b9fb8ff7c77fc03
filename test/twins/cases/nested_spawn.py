# Tasks creating tasks creating tasks: each generation starts one loop
# iteration after its parent's step, breadth first, and results flow back up.
import asyncio


async def node(name, depth):
    print("start", name)
    if depth == 0:
        await asyncio.sleep(0)
        print("leaf", name, "done")
        return 1
    kids = [asyncio.create_task(node(name + k, depth - 1)) for k in "ab"]
    print(name, "spawned", len(kids))
    total = 1
    for k in kids:
        total += await k
    print(name, "total", total)
    return total


async def main():
    root = asyncio.create_task(node("r", 2))
    print("main spawned root")
    print("tree size", await root)


asyncio.run(main())
