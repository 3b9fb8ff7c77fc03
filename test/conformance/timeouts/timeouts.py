# Ported from CPython 3.13's Lib/test/test_asyncio/test_timeouts.py.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, outcome, run_tests  # noqa: E402


def kind(e):
    return None if e is None else type(e).__name__


def chain(e):
    """What the tests assert of an exception: its type, its __cause__ and its __context__."""
    return f"{kind(e)} cause={kind(e.__cause__)} context={kind(e.__context__)}"


async def await_without_task(coro):
    exc = None

    def func():
        try:
            for _ in coro.__await__():
                pass
        except BaseException as err:
            nonlocal exc
            exc = err

    asyncio.get_running_loop().call_soon(func)
    await asyncio.sleep(0)
    if exc is not None:
        raise exc


# test_timeouts.py::TimeoutTests::test_timeout_basic
async def timeout_basic():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("TimeoutError")
    print(cm.expired())


# test_timeouts.py::TimeoutTests::test_timeout_at_basic
async def timeout_at_basic():
    loop = asyncio.get_running_loop()
    try:
        deadline = loop.time() + 0.01
        async with asyncio.timeout_at(deadline) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("TimeoutError")
    print(cm.expired(), deadline == cm.when())


# test_timeouts.py::TimeoutTests::test_nested_timeouts
async def nested_timeouts():
    loop = asyncio.get_running_loop()
    cancelled = False
    try:
        deadline = loop.time() + 0.01
        async with asyncio.timeout_at(deadline) as cm1:
            # Only the outermost raises TimeoutError.
            try:
                async with asyncio.timeout_at(deadline) as cm2:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                cancelled = True
                raise
    except TimeoutError:
        print("TimeoutError")
    print(cancelled, cm1.expired(), cm2.expired())


# test_timeouts.py::TimeoutTests::test_waiter_cancelled
async def waiter_cancelled():
    cancelled = False
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                cancelled = True
                raise
    except TimeoutError:
        print("TimeoutError")
    print(cancelled)


# test_timeouts.py::TimeoutTests::test_timeout_not_called
async def timeout_not_called():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0.01)
    t1 = loop.time()
    print(cm.expired(), cm.when() > t1, f"{cm.when():.2f}")


# test_timeouts.py::TimeoutTests::test_timeout_disabled
async def timeout_disabled():
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print(cm.expired(), cm.when())


# test_timeouts.py::TimeoutTests::test_timeout_at_disabled
async def timeout_at_disabled():
    async with asyncio.timeout_at(None) as cm:
        await asyncio.sleep(0.01)
    print(cm.expired(), cm.when())


async def zero_or_past(delay, sleep):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(delay) as cm:
            await asyncio.sleep(sleep)
    except TimeoutError:
        print("TimeoutError")
    t1 = loop.time()
    print(cm.expired(), t0 <= cm.when() <= t1, t0 >= cm.when() <= t1, f"{t1 - t0:.2f}")


# test_timeouts.py::TimeoutTests::test_timeout_zero
async def timeout_zero():
    await zero_or_past(0, 10)


# test_timeouts.py::TimeoutTests::test_timeout_zero_sleep_zero
async def timeout_zero_sleep_zero():
    await zero_or_past(0, 0)


# test_timeouts.py::TimeoutTests::test_timeout_in_the_past_sleep_zero
async def timeout_in_the_past_sleep_zero():
    await zero_or_past(-11, 0)


# test_timeouts.py::TimeoutTests::test_foreign_exception_passed
async def foreign_exception_passed():
    try:
        async with asyncio.timeout(0.01) as cm:
            raise KeyError
    except KeyError as e:
        print(repr(e))
    print(cm.expired())


# test_timeouts.py::TimeoutTests::test_timeout_exception_context
async def timeout_exception_context():
    try:
        async with asyncio.timeout(0.01):
            try:
                1 / 0
            finally:
                await asyncio.sleep(1)
    except TimeoutError as e:
        # TimeoutError caused by the CancelledError raised while handling ZeroDivisionError.
        print(chain(e), e.__context__ is e.__cause__)
        print(chain(e.__cause__))


# test_timeouts.py::TimeoutTests::test_foreign_exception_on_timeout
async def foreign_exception_on_timeout():
    async def crash():
        try:
            await asyncio.sleep(1)
        finally:
            1 / 0

    try:
        async with asyncio.timeout(0.01):
            await crash()
    except ZeroDivisionError as e:
        # ZeroDivisionError raised while handling TimeoutError caused by CancelledError.
        print(chain(e))
        if e.__context__ is not None:
            print(chain(e.__context__), e.__context__.__context__ is e.__context__.__cause__)


# test_timeouts.py::TimeoutTests::test_foreign_exception_on_timeout_2
async def foreign_exception_on_timeout_2():
    try:
        async with asyncio.timeout(0.01):
            try:
                try:
                    raise ValueError
                finally:
                    await asyncio.sleep(1)
            finally:
                try:
                    raise KeyError
                finally:
                    1 / 0
    except ZeroDivisionError as e:
        print(chain(e))
        e2 = e.__context__
        if e2 is not None:
            print(chain(e2))
            e3 = e2.__context__
            print(chain(e3), e3.__context__ is e3.__cause__)
            print(chain(e3.__cause__))


# test_timeouts.py::TimeoutTests::test_foreign_cancel_doesnt_timeout_if_not_expired
async def foreign_cancel_doesnt_timeout_if_not_expired():
    try:
        async with asyncio.timeout(10) as cm:
            asyncio.current_task().cancel()
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("CancelledError")
    print(cm.expired())


# test_timeouts.py::TimeoutTests::test_outer_task_is_not_cancelled
async def outer_task_is_not_cancelled():
    async def outer() -> None:
        try:
            async with asyncio.timeout(0.001):
                await asyncio.sleep(10)
        except TimeoutError:
            print("TimeoutError")

    task = asyncio.create_task(outer())
    await task
    print(task.cancelled(), task.done())


# test_timeouts.py::TimeoutTests::test_reschedule
async def reschedule():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    deadline1 = loop.time() + 10
    deadline2 = deadline1 + 20

    async def f():
        async with asyncio.timeout_at(deadline1) as cm:
            fut.set_result(cm)
            await asyncio.sleep(50)

    task = asyncio.create_task(f())
    cm = await fut
    print(cm.when() == deadline1)
    cm.reschedule(deadline2)
    print(cm.when() == deadline2)
    cm.reschedule(None)
    print(cm.when())
    task.cancel()
    print(await aoutcome(task), cm.expired())


# test_timeouts.py::TimeoutTests::test_repr_active
async def repr_active():
    async with asyncio.timeout(10) as cm:
        print(repr(cm))


# test_timeouts.py::TimeoutTests::test_repr_expired
async def repr_expired():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print(repr(cm))


# test_timeouts.py::TimeoutTests::test_repr_finished
async def repr_finished():
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0)
    print(repr(cm))


# test_timeouts.py::TimeoutTests::test_repr_disabled
async def repr_disabled():
    async with asyncio.timeout(None) as cm:
        print(repr(cm))


# test_timeouts.py::TimeoutTests::test_nested_timeout_in_finally
async def nested_timeout_in_finally():
    e2 = None
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            finally:
                try:
                    async with asyncio.timeout(0.01):
                        await asyncio.sleep(10)
                except TimeoutError as e:
                    e2 = e
    except TimeoutError as e1:
        # TimeoutError caused by CancelledError.
        print(chain(e1), e1.__context__ is e1.__cause__)
        e12 = e1.__cause__
        print(chain(e12))
        # The inner one: caused by a CancelledError raised while handling the outer CancelledError.
        print(chain(e2), e2.__context__ is e2.__cause__)
        e22 = e2.__cause__
        print(chain(e22), e22.__context__ is e12)


# test_timeouts.py::TimeoutTests::test_timeout_after_cancellation
async def timeout_after_cancellation():
    try:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)  # work which will be cancelled
    except asyncio.CancelledError:
        print("cancelled")
    finally:
        try:
            async with asyncio.timeout(0.0):
                await asyncio.sleep(1)  # some cleanup
        except TimeoutError:
            print("TimeoutError")


# test_timeouts.py::TimeoutTests::test_cancel_in_timeout_after_cancellation
async def cancel_in_timeout_after_cancellation():
    try:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)  # work which will be cancelled
    except asyncio.CancelledError:
        print("cancelled")
    finally:
        try:
            async with asyncio.timeout(1.0):
                asyncio.current_task().cancel()
                await asyncio.sleep(2)  # some cleanup
        except asyncio.CancelledError:
            print("CancelledError")


# test_timeouts.py::TimeoutTests::test_timeout_finished
async def timeout_finished():
    async with asyncio.timeout(0.01) as cm:
        pass
    print(outcome(cm.reschedule, 0.02))


# test_timeouts.py::TimeoutTests::test_timeout_expired
async def timeout_expired():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError")
    print(outcome(cm.reschedule, 0.02))


# test_timeouts.py::TimeoutTests::test_timeout_expiring
async def timeout_expiring():
    async with asyncio.timeout(0.01) as cm:
        print(await aoutcome(asyncio.sleep(1)))
        print(outcome(cm.reschedule, 0.02))


# test_timeouts.py::TimeoutTests::test_timeout_not_entered
async def timeout_not_entered():
    cm = asyncio.timeout(0.01)
    print(outcome(cm.reschedule, 0.02))


# test_timeouts.py::TimeoutTests::test_timeout_without_task
async def timeout_without_task():
    # (The test then checks the same cm has not been entered; here the block makes its own.)
    async def enter_outside_a_task():
        async with asyncio.timeout(0.01):
            pass

    print(await aoutcome(await_without_task(enter_outside_a_task())))


# test_timeouts.py::TimeoutTests::test_timeout_taskgroup
async def timeout_taskgroup():
    async def task():
        try:
            await asyncio.sleep(2)  # interrupted after 0.01 s
        finally:
            1 / 0  # crash in cleanup

    try:
        async with asyncio.timeout(0.01):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(task())
                try:
                    raise ValueError
                finally:
                    await asyncio.sleep(1)
    except ExceptionGroup as eg:
        # ExceptionGroup raised while handling TimeoutError caused by CancelledError
        # raised while handling ValueError.
        print(chain(eg), len(eg.exceptions))
        e_1 = eg.__context__
        if e_1 is not None:
            print(chain(e_1), e_1.__context__ is e_1.__cause__)
            print(chain(e_1.__cause__))
        e1 = eg.exceptions[0]
        # ZeroDivisionError raised while handling TimeoutError caused by another CancelledError.
        print(chain(e1))
        e2 = e1.__context__
        if e2 is not None:
            print(chain(e2), e2.__context__ is e2.__cause__)
            print(chain(e2.__cause__))


run_tests(
    timeout_basic,
    timeout_at_basic,
    nested_timeouts,
    waiter_cancelled,
    timeout_not_called,
    timeout_disabled,
    timeout_at_disabled,
    timeout_zero,
    timeout_zero_sleep_zero,
    timeout_in_the_past_sleep_zero,
    foreign_exception_passed,
    timeout_exception_context,
    foreign_exception_on_timeout,
    foreign_exception_on_timeout_2,
    foreign_cancel_doesnt_timeout_if_not_expired,
    outer_task_is_not_cancelled,
    reschedule,
    repr_active,
    repr_expired,
    repr_finished,
    repr_disabled,
    nested_timeout_in_finally,
    timeout_after_cancellation,
    cancel_in_timeout_after_cancellation,
    timeout_finished,
    timeout_expired,
    timeout_expiring,
    timeout_not_entered,
    timeout_without_task,
    timeout_taskgroup,
)
