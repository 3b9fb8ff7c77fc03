# Ported from CPython 3.13's Lib/test/test_asyncio/test_waitfor.py.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, run_tests  # noqa: E402

# A timeout that passes "timeout > 0" but hardly counts.
_EPSILON = 0.0001
LONG_TIMEOUT = 5 * 60


class SlowTask:
    """Runs for TASK_TIMEOUT seconds of loop time, ignoring cancel requests
    (the test reads time.monotonic(); on a virtual clock, loop time is the time)."""

    TASK_TIMEOUT = 0.2

    def __init__(self):
        self.exited = False

    async def run(self):
        loop = asyncio.get_running_loop()
        exitat = loop.time() + self.TASK_TIMEOUT
        while True:
            tosleep = exitat - loop.time()
            if tosleep <= 0:
                break
            try:
                await asyncio.sleep(tosleep)
            except asyncio.CancelledError:
                pass
        self.exited = True


# test_waitfor.py::AsyncioWaitForTest::test_asyncio_wait_for_cancelled
async def asyncio_wait_for_cancelled():
    t = SlowTask()
    waitfortask = asyncio.create_task(asyncio.wait_for(t.run(), t.TASK_TIMEOUT * 2))
    await asyncio.sleep(0)
    waitfortask.cancel()
    await asyncio.wait({waitfortask})
    print(t.exited, waitfortask.cancelled(), f"{asyncio.get_running_loop().time():.2f}")


# test_waitfor.py::AsyncioWaitForTest::test_asyncio_wait_for_timeout
async def asyncio_wait_for_timeout():
    t = SlowTask()
    try:
        await asyncio.wait_for(t.run(), t.TASK_TIMEOUT / 2)
    except asyncio.TimeoutError:
        print("TimeoutError")
    print(t.exited, f"{asyncio.get_running_loop().time():.2f}")


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_timeout_less_then_0_or_0_future_done
async def wait_for_timeout_less_then_0_or_0_future_done():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("done")
    ret = await asyncio.wait_for(fut, 0)
    print(ret, fut.done())


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
async def wait_for_timeout_less_then_0_or_0_coroutine_do_not_started():
    foo_started = False

    async def foo():
        nonlocal foo_started
        foo_started = True

    print(await aoutcome(asyncio.wait_for(foo(), 0)), foo_started)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_timeout_less_then_0_or_0
async def wait_for_timeout_less_then_0_or_0():
    loop = asyncio.get_running_loop()
    for timeout in [0, -1]:
        foo_running = None
        started = loop.create_future()

        async def foo():
            nonlocal foo_running
            foo_running = True
            started.set_result(None)
            try:
                await asyncio.sleep(10)
            finally:
                foo_running = False
            return "done"

        fut = asyncio.create_task(foo())
        await started
        print(timeout, await aoutcome(asyncio.wait_for(fut, timeout)))
        # Cancelled by the timeout.
        print(fut.done(), fut.cancelled(), foo_running)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for
async def wait_for():
    foo_running = None

    async def foo():
        nonlocal foo_running
        foo_running = True
        try:
            await asyncio.sleep(LONG_TIMEOUT)
        finally:
            foo_running = False
        return "done"

    fut = asyncio.create_task(foo())
    print(await aoutcome(asyncio.wait_for(fut, 0.1)))
    print(fut.done(), fut.cancelled(), foo_running, f"{asyncio.get_running_loop().time():.2f}")


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_blocking
async def wait_for_blocking():
    async def coro():
        return "done"

    print(await asyncio.wait_for(coro(), timeout=None))


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_race_condition
async def wait_for_race_condition():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.wait_for(fut, timeout=0.2)
    loop.call_soon(fut.set_result, "ok")
    print(await task)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_cancellation_race_condition
async def wait_for_cancellation_race_condition():
    async def inner():
        print(await aoutcome(asyncio.sleep(1)))
        return 1

    print(await asyncio.wait_for(inner(), timeout=0.01))


async def waits_for_task_cancellation(timeout):
    task_done = False

    async def inner():
        nonlocal task_done
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await asyncio.sleep(_EPSILON)
            raise
        finally:
            task_done = True

    async def foo():
        inner_task = asyncio.create_task(inner())
        if timeout == 0:
            await asyncio.sleep(_EPSILON)
        await asyncio.wait_for(inner_task, timeout=timeout)

    try:
        await foo()
    except asyncio.TimeoutError as e:
        chained = e.__context__
        print("TimeoutError, context:", None if chained is None else type(chained).__name__)
    print(task_done)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_waits_for_task_cancellation
async def wait_for_waits_for_task_cancellation():
    await waits_for_task_cancellation(_EPSILON)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_waits_for_task_cancellation_w_timeout_0
async def wait_for_waits_for_task_cancellation_w_timeout_0():
    await waits_for_task_cancellation(0)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_reraises_exception_during_cancellation
async def wait_for_reraises_exception_during_cancellation():
    class FooException(Exception):
        pass

    async def foo():
        async def inner():
            try:
                await asyncio.sleep(0.2)
            finally:
                raise FooException

        inner_task = asyncio.create_task(inner())
        await asyncio.wait_for(inner_task, timeout=_EPSILON)

    print(await aoutcome(foo()))


async def cancel_wait_for(timeout):
    loop = asyncio.get_running_loop()

    async def blocking_coroutine():
        fut = loop.create_future()
        await fut  # never set

    task = asyncio.create_task(blocking_coroutine())
    wait = asyncio.create_task(asyncio.wait_for(task, timeout))
    loop.call_soon(wait.cancel)
    print(await aoutcome(wait))
    # Cancelling the wait cancels the task too (bpo-23219).
    print(task.cancelled())


# test_waitfor.py::AsyncioWaitForTest::test_cancel_blocking_wait_for
async def cancel_blocking_wait_for():
    await cancel_wait_for(None)


# test_waitfor.py::AsyncioWaitForTest::test_cancel_wait_for
async def cancel_wait_for_60():
    await cancel_wait_for(60.0)


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_cancel_suppressed
async def wait_for_cancel_suppressed():
    async def return_42():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 42

    print(await asyncio.wait_for(return_42(), timeout=0.1))


# test_waitfor.py::AsyncioWaitForTest::test_wait_for_issue86296
async def wait_for_issue86296():
    # inner completes in one cycle, before the task awaiting it is cancelled.
    async def inner():
        return "done"

    inner_task = asyncio.create_task(inner())
    reached_end = False

    async def wait_for_coro():
        await asyncio.wait_for(inner_task, timeout=100)
        await asyncio.sleep(1)
        nonlocal reached_end
        reached_end = True

    task = asyncio.create_task(wait_for_coro())
    print(task.done())
    await asyncio.sleep(0)
    task.cancel()
    print(await aoutcome(task))
    print(inner_task.done(), await inner_task, reached_end)


# test_waitfor.py::WaitForShieldTests::test_zero_timeout
async def zero_timeout():
    async def coro():
        await asyncio.sleep(0.01)
        return "done"

    task = asyncio.create_task(coro())
    shielded_task = asyncio.shield(task)
    print(await aoutcome(asyncio.wait_for(shielded_task, timeout=0)))
    # The task runs on in the background.
    print(task.done(), task.cancelled(), shielded_task.cancelled())
    await asyncio.sleep(0.1)
    print(task.done())


# test_waitfor.py::WaitForShieldTests::test_none_timeout
async def none_timeout():
    async def coro():
        await asyncio.sleep(0.1)
        return "done"

    task = asyncio.create_task(coro())
    await asyncio.wait_for(asyncio.shield(task), timeout=None)
    print(task.done(), await task)


# test_waitfor.py::WaitForShieldTests::test_shielded_timeout
async def shielded_timeout():
    async def coro():
        await asyncio.sleep(0.1)
        return "done"

    task = asyncio.create_task(coro())
    print(await aoutcome(asyncio.wait_for(asyncio.shield(task), timeout=0.01)))
    print(task.done(), task.cancelled(), await task)


run_tests(
    asyncio_wait_for_cancelled,
    asyncio_wait_for_timeout,
    wait_for_timeout_less_then_0_or_0_future_done,
    wait_for_timeout_less_then_0_or_0_coroutine_do_not_started,
    wait_for_timeout_less_then_0_or_0,
    wait_for,
    wait_for_blocking,
    wait_for_race_condition,
    wait_for_cancellation_race_condition,
    wait_for_waits_for_task_cancellation,
    wait_for_waits_for_task_cancellation_w_timeout_0,
    wait_for_reraises_exception_during_cancellation,
    cancel_blocking_wait_for,
    cancel_wait_for_60,
    wait_for_cancel_suppressed,
    wait_for_issue86296,
    zero_timeout,
    none_timeout,
    shielded_timeout,
)
