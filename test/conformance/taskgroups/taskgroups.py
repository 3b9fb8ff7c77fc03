# Ported from CPython 3.13's Lib/test/test_asyncio/test_taskgroups.py.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, outcome, run_tests  # noqa: E402

TaskGroup = asyncio.TaskGroup


class MyExc(Exception):
    pass


def error_types(eg):
    return sorted({type(exc).__name__ for exc in eg.exceptions})


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


# test_taskgroups.py::TestTaskGroup::test_taskgroup_01
async def taskgroup_01():
    async def foo1():
        await asyncio.sleep(0.1)
        return 42

    async def foo2():
        await asyncio.sleep(0.2)
        return 11

    async with TaskGroup() as g:
        t1 = g.create_task(foo1())
        t2 = g.create_task(foo2())
    print(t1.result(), t2.result(), asyncio.get_running_loop().time())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_02
async def taskgroup_02():
    async def foo1():
        await asyncio.sleep(0.1)
        return 42

    async def foo2():
        await asyncio.sleep(0.2)
        return 11

    async with TaskGroup() as g:
        t1 = g.create_task(foo1())
        await asyncio.sleep(0.15)
        t2 = g.create_task(foo2())
    print(t1.result(), t2.result())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_03
async def taskgroup_03():
    async def foo1():
        await asyncio.sleep(1)
        return 42

    async def foo2():
        await asyncio.sleep(0.2)
        return 11

    async with TaskGroup() as g:
        t1 = g.create_task(foo1())
        await asyncio.sleep(0.15)
        # Cancelling t1 explicitly: everything else goes on.
        t1.cancel()
        t2 = g.create_task(foo2())
    print(t1.cancelled(), t2.result())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_04
async def taskgroup_04():
    NUM = 0
    t2_cancel = False
    t2 = None

    async def foo1():
        await asyncio.sleep(0.1)
        1 / 0

    async def foo2():
        nonlocal NUM, t2_cancel
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            t2_cancel = True
            raise
        NUM += 1

    async def runner():
        nonlocal NUM, t2
        async with TaskGroup() as g:
            g.create_task(foo1())
            t2 = g.create_task(foo2())
        NUM += 10

    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as e:
        print(error_types(e), repr(e))
    print(NUM, t2_cancel, t2.cancelled())


# test_taskgroups.py::TestTaskGroup::test_cancel_children_on_child_error
async def cancel_children_on_child_error():
    NUM = 0
    t2_cancel = False
    runner_cancel = False

    async def foo1():
        await asyncio.sleep(0.1)
        1 / 0

    async def foo2():
        nonlocal NUM, t2_cancel
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            t2_cancel = True
            raise
        NUM += 1

    async def runner():
        nonlocal NUM, runner_cancel
        async with TaskGroup() as g:
            g.create_task(foo1())
            g.create_task(foo1())
            g.create_task(foo1())
            g.create_task(foo2())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                runner_cancel = True
                raise
        NUM += 10

    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as e:
        print(error_types(e), len(e.exceptions))
    print(NUM, t2_cancel, runner_cancel)


# test_taskgroups.py::TestTaskGroup::test_cancellation
async def cancellation():
    NUM = 0

    async def foo():
        nonlocal NUM
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            NUM += 1
            raise

    async def runner():
        async with TaskGroup() as g:
            for _ in range(5):
                g.create_task(foo())

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    print(await aoutcome(r), NUM)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_07
async def taskgroup_07():
    NUM = 0

    async def foo():
        nonlocal NUM
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            NUM += 1
            raise

    async def runner():
        nonlocal NUM
        async with TaskGroup() as g:
            for _ in range(5):
                g.create_task(foo())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                NUM += 10
                raise

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    print(await aoutcome(r), NUM)


async def crash_in_finally():
    try:
        await asyncio.sleep(10)
    finally:
        1 / 0


# test_taskgroups.py::TestTaskGroup::test_taskgroup_08
async def taskgroup_08():
    async def runner():
        async with TaskGroup() as g:
            for _ in range(5):
                g.create_task(crash_in_finally())
            await asyncio.sleep(10)

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), len(e.exceptions))


async def tg_with_failing_body(sleep_first):
    t1 = t2 = None

    async def foo1():
        await asyncio.sleep(1)
        return 42

    async def foo2():
        await asyncio.sleep(2)
        return 11

    async def runner():
        nonlocal t1, t2
        async with TaskGroup() as g:
            t1 = g.create_task(foo1())
            t2 = g.create_task(foo2())
            if sleep_first:
                await asyncio.sleep(0.1)
            1 / 0

    try:
        await runner()
    except ExceptionGroup as e:
        print(error_types(e))
    else:
        print("ExceptionGroup was not raised")
    print(t1.cancelled(), t2.cancelled())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_09
async def taskgroup_09():
    await tg_with_failing_body(True)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_10
async def taskgroup_10():
    await tg_with_failing_body(False)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_11
async def taskgroup_11():
    async def runner():
        async with TaskGroup():
            async with TaskGroup() as g2:
                for _ in range(5):
                    g2.create_task(crash_in_finally())
                await asyncio.sleep(10)

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), error_types(e.exceptions[0]))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_12
async def taskgroup_12():
    async def runner():
        async with TaskGroup() as g1:
            g1.create_task(asyncio.sleep(10))
            async with TaskGroup() as g2:
                for _ in range(5):
                    g2.create_task(crash_in_finally())
                await asyncio.sleep(10)

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), error_types(e.exceptions[0]))


async def crash_after(t):
    await asyncio.sleep(t)
    raise ValueError(t)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_13
async def taskgroup_13():
    async def runner():
        async with TaskGroup() as g1:
            g1.create_task(crash_after(0.1))
            async with TaskGroup() as g2:
                g2.create_task(crash_after(10))

    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), repr(e))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_14
async def taskgroup_14():
    async def runner():
        async with TaskGroup() as g1:
            g1.create_task(crash_after(10))
            async with TaskGroup() as g2:
                g2.create_task(crash_after(0.1))

    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), error_types(e.exceptions[0]), repr(e))


async def crash_soon():
    await asyncio.sleep(0.3)
    1 / 0


# test_taskgroups.py::TestTaskGroup::test_taskgroup_15
async def taskgroup_15():
    async def runner():
        async with TaskGroup() as g1:
            g1.create_task(crash_soon())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                await asyncio.sleep(0.5)
                raise

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), asyncio.get_running_loop().time())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_16
async def taskgroup_16():
    async def nested_runner():
        async with TaskGroup() as g1:
            g1.create_task(crash_soon())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                await asyncio.sleep(0.5)
                raise

    async def runner():
        t = asyncio.create_task(nested_runner())
        await t

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), asyncio.get_running_loop().time())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_17
async def taskgroup_17():
    NUM = 0

    async def runner():
        nonlocal NUM
        async with TaskGroup():
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                NUM += 10
                raise

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    print(await aoutcome(r), NUM)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_18
async def taskgroup_18():
    NUM = 0

    async def runner():
        nonlocal NUM
        async with TaskGroup():
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                NUM += 10
                # Not a good idea, but supported.
                raise MyExc

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print(r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e))
    print(NUM)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_19
async def taskgroup_19():
    async def crash_soon():
        await asyncio.sleep(0.1)
        1 / 0

    async def nested():
        try:
            await asyncio.sleep(10)
        finally:
            raise MyExc

    async def runner():
        async with TaskGroup() as g:
            g.create_task(crash_soon())
            await nested()

    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as e:
        print(error_types(e), repr(e))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_20
async def taskgroup_20():
    async def crash_soon():
        await asyncio.sleep(0.1)
        1 / 0

    async def nested():
        try:
            await asyncio.sleep(10)
        finally:
            raise KeyboardInterrupt

    async def runner():
        async with TaskGroup() as g:
            g.create_task(crash_soon())
            await nested()

    print(await aoutcome(runner()))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_22
async def taskgroup_22():
    async def foo1():
        await asyncio.sleep(1)
        return 42

    async def foo2():
        await asyncio.sleep(2)
        return 11

    async def runner():
        async with TaskGroup() as g:
            g.create_task(foo1())
            g.create_task(foo2())

    r = asyncio.create_task(runner())
    await asyncio.sleep(0.05)
    r.cancel()
    print(await aoutcome(r))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_23
async def taskgroup_23():
    async def do_job(delay):
        await asyncio.sleep(delay)

    async with TaskGroup() as g:
        for count in range(10):
            await asyncio.sleep(0.1)
            g.create_task(do_job(0.3))
            if count == 5:
                print(len(g._tasks))
        await asyncio.sleep(1.35)
        print(len(g._tasks))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_24
async def taskgroup_24():
    async def root(g):
        await asyncio.sleep(0.1)
        g.create_task(coro1(0.1))
        g.create_task(coro1(0.2))

    async def coro1(delay):
        await asyncio.sleep(delay)

    async def runner():
        async with TaskGroup() as g:
            g.create_task(root(g))

    await runner()
    print("done at", asyncio.get_running_loop().time())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_25
async def taskgroup_25():
    nhydras = 0

    async def hydra(g):
        nonlocal nhydras
        nhydras += 1
        await asyncio.sleep(0.01)
        g.create_task(hydra(g))
        g.create_task(hydra(g))

    async def hercules():
        while nhydras < 10:
            await asyncio.sleep(0.015)
        1 / 0

    async def runner():
        async with TaskGroup() as g:
            g.create_task(hydra(g))
            g.create_task(hercules())

    try:
        await runner()
    except ExceptionGroup as e:
        print(error_types(e))
    print(nhydras)


# test_taskgroups.py::TestTaskGroup::test_taskgroup_task_name
async def taskgroup_task_name():
    async def coro():
        await asyncio.sleep(0)

    async with TaskGroup() as g:
        t = g.create_task(coro(), name="yolo")
        print(t.get_name())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_no_create_task_after_failure
async def taskgroup_no_create_task_after_failure():
    async def coro1():
        await asyncio.sleep(0.001)
        1 / 0

    async def coro2(g):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            c = coro1()
            print(outcome(g.create_task, c).replace(repr(g), "<tg>"))

    try:
        async with TaskGroup() as g:
            g.create_task(coro1())
            g.create_task(coro2(g))
    except ExceptionGroup as e:
        print(error_types(e))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_context_manager_exit_raises
async def taskgroup_context_manager_exit_raises():
    class CustomException(Exception):
        pass

    async def raise_exc():
        raise CustomException

    async def main():
        task = asyncio.current_task()
        try:
            async with TaskGroup() as tg:
                try:
                    tg.create_task(raise_exc())
                    await asyncio.sleep(1)
                finally:
                    # (The test's async context manager raises in its finally.)
                    raise CustomException
        except* CustomException as err:
            print(task.cancelling(), len(err.exceptions))
        else:
            print("CustomException not raised")

    await asyncio.create_task(main())


# test_taskgroups.py::TestTaskGroup::test_taskgroup_finished
async def taskgroup_finished():
    tg = TaskGroup()
    async with tg:
        pass
    coro = asyncio.sleep(0)
    print(outcome(tg.create_task, coro).replace(repr(tg), "<tg>"))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_not_entered
async def taskgroup_not_entered():
    tg = TaskGroup()
    coro = asyncio.sleep(0)
    print(outcome(tg.create_task, coro).replace(repr(tg), "<tg>"))


# test_taskgroups.py::TestTaskGroup::test_taskgroup_without_parent_task
async def taskgroup_without_parent_task():
    async def enter_outside_a_task():
        async with TaskGroup():
            pass

    print(await aoutcome(await_without_task(enter_outside_a_task())))


# test_taskgroups.py::TestTaskGroup::test_coro_closed_when_tg_closed
def coro_closed_when_tg_closed():
    async def run_coro_after_tg_closes():
        async with TaskGroup() as tg:
            pass
        coro = asyncio.sleep(0)
        print(outcome(tg.create_task, coro).replace(repr(tg), "<tg>"))

    asyncio.run(run_coro_after_tg_closes())


# test_taskgroups.py::TestTaskGroup::test_cancelling_level_preserved
async def cancelling_level_preserved():
    async def raise_after(t, e):
        await asyncio.sleep(t)
        raise e()

    try:
        async with TaskGroup() as tg:
            tg.create_task(raise_after(0.0, RuntimeError))
    except* RuntimeError:
        print("caught RuntimeError")
    print(asyncio.current_task().cancelling())


# test_taskgroups.py::TestTaskGroup::test_nested_groups_both_cancelled
async def nested_groups_both_cancelled():
    async def raise_after(t, e):
        await asyncio.sleep(t)
        raise e()

    try:
        async with TaskGroup() as outer_tg:
            try:
                async with TaskGroup() as inner_tg:
                    inner_tg.create_task(raise_after(0, RuntimeError))
                    outer_tg.create_task(raise_after(0, ValueError))
            except* RuntimeError:
                print("inner: RuntimeError")
            else:
                print("RuntimeError not raised")
            print(asyncio.current_task().cancelling())
    except* ValueError:
        print("outer: ValueError")
    else:
        print("ValueError not raised")
    print(asyncio.current_task().cancelling())


# test_taskgroups.py::TestTaskGroup::test_error_and_cancel
async def error_and_cancel():
    event = asyncio.Event()

    async def raise_error():
        event.set()
        await asyncio.sleep(0)
        raise RuntimeError()

    async def inner():
        try:
            async with TaskGroup() as tg:
                tg.create_task(raise_error())
                await asyncio.sleep(1)
                print("Sleep in group should have been cancelled")
        except* RuntimeError:
            print("in except*:", asyncio.current_task().cancelling())
        print("after:", asyncio.current_task().cancelling())
        await asyncio.sleep(1)
        print("Sleep after group should have been cancelled")

    async def outer():
        t = asyncio.create_task(inner())
        await event.wait()
        print(t.cancelling())
        t.cancel()
        print(t.cancelling())
        print(await aoutcome(t), t.cancelled())

    await outer()


run_tests(
    taskgroup_01,
    taskgroup_02,
    taskgroup_03,
    taskgroup_04,
    cancel_children_on_child_error,
    cancellation,
    taskgroup_07,
    taskgroup_08,
    taskgroup_09,
    taskgroup_10,
    taskgroup_11,
    taskgroup_12,
    taskgroup_13,
    taskgroup_14,
    taskgroup_15,
    taskgroup_16,
    taskgroup_17,
    taskgroup_18,
    taskgroup_19,
    taskgroup_20,
    taskgroup_22,
    taskgroup_23,
    taskgroup_24,
    taskgroup_25,
    taskgroup_task_name,
    taskgroup_no_create_task_after_failure,
    taskgroup_context_manager_exit_raises,
    taskgroup_finished,
    taskgroup_not_entered,
    taskgroup_without_parent_task,
    coro_closed_when_tg_closed,
    cancelling_level_preserved,
    nested_groups_both_cancelled,
    error_and_cancel,
)
