# Nested TaskGroups: an inner group's ExceptionGroup is a child error of the
# outer group, which aborts its other tasks and nests the groups.
import asyncio


async def fail(delay, msg):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def wait_long(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(0.1, "deep"))
        tg.create_task(wait_long("inner sibling"))


def show(eg, indent=""):
    print(indent + repr(str(eg)))
    for e in eg.exceptions:
        if isinstance(e, ExceptionGroup):
            show(e, indent + "  ")
        else:
            print(indent + "  " + repr(e))


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(wait_long("outer sibling"))
            async with asyncio.TaskGroup() as body_group:
                body_group.create_task(fail(0.2, "body level"))
                await asyncio.sleep(1)
    except ExceptionGroup as eg:
        show(eg)


asyncio.run(main())
