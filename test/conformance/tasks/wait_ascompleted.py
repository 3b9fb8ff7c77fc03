# Ported from CPython 3.13's Lib/test/test_asyncio/test_tasks.py: wait(), as_completed()
# and sleep(). CPython's tests drive a test loop whose clock they move by hand
# (advance_time); here the virtual clock moves by itself, and the timings are the same.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, outcome, run_tests  # noqa: E402


def now():
    return f"{asyncio.get_running_loop().time():.2f}"


def names(tasks, labels):
    """A set of tasks as their sorted labels (sets have no order to compare)."""
    return sorted(labels[t] for t in tasks)


async def coroutine_function():
    pass


# test_tasks.py::BaseTaskTests::test_wait
async def wait():
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.15))
    labels = {a: "a", b: "b"}

    async def foo():
        done, pending = await asyncio.wait([b, a])
        print(names(done, labels), names(pending, labels))
        return 42

    print(await asyncio.create_task(foo()), now())
    # Again: no time passes.
    print(await asyncio.create_task(foo()), now())


# test_tasks.py::BaseTaskTests::test_wait_duplicate_coroutines
async def wait_duplicate_coroutines():
    async def coro(s):
        return s

    c = asyncio.create_task(coro("test"))
    done, pending = await asyncio.create_task(asyncio.wait([c, c, asyncio.create_task(coro("spam"))]))
    print(len(pending), sorted(f.result() for f in done))


# test_tasks.py::BaseTaskTests::test_wait_errors
async def wait_errors():
    print(await aoutcome(asyncio.wait(set())))
    sleep_coro = asyncio.sleep(10.0)
    print(await aoutcome(asyncio.wait([sleep_coro], return_when=-1)))
    sleep_coro.close()


# test_tasks.py::BaseTaskTests::test_wait_first_completed
async def wait_first_completed():
    a = asyncio.create_task(asyncio.sleep(10.0))
    b = asyncio.create_task(asyncio.sleep(0.1))
    labels = {a: "a", b: "b"}
    done, pending = await asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED))
    print(names(done, labels), names(pending, labels), a.done(), b.done(), b.result(), now())
    await asyncio.wait([a, b])


# test_tasks.py::BaseTaskTests::test_wait_really_done
async def wait_really_done():
    # Tasks in the pending list may be done with their callbacks not all called yet.
    async def coro1():
        await asyncio.sleep(0)

    async def coro2():
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    a = asyncio.create_task(coro1())
    b = asyncio.create_task(coro2())
    labels = {a: "a", b: "b"}
    done, pending = await asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED))
    print(names(done, labels), a.done(), a.result(), b.done(), b.result())


# test_tasks.py::BaseTaskTests::test_wait_first_exception
async def wait_first_exception():
    # A task already has its exception.
    a = asyncio.create_task(asyncio.sleep(10.0))

    async def exc():
        raise ZeroDivisionError("err")

    b = asyncio.create_task(exc())
    labels = {a: "a", b: "b"}
    done, pending = await asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION))
    print(names(done, labels), names(pending, labels), now())
    await asyncio.wait([a, b])


# test_tasks.py::BaseTaskTests::test_wait_first_exception_in_wait
async def wait_first_exception_in_wait():
    # The exception comes during the wait.
    a = asyncio.create_task(asyncio.sleep(10.0))

    async def exc():
        await asyncio.sleep(0.01)
        raise ZeroDivisionError("err")

    b = asyncio.create_task(exc())
    labels = {a: "a", b: "b"}
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION)
    print(names(done, labels), names(pending, labels), now())
    await asyncio.wait([a, b])


# test_tasks.py::BaseTaskTests::test_wait_with_exception
async def wait_with_exception():
    a = asyncio.create_task(asyncio.sleep(0.1))

    async def sleeper():
        await asyncio.sleep(0.15)
        raise ZeroDivisionError("really")

    b = asyncio.create_task(sleeper())

    async def foo():
        done, pending = await asyncio.wait([b, a])
        errors = [f for f in done if f.exception() is not None]
        print(len(done), len(pending), len(errors))

    await asyncio.create_task(foo())
    print(now())
    await asyncio.create_task(foo())
    print(now())


# test_tasks.py::BaseTaskTests::test_wait_with_timeout
async def wait_with_timeout():
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.15))
    labels = {a: "a", b: "b"}

    async def foo():
        done, pending = await asyncio.wait([b, a], timeout=0.11)
        print(names(done, labels), names(pending, labels))

    await asyncio.create_task(foo())
    print(now())
    await asyncio.wait([a, b])


# test_tasks.py::BaseTaskTests::test_wait_concurrent_complete
async def wait_concurrent_complete():
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.15))
    labels = {a: "a", b: "b"}
    done, pending = await asyncio.wait([b, a], timeout=0.1)
    print(names(done, labels), names(pending, labels), now())
    await asyncio.wait([a, b])


# test_tasks.py::BaseTaskTests::test_wait_with_iterator_of_tasks
async def wait_with_iterator_of_tasks():
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.15))
    labels = {a: "a", b: "b"}

    async def foo():
        done, pending = await asyncio.wait(iter([b, a]))
        print(names(done, labels), names(pending, labels))
        return 42

    print(await asyncio.create_task(foo()), now())


# test_tasks.py::BaseTaskTests::test_wait_generator
async def wait_generator():
    async def func(a):
        return a

    tasks = (asyncio.create_task(func(i)) for i in range(10))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(len(done), len(pending), sorted(t.result() for t in done))


async def sleeper(dt, x):
    await asyncio.sleep(dt)
    return x


# test_tasks.py::BaseTaskTests::test_as_completed
async def as_completed():
    async def try_iterator(awaitables):
        values = []
        for f in asyncio.as_completed(awaitables):
            values.append(await f)
        return values

    async def try_async_iterator(awaitables):
        values = []
        async for f in asyncio.as_completed(awaitables):
            values.append(await f)
        return values

    for foo in try_iterator, try_async_iterator:
        start = asyncio.get_running_loop().time()
        a = sleeper(0.01, "a")
        b = sleeper(0.01, "b")
        c = sleeper(0.15, "c")
        res = await asyncio.create_task(foo([b, c, a]))
        print(foo.__name__, sorted(res[:2]), res[2], f"{asyncio.get_running_loop().time() - start:.2f}")


# test_tasks.py::BaseTaskTests::test_as_completed_same_tasks_in_as_out
async def as_completed_same_tasks_in_as_out():
    # The async iterator yields the awaitables passed in when they are futures.
    async def try_async_iterator(awaitables):
        awaitables_out = set()
        async for out_aw in asyncio.as_completed(awaitables):
            awaitables_out.add(out_aw)
        return awaitables_out

    async def coro(i):
        return i

    # Coroutines are not given back (a finished coroutine cannot be reused).
    awaitables_in = frozenset((coro(0), coro(1), coro(2), coro(3)))
    awaitables_out = await try_async_iterator(awaitables_in)
    print(awaitables_in - awaitables_out == awaitables_in)
    # Tasks are.
    coro_obj_a = coro("a")
    task_b = asyncio.create_task(coro("b"))
    coro_obj_c = coro("c")
    task_d = asyncio.create_task(coro("d"))
    awaitables_in = frozenset((coro_obj_a, task_b, coro_obj_c, task_d))
    awaitables_out = await try_async_iterator(awaitables_in)
    print(awaitables_in & awaitables_out == {task_b, task_d}, len(awaitables_out))


# test_tasks.py::BaseTaskTests::test_as_completed_with_timeout
async def as_completed_with_timeout():
    async def try_iterator(a, b):
        values = []
        for f in asyncio.as_completed([a, b], timeout=0.12):
            try:
                v = await f
                values.append((1, v))
            except asyncio.TimeoutError as exc:
                values.append((2, type(exc).__name__))
        return values

    async def try_async_iterator(a, b):
        values = []
        try:
            async for f in asyncio.as_completed([a, b], timeout=0.12):
                v = await f
                values.append((1, v))
        except asyncio.TimeoutError as exc:
            values.append((2, type(exc).__name__))
        return values

    for foo in try_iterator, try_async_iterator:
        start = asyncio.get_running_loop().time()
        a = asyncio.create_task(asyncio.sleep(0.1, "a"))
        b = asyncio.create_task(asyncio.sleep(0.15, "b"))
        res = await asyncio.create_task(foo(a, b))
        print(foo.__name__, res, f"{asyncio.get_running_loop().time() - start:.2f}")
        await asyncio.wait([a, b])


# test_tasks.py::BaseTaskTests::test_as_completed_with_unused_timeout
async def as_completed_with_unused_timeout():
    async def try_iterator(a):
        for f in asyncio.as_completed([a], timeout=1):
            print(await f)

    async def try_async_iterator(a):
        async for f in asyncio.as_completed([a], timeout=1):
            print(await f)

    for foo in try_iterator, try_async_iterator:
        await asyncio.create_task(foo(asyncio.sleep(0.01, "a")))


# test_tasks.py::BaseTaskTests::test_as_completed_resume_iterator
async def as_completed_resume_iterator():
    # The iterator can be taken up again after a break.
    async def try_iterator(awaitables):
        iterations = 0
        iterator = asyncio.as_completed(awaitables)
        collected = []
        for f in iterator:
            collected.append(await f)
            iterations += 1
            if iterations == 2:
                break
        print(len(collected))
        for f in iterator:
            collected.append(await f)
        return collected

    async def try_async_iterator(awaitables):
        iterations = 0
        iterator = asyncio.as_completed(awaitables)
        collected = []
        async for f in iterator:
            collected.append(await f)
            iterations += 1
            if iterations == 2:
                break
        print(len(collected))
        async for f in iterator:
            collected.append(await f)
        return collected

    async def coro(i):
        return i

    for foo in try_iterator, try_async_iterator:
        results = await foo((coro(0), coro(1), coro(2), coro(3)))
        print(sorted(results))


# test_tasks.py::BaseTaskTests::test_as_completed_reverse_wait
async def as_completed_reverse_wait():
    # The first future awaited gets the first result, whatever its place in the list.
    a = asyncio.sleep(0.05, "a")
    b = asyncio.sleep(0.10, "b")
    fs = {a, b}
    futs = list(asyncio.as_completed(fs))
    print(len(futs))
    x = await futs[1]
    print(x, now())
    y = await futs[0]
    print(y, now())


# test_tasks.py::BaseTaskTests::test_as_completed_concurrent
async def as_completed_concurrent():
    # Several of as_completed's awaitables may be awaited at once.
    async def try_iterator(fs):
        return list(asyncio.as_completed(fs))

    async def try_async_iterator(fs):
        return [f async for f in asyncio.as_completed(fs)]

    for runner in try_iterator, try_async_iterator:
        a = asyncio.sleep(0.05, "a")
        b = asyncio.sleep(0.05, "b")
        fs = {a, b}
        futs = await runner(fs)
        done, pending = await asyncio.wait([asyncio.ensure_future(fut) for fut in futs])
        print(runner.__name__, len(futs), sorted(f.result() for f in done))


# test_tasks.py::BaseTaskTests::test_as_completed_duplicate_coroutines
async def as_completed_duplicate_coroutines():
    async def coro(s):
        return s

    async def try_iterator():
        result = []
        c = coro("ham")
        for f in asyncio.as_completed([c, c, coro("spam")]):
            result.append(await f)
        return result

    async def try_async_iterator():
        result = []
        c = coro("ham")
        async for f in asyncio.as_completed([c, c, coro("spam")]):
            result.append(await f)
        return result

    for runner in try_iterator, try_async_iterator:
        result = await asyncio.create_task(runner())
        print(runner.__name__, sorted(result))


# test_tasks.py::BaseTaskTests::test_as_completed_coroutine_use_running_loop
async def as_completed_coroutine_use_running_loop():
    async def coro():
        return 42

    futs = list(asyncio.as_completed([coro()]))
    print(len(futs), await futs[0])


# test_tasks.py::BaseTaskTests::test_as_completed_invalid_args
async def as_completed_invalid_args():
    # A future or a coroutine instead of an iterable: TypeError, at once or at the first step.
    fut = asyncio.get_running_loop().create_future()
    print(outcome(lambda: next(iter(asyncio.as_completed(fut)))))
    coro = coroutine_function()
    print(outcome(lambda: next(iter(asyncio.as_completed(coro)))))
    coro.close()

    async def try_async_iterator(aw):
        async for f in asyncio.as_completed(aw):
            break

    print(await aoutcome(try_async_iterator(fut)))
    coro = coroutine_function()
    print(await aoutcome(try_async_iterator(coro)))
    coro.close()


# test_tasks.py::BaseTaskTests::test_wait_invalid_args
async def wait_invalid_args():
    fut = asyncio.get_running_loop().create_future()
    # A list of futures, not a future.
    print(await aoutcome(asyncio.wait(fut)))
    coro = coroutine_function()
    print(await aoutcome(asyncio.wait(coro)))
    coro.close()
    # At least one future.
    print(await aoutcome(asyncio.wait([])))


# test_tasks.py::BaseTaskTests::test_sleep
async def sleep():
    async def sleeper(dt, arg):
        await asyncio.sleep(dt / 2)
        res = await asyncio.sleep(dt / 2, arg)
        return res

    t = asyncio.create_task(sleeper(0.1, "yeah"))
    await t
    print(t.done(), t.result(), now())


# test_tasks.py::BaseTaskTests::test_sleep_when_delay_is_nan
async def sleep_when_delay_is_nan():
    async def sleeper():
        await asyncio.sleep(float("nan"))

    print(await aoutcome(asyncio.create_task(sleeper())))


# test_tasks.py::BaseTaskTests::test_task_cancel_sleeping_task
async def task_cancel_sleeping_task():
    async def sleep(dt):
        await asyncio.sleep(dt)

    async def doit():
        sleeper = asyncio.create_task(sleep(5000))
        asyncio.get_running_loop().call_later(0.1, sleeper.cancel)
        try:
            await sleeper
        except asyncio.CancelledError:
            return "cancelled"
        else:
            return "slept in"

    print(await doit(), now())


# test_tasks.py::BaseTaskTests::test_task_cancel_waiter_future
async def task_cancel_waiter_future():
    fut = asyncio.get_running_loop().create_future()

    async def coro():
        await fut

    task = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(task._fut_waiter is fut)
    task.cancel()
    await asyncio.sleep(0)
    print(await aoutcome(task))
    print(task._fut_waiter, fut.cancelled())


# test_tasks.py::SleepTests::test_sleep_zero
async def sleep_zero():
    result = 0

    def inc_result(num):
        nonlocal result
        result += num

    asyncio.get_running_loop().call_soon(inc_result, 1)
    print(result)
    num = await asyncio.sleep(0, result=10)
    print(result)  # incremented by the callback
    inc_result(num)
    print(result)


run_tests(
    wait,
    wait_duplicate_coroutines,
    wait_errors,
    wait_first_completed,
    wait_really_done,
    wait_first_exception,
    wait_first_exception_in_wait,
    wait_with_exception,
    wait_with_timeout,
    wait_concurrent_complete,
    wait_with_iterator_of_tasks,
    wait_generator,
    as_completed,
    as_completed_same_tasks_in_as_out,
    as_completed_with_timeout,
    as_completed_with_unused_timeout,
    as_completed_resume_iterator,
    as_completed_reverse_wait,
    as_completed_concurrent,
    as_completed_duplicate_coroutines,
    as_completed_coroutine_use_running_loop,
    as_completed_invalid_args,
    wait_invalid_args,
    sleep,
    sleep_when_delay_is_nan,
    task_cancel_sleeping_task,
    task_cancel_waiter_future,
    sleep_zero,
)
