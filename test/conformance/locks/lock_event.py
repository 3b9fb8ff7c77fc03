# Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: LockTests and EventTests.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, outcome, run_tests  # noqa: E402


def extras(obj):
    """The `[...]` part of a primitive's repr (the rest names its address)."""
    text = repr(obj)
    return text[text.index("["):]


# test_locks.py::LockTests::test_repr
async def lock_repr():
    lock = asyncio.Lock()
    print(extras(lock), repr(lock).endswith("[unlocked]>"))
    await lock.acquire()
    print(extras(lock), repr(lock).endswith("[locked]>"))


# test_locks.py::LockTests::test_acquire
async def lock_acquire():
    lock = asyncio.Lock()
    result = []
    print(await lock.acquire())

    async def c1(result):
        if await lock.acquire():
            result.append(1)
        return True

    async def c2(result):
        if await lock.acquire():
            result.append(2)
        return True

    async def c3(result):
        if await lock.acquire():
            result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    await asyncio.sleep(0)
    print(result)
    lock.release()
    await asyncio.sleep(0)
    print(result)
    await asyncio.sleep(0)
    print(result)
    t3 = asyncio.create_task(c3(result))
    lock.release()
    await asyncio.sleep(0)
    print(result)
    lock.release()
    await asyncio.sleep(0)
    print(result)
    for t in (t1, t2, t3):
        print(t.done(), t.result())


# test_locks.py::LockTests::test_acquire_cancel
async def lock_acquire_cancel():
    lock = asyncio.Lock()
    print(await lock.acquire())
    task = asyncio.create_task(lock.acquire())
    asyncio.get_running_loop().call_soon(task.cancel)
    print(await aoutcome(task))
    print("waiters left:", len(lock._waiters))


# test_locks.py::LockTests::test_cancel_race
async def lock_cancel_race():
    # A holds the lock, B and C wait; B is cancelled while A releases: C gets it.
    lock = asyncio.Lock()

    async def lockit(name, blocker):
        await lock.acquire()
        try:
            if blocker is not None:
                await blocker
        finally:
            lock.release()

    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit("A", fa))
    await asyncio.sleep(0)
    print(lock.locked())
    tb = asyncio.create_task(lockit("B", None))
    await asyncio.sleep(0)
    print(len(lock._waiters))
    tc = asyncio.create_task(lockit("C", None))
    await asyncio.sleep(0)
    print(len(lock._waiters))
    fa.set_result(None)
    tb.cancel()
    print(lock._waiters[0].cancelled())
    await asyncio.sleep(0)
    print(lock.locked(), ta.done(), tb.cancelled())
    await tc
    print("C done", tc.done())


# test_locks.py::LockTests::test_cancel_release_race
async def lock_cancel_release_race():
    # Four acquirers, the second cancelled as the first releases: only one takes the lock.
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    lock_count = 0
    call_count = 0

    async def lockit():
        nonlocal lock_count, call_count
        call_count += 1
        await lock.acquire()
        lock_count += 1

    def trigger():
        t1.cancel()
        lock.release()

    await lock.acquire()
    t1 = asyncio.create_task(lockit())
    t2 = asyncio.create_task(lockit())
    t3 = asyncio.create_task(lockit())
    await asyncio.sleep(0)
    loop.call_soon(trigger)
    print(await aoutcome(t1))
    print(lock_count, call_count, t1.cancelled() and t2.done())
    t3.cancel()
    await asyncio.sleep(0)
    print(t3.cancelled())


# test_locks.py::LockTests::test_finished_waiter_cancelled
async def lock_finished_waiter_cancelled():
    lock = asyncio.Lock()
    await lock.acquire()
    print(lock.locked())
    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(len(lock._waiters))
    # A second waiter; wake the first and cancel it: the second must be woken.
    tc = asyncio.create_task(lock.acquire())
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)
    print(lock.locked(), tb.cancelled())
    print(await tc)


# test_locks.py::LockTests::test_release_not_acquired
async def lock_release_not_acquired():
    lock = asyncio.Lock()
    print(outcome(lock.release))


# test_locks.py::LockTests::test_release_no_waiters
async def lock_release_no_waiters():
    lock = asyncio.Lock()
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())


# test_locks.py::LockTests::test_context_manager
async def lock_context_manager():
    lock = asyncio.Lock()
    print(lock.locked())
    async with lock:
        print(lock.locked())
    print(lock.locked())


# test_locks.py::EventTests::test_repr
def event_repr():
    ev = asyncio.Event()
    print(extras(ev))
    ev.set()
    print(extras(ev))
    ev._waiters.append(object())
    print(extras(ev))


# test_locks.py::EventTests::test_wait
async def event_wait():
    ev = asyncio.Event()
    print(ev.is_set())
    result = []

    async def c1(result):
        if await ev.wait():
            result.append(1)

    async def c2(result):
        if await ev.wait():
            result.append(2)

    async def c3(result):
        if await ev.wait():
            result.append(3)

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    await asyncio.sleep(0)
    print(result)
    t3 = asyncio.create_task(c3(result))
    ev.set()
    await asyncio.sleep(0)
    print(result)
    for t in (t1, t2, t3):
        print(t.done(), t.result())


# test_locks.py::EventTests::test_wait_on_set
async def event_wait_on_set():
    ev = asyncio.Event()
    ev.set()
    print(await ev.wait())


# test_locks.py::EventTests::test_wait_cancel
async def event_wait_cancel():
    ev = asyncio.Event()
    wait = asyncio.create_task(ev.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    print(await aoutcome(wait))
    print("waiters left:", len(ev._waiters))


# test_locks.py::EventTests::test_clear
async def event_clear():
    ev = asyncio.Event()
    print(ev.is_set())
    ev.set()
    print(ev.is_set())
    ev.clear()
    print(ev.is_set())


# test_locks.py::EventTests::test_clear_with_waiters
async def event_clear_with_waiters():
    ev = asyncio.Event()
    result = []

    async def c1(result):
        if await ev.wait():
            result.append(1)
        return True

    t = asyncio.create_task(c1(result))
    await asyncio.sleep(0)
    print(result)
    ev.set()
    ev.clear()
    print(ev.is_set())
    ev.set()
    ev.set()
    print(len(ev._waiters))
    await asyncio.sleep(0)
    print(result, len(ev._waiters))
    print(t.done(), t.result())


run_tests(
    lock_repr,
    lock_acquire,
    lock_acquire_cancel,
    lock_cancel_race,
    lock_cancel_release_race,
    lock_finished_waiter_cancelled,
    lock_release_not_acquired,
    lock_release_no_waiters,
    lock_context_manager,
    event_repr,
    event_wait,
    event_wait_on_set,
    event_wait_cancel,
    event_clear,
    event_clear_with_waiters,
)
