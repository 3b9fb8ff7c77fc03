# Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: SemaphoreTests.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, outcome, run_tests  # noqa: E402


def extras(obj):
    text = repr(obj)
    return text[text.index("["):]


# test_locks.py::SemaphoreTests::test_initial_value_zero
def initial_value_zero():
    sem = asyncio.Semaphore(0)
    print(sem.locked())


# test_locks.py::SemaphoreTests::test_repr
async def semaphore_repr():
    sem = asyncio.Semaphore()
    print(extras(sem))
    await sem.acquire()
    print(extras(sem))
    if sem._waiters is None:
        sem._waiters = []
    sem._waiters.append(asyncio.get_running_loop().create_future())
    print(extras(sem))
    sem._waiters.append(asyncio.get_running_loop().create_future())
    print(extras(sem))
    print(extras(asyncio.BoundedSemaphore(3)), repr(asyncio.BoundedSemaphore(3)).startswith("<asyncio.locks.BoundedSemaphore"))


# test_locks.py::SemaphoreTests::test_semaphore
async def semaphore():
    # (The test also checks that `await sem` is a TypeError: JavaScript awaits any value.)
    sem = asyncio.Semaphore()
    print(sem._value, sem.locked())


# test_locks.py::SemaphoreTests::test_semaphore_value
def semaphore_value():
    print(outcome(asyncio.Semaphore, -1))
    print(outcome(asyncio.BoundedSemaphore, -1))


# test_locks.py::SemaphoreTests::test_acquire
async def acquire():
    sem = asyncio.Semaphore(3)
    result = []
    print(await sem.acquire(), await sem.acquire(), sem.locked())

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    print(result, sem.locked(), len(sem._waiters), sem._value)
    t4 = asyncio.create_task(c(4))
    sem.release()
    sem.release()
    print(sem._value)
    await asyncio.sleep(0)
    print(sem._value, len(result), sem.locked(), len(sem._waiters), sem._value)
    print(t1.done(), t1.result())
    race_tasks = [t2, t3, t4]
    print([t.done() and t.result() for t in race_tasks])
    sem.release()
    await asyncio.gather(*race_tasks)
    print(result)


# test_locks.py::SemaphoreTests::test_acquire_cancel
async def acquire_cancel():
    sem = asyncio.Semaphore()
    await sem.acquire()
    acquire = asyncio.create_task(sem.acquire())
    asyncio.get_running_loop().call_soon(acquire.cancel)
    print(await aoutcome(acquire))
    print((not sem._waiters) or all(waiter.done() for waiter in sem._waiters))


# test_locks.py::SemaphoreTests::test_acquire_cancel_before_awoken
async def acquire_cancel_before_awoken():
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    t3 = asyncio.create_task(sem.acquire())
    t4 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    t2.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(sum(t.done() for t in [t3, t4]), t3.done(), t4.done())
    t3.cancel()
    t4.cancel()
    await asyncio.sleep(0)


# test_locks.py::SemaphoreTests::test_acquire_hang
async def acquire_hang():
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(sem.locked(), t2.done())


# test_locks.py::SemaphoreTests::test_acquire_no_hang
async def acquire_no_hang():
    sem = asyncio.Semaphore(1)
    reached = []

    async def c1():
        async with sem:
            await asyncio.sleep(0)
        t2.cancel()

    async def c2():
        async with sem:
            reached.append("c2")

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    r1, r2 = await asyncio.gather(t1, t2, return_exceptions=True)
    print(r1 is None, isinstance(r2, asyncio.CancelledError), reached)
    print(await asyncio.wait_for(sem.acquire(), timeout=1.0))


# test_locks.py::SemaphoreTests::test_release_not_acquired
def release_not_acquired():
    sem = asyncio.BoundedSemaphore()
    print(outcome(sem.release))


# test_locks.py::SemaphoreTests::test_release_no_waiters
async def release_no_waiters():
    sem = asyncio.Semaphore()
    await sem.acquire()
    print(sem.locked())
    sem.release()
    print(sem.locked())


# test_locks.py::SemaphoreTests::test_acquire_fifo_order
async def acquire_fifo_order():
    sem = asyncio.Semaphore(1)
    result = []

    async def coro(tag):
        await sem.acquire()
        result.append(f"{tag}_1")
        await asyncio.sleep(0.01)
        sem.release()
        await sem.acquire()
        result.append(f"{tag}_2")
        await asyncio.sleep(0.01)
        sem.release()

    async with asyncio.TaskGroup() as tg:
        tg.create_task(coro("c1"))
        tg.create_task(coro("c2"))
        tg.create_task(coro("c3"))
    print(result)


# test_locks.py::SemaphoreTests::test_acquire_fifo_order_2
async def acquire_fifo_order_2():
    sem = asyncio.Semaphore(1)
    result = []

    async def c1(result):
        await sem.acquire()
        result.append(1)
        return True

    async def c2(result):
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
        return True

    async def c3(result):
        await sem.acquire()
        result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.gather(t1, t2, t3)
    print(result)


# test_locks.py::SemaphoreTests::test_acquire_fifo_order_3
async def acquire_fifo_order_3():
    sem = asyncio.Semaphore(0)
    result = []

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.gather(t1, t2, t3, return_exceptions=True)
    print(result)


# test_locks.py::SemaphoreTests::test_acquire_fifo_order_4
async def acquire_fifo_order_4():
    # A successful acquire() wakes every task the FIFO rule held back.
    sem = asyncio.Semaphore(0)
    result = []
    t4 = None

    async def c1(result):
        print("c1 starts, value", sem._value)
        await sem.acquire()
        print("c1 acquired, value", sem._value)
        nonlocal t4
        t4 = asyncio.create_task(c4(result))
        result.append(1)
        return True

    async def c2(result):
        sem.release()
        sem.release()
        sem.release()
        print("c2 released three, value", sem._value, "locked", sem.locked())
        await sem.acquire()
        result.append(2)
        return True

    async def c3(result):
        await sem.acquire()
        print("c3 acquired, locked", sem.locked())
        result.append(3)
        return True

    async def c4(result):
        result.append(4)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))
    await asyncio.sleep(0)
    print(sem._value, len(sem._waiters))
    await asyncio.sleep(0)
    await asyncio.gather(t1, t2, t3, t4)
    print(result)


run_tests(
    initial_value_zero,
    semaphore_repr,
    semaphore,
    semaphore_value,
    acquire,
    acquire_cancel,
    acquire_cancel_before_awoken,
    acquire_hang,
    acquire_no_hang,
    release_not_acquired,
    release_no_waiters,
    acquire_fifo_order,
    acquire_fifo_order_2,
    acquire_fifo_order_3,
    acquire_fifo_order_4,
)
