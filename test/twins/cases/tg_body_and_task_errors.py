# A TaskGroup whose body raises while tasks run: tasks are cancelled, and the
# body's error is grouped with errors tasks raise while cancelled; if a task
# fails first, the body is cancelled at its await and the group raises both.
import asyncio


async def stubborn_fail(name, delay):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(delay)
        raise KeyError(name)


async def quick_fail():
    await asyncio.sleep(0.1)
    raise ValueError("task failed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(stubborn_fail("t1", 0.2))
            tg.create_task(stubborn_fail("t2", 0.1))
            await asyncio.sleep(0.1)
            raise ZeroDivisionError("body failed")
    except ExceptionGroup as eg:
        print("first:", eg, [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quick_fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled by the failing task")
                raise RuntimeError("body cleanup failed")
    except ExceptionGroup as eg:
        print("second:", eg, [repr(e) for e in eg.exceptions])


asyncio.run(main())
