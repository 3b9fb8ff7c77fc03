# requires: 3.13
# 3.13: uncancel() bringing the count to 0 withdraws a cancel that was not yet
# delivered, so a task cancelled and uncancelled before it starts runs normally;
# one cancelled twice and uncancelled once stays cancelled; a cancel already
# handed to the awaited future cannot be withdrawn.
import asyncio


async def body(name):
    try:
        print(name, "body runs")
        await asyncio.sleep(0.1)
        print(name, "body done")
        return name
    except asyncio.CancelledError:
        print(name, "got CancelledError, cancelling", asyncio.current_task().cancelling())
        raise


async def outcome(t):
    try:
        print(t.get_name(), "->", await t)
    except asyncio.CancelledError:
        print(t.get_name(), "-> cancelled")


async def main():
    a = asyncio.create_task(body("a"), name="a")
    a.cancel()
    print("a uncancel ->", a.uncancel())
    b = asyncio.create_task(body("b"), name="b")
    b.cancel()
    b.cancel()
    print("b uncancel ->", b.uncancel())
    c = asyncio.create_task(body("c"), name="c")
    await asyncio.sleep(0.05)
    c.cancel()
    print("c uncancel ->", c.uncancel())
    for t in (a, b, c):
        await outcome(t)


asyncio.run(main())
