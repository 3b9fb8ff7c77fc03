# The divergences of issue 16, items 1-6: each program part failed on the
# runtime before its fix (item 7, print order in a user file, is print-order.test.ts).
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, norm, outcome, run_tests  # noqa: E402


async def inner():
    return "inner"


async def worker():
    await asyncio.sleep(0.1)
    return "worker done"


# Item 1: asyncio.run() and Runner.run() inside a running loop raise RuntimeError
# at once; the outer loop keeps running (its other task, its clock, its callbacks).
async def item1_run_inside_a_running_loop():
    loop = asyncio.get_running_loop()
    other = asyncio.create_task(worker())
    coro = inner()
    print("asyncio.run:", outcome(asyncio.run, coro))
    coro.close()
    runner = asyncio.Runner()
    coro = inner()
    print("Runner.run:", outcome(runner.run, coro))
    coro.close()
    runner.close()

    def from_callback():
        c = inner()
        print("from a callback:", outcome(asyncio.run, c))
        c.close()

    loop.call_soon(from_callback)
    await asyncio.sleep(0)
    print("other task:", await other)
    print("same loop:", asyncio.get_running_loop() is loop, "time:", loop.time())
    used = asyncio.Runner()
    used.get_loop()
    print("close() of a runner with a loop:", outcome(used.close))
    print("then:", outcome(used.get_loop))


def item1_run_after_a_run():
    # Outside any loop both work, one after the other, each on a fresh loop.
    print(asyncio.run(inner()))
    with asyncio.Runner() as runner:
        print(runner.run(inner()), runner.run(worker()))


# Item 2: not a coroutine -> ValueError('a coroutine was expected, got ...').
def item2_not_a_coroutine():
    print(outcome(asyncio.run, 1))
    print(outcome(asyncio.run, "main"))
    with asyncio.Runner() as runner:
        print(outcome(runner.run, 123))
        print(outcome(runner.run, None))


# test_tasks.py::BaseTaskTests::test_task_set_methods
# Item 3: a Task's outcome cannot be set from outside: RuntimeError.
async def item3_task_set_methods():
    task = asyncio.create_task(inner())
    print(outcome(task.set_result, "ok"))
    print(outcome(task.set_exception, ValueError("no")))
    print("task still ends with its own result:", await task)


# Item 4: a task with a pending cancellation shows as `cancelling` (3.13).
async def item4_repr_cancelling():
    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
            await asyncio.sleep(10)

    t = asyncio.create_task(sleeper(), name="sleeper")
    print(norm(repr(t)))
    await asyncio.sleep(0)
    print(norm(repr(t)))
    t.cancel()
    print(norm(repr(t)))
    await asyncio.sleep(0)
    print(norm(repr(t)), t.cancelling())
    t.cancel("again")
    print(norm(repr(t)))
    print(await aoutcome(t))
    print(norm(repr(t)))
    done = asyncio.create_task(inner(), name="done")
    done.cancel()
    print(norm(repr(done)))
    await asyncio.sleep(0)
    print(norm(repr(done)))


# Item 5: the repr of timeout() shows its state and deadline.
async def item5_timeout_repr():
    loop = asyncio.get_running_loop()
    print(repr(asyncio.Timeout(1.5)))
    async with asyncio.timeout(1.5) as cm:
        print(repr(cm))
        cm.reschedule(loop.time() + 2.0004)
        print(repr(cm))
        cm.reschedule(None)
        print(repr(cm))
    print(repr(cm))
    try:
        async with asyncio.timeout(0.25) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print(repr(cm))
    async with asyncio.timeout_at(loop.time() + 1 / 3) as cm:
        print(repr(cm))
    async with asyncio.timeout(None) as cm:
        print(repr(cm))


# Item 6: messages name Python's types, never JavaScript's classes.
async def item6_messages_name_python_types():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(inner())
    coro = inner()
    print(await aoutcome(asyncio.wait(coro)))
    print(await aoutcome(asyncio.wait(fut)))
    print(await aoutcome(asyncio.wait(task)))
    print(await aoutcome(asyncio.wait(asyncio.gather())))
    print(outcome(asyncio.as_completed, fut))
    print(outcome(asyncio.as_completed, coro))
    coro.close()
    print(await aoutcome(asyncio.sleep("1")))
    print(await aoutcome(asyncio.sleep(None)))
    print(await aoutcome(asyncio.wait_for(1, 1)))
    print(await aoutcome(asyncio.wait_for(1, 0)))
    print(outcome(asyncio.gather, 1))
    print(outcome(asyncio.shield, "x"))
    print(outcome(asyncio.ensure_future, 1))
    print(outcome(asyncio.create_task, 1))
    print(await aoutcome(asyncio.sleep(True, "slept a second")), f"{loop.time():.1f}")
    fut.cancel()
    await task


run_tests(
    item1_run_inside_a_running_loop,
    item1_run_after_a_run,
    item2_not_a_coroutine,
    item3_task_set_methods,
    item4_repr_cancelling,
    item5_timeout_repr,
    item6_messages_name_python_types,
)
