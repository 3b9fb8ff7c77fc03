# A ticker prints once per loop iteration (sleep(0)) beside a gather whose
# children finish at different iterations: iteration-exact ordering.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def child(name, hops):
    for _ in range(hops):
        await asyncio.sleep(0)
    print("child", name, "done")
    return name


async def main():
    t = asyncio.create_task(ticker(8))
    print(await asyncio.gather(child("a", 2), child("b", 0), child("c", 1)))
    await t
    print("main done")


asyncio.run(main())
