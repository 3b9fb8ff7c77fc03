# A TaskGroup child may add tasks to the group after the body has finished:
# the group waits for those too; once the group has exited, create_task fails.
import asyncio


async def late(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")


async def spawner(tg):
    await asyncio.sleep(0.1)
    print("spawner adds a late task")
    tg.create_task(late("late child", 0.5))


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg))
        print("body done")
    print(f"group exited at {loop.time():.1f}")
    c = late("too late", 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("create_task after exit:", repr(e))
    c.close()


asyncio.run(main())
