# Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: ConditionTests.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, norm, outcome, run_tests  # noqa: E402


def extras(obj):
    text = repr(obj)
    return text[text.index("["):]


async def three_waiters(cond, result, release_after):
    async def waiter(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
            if release_after:
                cond.release()
        return True

    return [asyncio.create_task(waiter(n)) for n in (1, 2, 3)]


# test_locks.py::ConditionTests::test_wait
async def wait():
    cond = asyncio.Condition()
    result = []
    t1, t2, t3 = await three_waiters(cond, result, False)
    await asyncio.sleep(0)
    print(result, cond.locked())
    print(await cond.acquire())
    cond.notify()
    await asyncio.sleep(0)
    print(result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print(result, cond.locked())
    cond.notify(2)
    await asyncio.sleep(0)
    print(result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print(result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print(result, cond.locked())
    for t in (t1, t2, t3):
        print(t.done(), t.result())


# test_locks.py::ConditionTests::test_wait_cancel
async def wait_cancel():
    cond = asyncio.Condition()
    await cond.acquire()
    wait = asyncio.create_task(cond.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    print(await aoutcome(wait))
    print(len(cond._waiters), cond.locked())


# test_locks.py::ConditionTests::test_wait_cancel_contested
async def wait_cancel_contested():
    cond = asyncio.Condition()
    await cond.acquire()
    print(cond.locked())
    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print(cond.locked())
    # Notify, but contest the lock before cancelling.
    await cond.acquire()
    print(cond.locked())
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)
    print(await aoutcome(wait_task))
    print(cond.locked())


# test_locks.py::ConditionTests::test_wait_cancel_after_notify
async def wait_cancel_after_notify():
    waited = False
    cond = asyncio.Condition()

    async def wait_on_cond():
        nonlocal waited
        async with cond:
            waited = True
            await cond.wait()

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    cond.release()
    await asyncio.sleep(0)
    print(waiter.cancelled(), waited)


# test_locks.py::ConditionTests::test_wait_unacquired
async def wait_unacquired():
    cond = asyncio.Condition()
    print(await aoutcome(cond.wait()))


# test_locks.py::ConditionTests::test_wait_for
async def wait_for():
    cond = asyncio.Condition()
    presult = False

    def predicate():
        return presult

    result = []

    async def c1(result):
        await cond.acquire()
        if await cond.wait_for(predicate):
            result.append(1)
            cond.release()
        return True

    t = asyncio.create_task(c1(result))
    await asyncio.sleep(0)
    print(result)
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print(result)
    presult = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print(result, t.done(), t.result())


# test_locks.py::ConditionTests::test_wait_for_unacquired
async def wait_for_unacquired():
    cond = asyncio.Condition()
    # The predicate may be true at once (an unacquired lock does not matter then).
    print(await cond.wait_for(lambda: [1, 2, 3]))
    print(await aoutcome(cond.wait_for(lambda: False)))
    # Python's truth: an empty list is false.
    print(await aoutcome(cond.wait_for(lambda: [])))


# test_locks.py::ConditionTests::test_notify
async def notify():
    cond = asyncio.Condition()
    result = []
    t1, t2, t3 = await three_waiters(cond, result, True)
    await asyncio.sleep(0)
    print(result)
    await cond.acquire()
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    print(result)
    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    print(result)
    for t in (t1, t2, t3):
        print(t.done(), t.result())


# test_locks.py::ConditionTests::test_notify_all
async def notify_all():
    cond = asyncio.Condition()
    result = []

    async def waiter(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
            cond.release()
        return True

    t1 = asyncio.create_task(waiter(1))
    t2 = asyncio.create_task(waiter(2))
    await asyncio.sleep(0)
    print(result)
    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.sleep(0)
    print(result)
    for t in (t1, t2):
        print(t.done(), t.result())


# test_locks.py::ConditionTests::test_notify_unacquired
def notify_unacquired():
    cond = asyncio.Condition()
    print(outcome(cond.notify))


# test_locks.py::ConditionTests::test_notify_all_unacquired
def notify_all_unacquired():
    cond = asyncio.Condition()
    print(outcome(cond.notify_all))


# test_locks.py::ConditionTests::test_repr
async def condition_repr():
    cond = asyncio.Condition()
    print(extras(cond))
    await cond.acquire()
    print(extras(cond))
    cond._waiters.append(object())
    print(extras(cond))
    cond._waiters.append(object())
    print(extras(cond))


# test_locks.py::ConditionTests::test_context_manager
async def context_manager():
    cond = asyncio.Condition()
    print(cond.locked())
    async with cond:
        print(cond.locked())
    print(cond.locked())


# test_locks.py::ConditionTests::test_explicit_lock
async def explicit_lock():
    async def f(lock=None, cond=None):
        if lock is None:
            lock = asyncio.Lock()
        if cond is None:
            cond = asyncio.Condition(lock)
        print(cond._lock is lock, lock.locked(), cond.locked())
        async with cond:
            print(lock.locked(), cond.locked())
        print(lock.locked(), cond.locked())
        async with lock:
            print(lock.locked(), cond.locked())
        print(lock.locked(), cond.locked())

    await f()
    await f(asyncio.Lock())
    lock = asyncio.Lock()
    await f(lock, asyncio.Condition(lock))


# test_locks.py::ConditionTests::test_ambiguous_loops
async def ambiguous_loops():
    # (The test also checks that `loop=` is refused: JavaScript has no keyword arguments.)
    loop = asyncio.new_event_loop()

    async def wrong_loop_in_lock():
        lock = asyncio.Lock()
        lock._loop = loop
        async with lock:
            # Acquired at once by the fast path, without the loop; waiting finds the mismatch.
            cond = asyncio.Condition(lock)
            print(norm(await aoutcome(cond.acquire())))

    async def wrong_loop_in_cond():
        lock = asyncio.Lock()
        async with lock:
            cond = asyncio.Condition(lock)
            cond._loop = loop
            print(norm(await aoutcome(cond.wait())))
            print(lock.locked())

    await wrong_loop_in_lock()
    await wrong_loop_in_cond()
    loop.close()


# test_locks.py::ConditionTests::test_timeout_in_block
async def timeout_in_block():
    condition = asyncio.Condition()
    async with condition:
        print(await aoutcome(asyncio.wait_for(condition.wait(), timeout=0.5)))
        print(condition.locked())


# test_locks.py::ConditionTests::test_cancelled_error_wakeup
async def cancelled_error_wakeup():
    # A CancelledError received while waiting for the wake-up is re-raised unchanged.
    wake = False
    raised = None
    cond = asyncio.Condition()

    async def func():
        nonlocal raised
        async with cond:
            try:
                await cond.wait_for(lambda: wake)
            except asyncio.CancelledError as err:
                raised = err
            raise raised

    task = asyncio.create_task(func())
    await asyncio.sleep(0)
    task.cancel(msg="foo")
    try:
        await task
    except asyncio.CancelledError as err:
        print(err.args, err is raised)


# test_locks.py::ConditionTests::test_cancelled_error_re_aquire
async def cancelled_error_re_aquire():
    # A CancelledError received while taking the lock again is re-raised unchanged.
    wake = False
    raised = None
    cond = asyncio.Condition()

    async def func():
        nonlocal raised
        async with cond:
            try:
                await cond.wait_for(lambda: wake)
            except asyncio.CancelledError as err:
                raised = err
            raise raised

    task = asyncio.create_task(func())
    await asyncio.sleep(0)
    await cond.acquire()
    wake = True
    cond.notify()
    await asyncio.sleep(0)
    task.cancel(msg="foo")
    cond.release()
    try:
        await task
    except asyncio.CancelledError as err:
        print(err.args, err is raised)


async def consumers_race(relock):
    # A task cancelled as it is notified must not lose the wake-up.
    condition = asyncio.Condition()
    state = 0

    async def consumer():
        nonlocal state
        async with condition:
            while True:
                await condition.wait_for(lambda: state != 0)
                if state < 0:
                    return
                state -= 1

    c = [asyncio.create_task(consumer()) for _ in range(2)]
    await asyncio.sleep(0)
    async with condition:
        state += 1
        condition.notify(1)
        if relock:
            # Let the woken task settle on taking the lock again, then cancel it there.
            await asyncio.sleep(0)
        c[0].cancel()
        try:
            async with asyncio.timeout(0.01):
                await condition.wait_for(lambda: state == 0)
        except TimeoutError:
            pass
        print("state", state)
        state = -1
        condition.notify_all()
    await c[1]
    print(c[0].cancelled(), c[1].done())


# test_locks.py::ConditionTests::test_cancelled_wakeup
async def cancelled_wakeup():
    await consumers_race(False)


# test_locks.py::ConditionTests::test_cancelled_wakeup_relock
async def cancelled_wakeup_relock():
    await consumers_race(True)


run_tests(
    wait,
    wait_cancel,
    wait_cancel_contested,
    wait_cancel_after_notify,
    wait_unacquired,
    wait_for,
    wait_for_unacquired,
    notify,
    notify_all,
    notify_unacquired,
    notify_all_unacquired,
    condition_repr,
    context_manager,
    explicit_lock,
    ambiguous_loops,
    timeout_in_block,
    cancelled_error_wakeup,
    cancelled_error_re_aquire,
    cancelled_wakeup,
    cancelled_wakeup_relock,
)
