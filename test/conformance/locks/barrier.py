# Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: BarrierTests.
# `async with barrier as i:` is `i = await barrier.wait()` (its __aexit__ does nothing).
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import outcome, run_tests  # noqa: E402

N = 5


def extras(obj):
    text = repr(obj)
    return text[text.index("["):]


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


def state(barrier):
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken, extras(barrier))


# test_locks.py::BarrierTests::test_barrier
async def barrier():
    # (The test also checks that `await barrier` is a TypeError: JavaScript awaits any value.)
    b = asyncio.Barrier(N)
    print(extras(b))


# test_locks.py::BarrierTests::test_repr
async def barrier_repr():
    b = asyncio.Barrier(N)
    print(extras(b))
    waiters = []

    async def wait(b):
        await b.wait()

    incr = 2
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(b)))
    await asyncio.sleep(0)
    print(extras(b))
    for i in range(b.parties - b.n_waiting):
        waiters.append(asyncio.create_task(wait(b)))
    await asyncio.sleep(0)
    print(extras(b))
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(b)))
    await asyncio.sleep(0)
    await b.reset()
    print(extras(b))
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(b)))
    await asyncio.sleep(0)
    await b.abort()
    print(extras(b), b.broken)
    results = await asyncio.gather(*waiters, return_exceptions=True)
    print([type(r).__name__ for r in results])


# test_locks.py::BarrierTests::test_barrier_parties
async def barrier_parties():
    print(outcome(asyncio.Barrier, 0))
    print(outcome(asyncio.Barrier, -4))
    print(isinstance(asyncio.Barrier(N), asyncio.Barrier), asyncio.Barrier(N).parties)


# test_locks.py::BarrierTests::test_context_manager
async def context_manager():
    b = asyncio.Barrier(3)
    results = []

    async def coro():
        async with b as i:
            results.append(i)

    await gather_tasks(3, coro)
    print(results)
    state(b)


# test_locks.py::BarrierTests::test_filling_one_task
async def filling_one_task():
    b = asyncio.Barrier(1)

    async def f():
        async with b as i:
            return True

    print(await f())
    state(b)


# test_locks.py::BarrierTests::test_filling_one_task_twice
async def filling_one_task_twice():
    b = asyncio.Barrier(1)
    t1 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(b.n_waiting)
    t2 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(t1.result(), t2.result(), t1.done(), t2.done())
    state(b)


# test_locks.py::BarrierTests::test_filling_task_by_task
async def filling_task_by_task():
    b = asyncio.Barrier(3)
    t1 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(b.n_waiting, extras(b))
    t2 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(b.n_waiting, extras(b))
    t3 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    await asyncio.wait([t1, t2, t3])
    print([t.result() for t in (t1, t2, t3)])
    state(b)


# test_locks.py::BarrierTests::test_filling_tasks_wait_twice
async def filling_tasks_wait_twice():
    b = asyncio.Barrier(N)
    results = []

    async def coro():
        await b.wait()
        results.append(True)
        await b.wait()
        results.append(False)

    await gather_tasks(N, coro)
    print(results)
    state(b)


# test_locks.py::BarrierTests::test_filling_tasks_check_return_value
async def filling_tasks_check_return_value():
    b = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro():
        await b.wait()
        results1.append(True)
        i = await b.wait()
        results2.append(True)
        return i

    res, _ = await gather_tasks(N, coro)
    print(results1, results2, res)
    state(b)


# test_locks.py::BarrierTests::test_draining_state
async def draining_state():
    b = asyncio.Barrier(N)
    results = []

    async def coro():
        await b.wait()
        # The state is back to filling once the last task has left.
        results.append("draining" in repr(b))

    await gather_tasks(N, coro)
    print(results)
    state(b)


# test_locks.py::BarrierTests::test_blocking_tasks_while_draining
async def blocking_tasks_while_draining():
    rewait = 2
    b = asyncio.Barrier(N)
    b_nowaiting = asyncio.Barrier(N - rewait)
    rewait_n = rewait
    order = []

    async def coro(k):
        nonlocal rewait_n
        await b.wait()
        if rewait_n > 0:
            rewait_n -= 1
            order.append(f"{k} waits again")
            await b.wait()
        else:
            order.append(f"{k} waits for the others")
            await b_nowaiting.wait()
            await b.wait()
        order.append(f"{k} out")

    await asyncio.gather(*[asyncio.create_task(coro(k)) for k in range(N)])
    print(order)
    state(b)


# test_locks.py::BarrierTests::test_filling_tasks_cancel_one
async def filling_tasks_cancel_one():
    b = asyncio.Barrier(3)
    results = []

    async def coro():
        await b.wait()
        results.append(True)

    t1 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(b.n_waiting)
    t2 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(b.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print(b.n_waiting)
    try:
        await t1
    except asyncio.CancelledError:
        print("t1 cancelled", t1.cancelled())
    t3 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print(b.n_waiting)
    t4 = asyncio.create_task(coro())
    await asyncio.gather(t2, t3, t4)
    print(results)
    state(b)


# test_locks.py::BarrierTests::test_reset_barrier
async def reset_barrier():
    b = asyncio.Barrier(1)
    asyncio.create_task(b.reset())
    await asyncio.sleep(0)
    state(b)


# test_locks.py::BarrierTests::test_reset_barrier_while_tasks_waiting
async def reset_barrier_while_tasks_waiting():
    b = asyncio.Barrier(N)
    results = []

    async def coro():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            results.append(repr(e))

    async def coro_reset():
        await b.reset()

    tasks = make_tasks(N - 1, coro)
    await asyncio.sleep(0)
    asyncio.create_task(coro_reset())
    await asyncio.gather(*tasks)
    print(results)
    state(b)


# test_locks.py::BarrierTests::test_reset_barrier_when_tasks_half_draining
async def reset_barrier_when_tasks_half_draining():
    b = asyncio.Barrier(N)
    results1 = []
    rest_of_tasks = N // 2

    async def coro():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        else:
            if rest_of_tasks == b._count:
                await b.reset()

    await gather_tasks(N, coro)
    print(results1)
    state(b)


# test_locks.py::BarrierTests::test_reset_barrier_when_tasks_half_draining_half_blocking
async def reset_barrier_when_tasks_half_draining_half_blocking():
    b = asyncio.Barrier(N)
    results1 = []
    results2 = []
    blocking_tasks = N // 2
    count = 0

    async def coro():
        nonlocal count
        try:
            await b.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
            await b.wait()
        else:
            count += 1
            if count > blocking_tasks:
                await b.reset()
                await b.wait()
            else:
                try:
                    await b.wait()
                except asyncio.BrokenBarrierError:
                    results2.append(True)

    await gather_tasks(N, coro)
    print(results1, results2)
    state(b)


# test_locks.py::BarrierTests::test_reset_barrier_while_tasks_waiting_and_waiting_again
async def reset_barrier_while_tasks_waiting_and_waiting_again():
    b = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro1():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        finally:
            await b.wait()
            results2.append(True)

    async def coro2():
        await b.wait()
        results2.append(True)

    tasks = make_tasks(N - 1, coro1)
    asyncio.create_task(b.reset())
    await asyncio.sleep(0)
    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    print(results1, results2)
    state(b)


# test_locks.py::BarrierTests::test_reset_barrier_while_tasks_draining
async def reset_barrier_while_tasks_draining():
    b = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []
    count = 0

    async def coro():
        nonlocal count
        await b.wait()
        count += 1
        if count == N:
            await b.reset()
            await b.wait()
        else:
            try:
                await b.wait()
                results1.append(True)
            except Exception as e:
                results2.append(repr(e))
        await b.wait()
        results3.append(True)

    await gather_tasks(N, coro)
    print(results1, results2, results3)
    state(b)


# test_locks.py::BarrierTests::test_abort_barrier
async def abort_barrier():
    b = asyncio.Barrier(1)
    asyncio.create_task(b.abort())
    await asyncio.sleep(0)
    state(b)


# test_locks.py::BarrierTests::test_abort_barrier_when_tasks_half_draining_half_blocking
async def abort_barrier_when_tasks_half_draining_half_blocking():
    b = asyncio.Barrier(N)
    results1 = []
    results2 = []
    blocking_tasks = N // 2
    count = 0

    async def coro():
        nonlocal count
        try:
            await b.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        else:
            count += 1
            if count > blocking_tasks:
                await b.abort()
            else:
                try:
                    await b.wait()
                except asyncio.BrokenBarrierError as e:
                    results2.append(repr(e))

    await gather_tasks(N, coro)
    print(results1, results2)
    state(b)


# test_locks.py::BarrierTests::test_abort_barrier_when_exception
async def abort_barrier_when_exception():
    b = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro():
        try:
            i = await b.wait()
            if i == N // 2:
                raise RuntimeError
            await b.wait()
            results1.append(True)
        except asyncio.BrokenBarrierError as e:
            results2.append(repr(e))
        except RuntimeError:
            await b.abort()

    await gather_tasks(N, coro)
    print(results1, results2)
    state(b)


# test_locks.py::BarrierTests::test_abort_barrier_when_exception_then_resetting
async def abort_barrier_when_exception_then_resetting():
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []

    async def coro():
        try:
            i = await barrier1.wait()
            if i == N // 2:
                raise RuntimeError
            await barrier1.wait()
            results1.append(True)
        except asyncio.BrokenBarrierError:
            results2.append(True)
        except RuntimeError:
            await barrier1.abort()
        i = await barrier2.wait()
        if i == N // 2:
            await barrier1.reset()
        await barrier2.wait()
        await barrier1.wait()
        results3.append(True)

    await gather_tasks(N, coro)
    print(results1, results2, results3)
    state(barrier1)


run_tests(
    barrier,
    barrier_repr,
    barrier_parties,
    context_manager,
    filling_one_task,
    filling_one_task_twice,
    filling_task_by_task,
    filling_tasks_wait_twice,
    filling_tasks_check_return_value,
    draining_state,
    blocking_tasks_while_draining,
    filling_tasks_cancel_one,
    reset_barrier,
    reset_barrier_while_tasks_waiting,
    reset_barrier_when_tasks_half_draining,
    reset_barrier_when_tasks_half_draining_half_blocking,
    reset_barrier_while_tasks_waiting_and_waiting_again,
    reset_barrier_while_tasks_draining,
    abort_barrier,
    abort_barrier_when_tasks_half_draining_half_blocking,
    abort_barrier_when_exception,
    abort_barrier_when_exception_then_resetting,
)
