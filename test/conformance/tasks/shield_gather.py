# Ported from CPython 3.13's Lib/test/test_asyncio/test_tasks.py: shield(), gather(),
# cancellation through awaits, current_task() and create_task().
import asyncio
import gc
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, outcome, run_tests  # noqa: E402


def new_future():
    return asyncio.get_running_loop().create_future()


async def run_briefly():
    """test_utils.run_briefly: let the loop run what is ready."""
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def run_loop():
    """GatherTestsBase._run_loop: run until nothing is ready (a few iterations here)."""
    for _ in range(5):
        await asyncio.sleep(0)


async def coroutine_function():
    pass


# test_tasks.py::BaseTaskTests::test_yield_future_passes_cancel
async def yield_future_passes_cancel():
    # Cancelling outer() cancels inner(), which cancels the waiter.
    proof = 0
    waiter = new_future()

    async def inner():
        nonlocal proof
        try:
            await waiter
        except asyncio.CancelledError:
            proof += 1
            raise
        else:
            print("got past sleep() in inner()")

    async def outer():
        nonlocal proof
        try:
            await inner()
        except asyncio.CancelledError:
            proof += 100  # expected
        else:
            proof += 10

    f = asyncio.ensure_future(outer())
    await run_briefly()
    f.cancel()
    await f
    print(proof, waiter.cancelled())


# test_tasks.py::BaseTaskTests::test_yield_wait_does_not_shield_cancel
async def yield_wait_does_not_shield_cancel():
    # Cancelling outer() makes wait() return early and leaves inner() running.
    proof = 0
    waiter = new_future()

    async def inner():
        nonlocal proof
        await waiter
        proof += 1

    async def outer():
        nonlocal proof
        d, p = await asyncio.wait([asyncio.create_task(inner())])
        proof += 100

    f = asyncio.ensure_future(outer())
    await run_briefly()
    f.cancel()
    print(await aoutcome(f))
    waiter.set_result(None)
    await run_briefly()
    print(proof)


# test_tasks.py::BaseTaskTests::test_shield_result
async def shield_result():
    inner = new_future()
    outer = asyncio.shield(inner)
    inner.set_result(42)
    print(await outer)


# test_tasks.py::BaseTaskTests::test_shield_exception
async def shield_exception():
    inner = new_future()
    outer = asyncio.shield(inner)
    await run_briefly()
    exc = RuntimeError("expected")
    inner.set_exception(exc)
    await run_briefly()
    print(outer.exception() is exc)


# test_tasks.py::BaseTaskTests::test_shield_cancel_inner
async def shield_cancel_inner():
    inner = new_future()
    outer = asyncio.shield(inner)
    await run_briefly()
    inner.cancel()
    await run_briefly()
    print(outer.cancelled())


# test_tasks.py::BaseTaskTests::test_shield_cancel_outer
async def shield_cancel_outer():
    # (The test also checks the outer future's private callback list is empty.)
    inner = new_future()
    outer = asyncio.shield(inner)
    await run_briefly()
    outer.cancel()
    await run_briefly()
    print(outer.cancelled(), inner.cancelled())


# test_tasks.py::BaseTaskTests::test_shield_shortcut
async def shield_shortcut():
    fut = new_future()
    fut.set_result(42)
    print(await asyncio.shield(fut), asyncio.shield(fut) is fut)


# test_tasks.py::BaseTaskTests::test_shield_effect
async def shield_effect():
    # Cancelling outer() does not affect inner().
    proof = 0
    waiter = new_future()

    async def inner():
        nonlocal proof
        await waiter
        proof += 1

    async def outer():
        nonlocal proof
        await asyncio.shield(inner())
        proof += 100

    f = asyncio.ensure_future(outer())
    await run_briefly()
    f.cancel()
    print(await aoutcome(f))
    waiter.set_result(None)
    await run_briefly()
    print(proof)


# test_tasks.py::BaseTaskTests::test_shield_gather
async def shield_gather():
    child1 = new_future()
    child2 = new_future()
    parent = asyncio.gather(child1, child2)
    outer = asyncio.shield(parent)
    await run_briefly()
    outer.cancel()
    await run_briefly()
    print(outer.cancelled())
    child1.set_result(1)
    child2.set_result(2)
    await run_briefly()
    print(parent.result())


# test_tasks.py::BaseTaskTests::test_gather_shield
async def gather_shield():
    child1 = new_future()
    child2 = new_future()
    inner1 = asyncio.shield(child1)
    inner2 = asyncio.shield(child2)
    parent = asyncio.gather(inner1, inner2)
    await run_briefly()
    parent.cancel()
    # This cancels inner1 and inner2, not child1 and child2.
    await run_briefly()
    print(type(parent.exception()).__name__, inner1.cancelled(), inner2.cancelled())
    print(child1.cancelled(), child2.cancelled())
    child1.set_result(1)
    child2.set_result(2)
    await run_briefly()


# test_tasks.py::BaseTaskTests::test_shield_coroutine_use_running_loop
async def shield_coroutine_use_running_loop():
    async def coro():
        return 42

    outer = asyncio.shield(coro())
    print(outer.get_loop() is asyncio.get_running_loop(), await outer)


# test_tasks.py::BaseTaskTests::test_tb_logger_not_called_after_cancel
async def tb_logger_not_called_after_cancel():
    def handler(loop, context):
        print("handler:", context["message"])

    asyncio.get_running_loop().set_exception_handler(handler)

    async def coro():
        raise TypeError

    async def runner():
        task = asyncio.create_task(coro())
        await asyncio.sleep(0.05)
        task.cancel()
        task = None

    await runner()
    gc.collect()


# test_tasks.py::BaseTaskTests::test_cancel_gather_1
async def cancel_gather_1():
    # A gathering future refuses to be cancelled once all its children are done.
    fut = new_future()

    async def create():
        # fut -> child_coro: the gather is not done at the same time as fut.
        async def child_coro():
            return await fut

        gather_future = asyncio.gather(child_coro())
        return asyncio.ensure_future(gather_future)

    gather_task = await create()
    cancel_result = None

    def cancelling_callback(_):
        nonlocal cancel_result
        cancel_result = gather_task.cancel()

    fut.add_done_callback(cancelling_callback)
    fut.set_result(42)  # calls cancelling_callback once fut is done
    await gather_task
    # bpo-26923: gather drops the cancellation.
    print(cancel_result, gather_task.cancelled(), gather_task.result())


# test_tasks.py::BaseTaskTests::test_cancel_gather_2
async def cancel_gather_2():
    for cancel_args in [(), (None,), ("my message",), (5,)]:
        async def test():
            time = 0
            while True:
                time += 0.05
                await asyncio.gather(asyncio.sleep(0.05), return_exceptions=True)
                if time > 1:
                    return

        async def main():
            qwe = asyncio.create_task(test())
            await asyncio.sleep(0.2)
            qwe.cancel(*cancel_args)
            await qwe

        try:
            await asyncio.create_task(main())
        except asyncio.CancelledError as exc:
            depth, end = 0, exc
            while end.__context__ is not None:
                end, depth = end.__context__, depth + 1
            print(cancel_args, exc.args, (type(end).__name__, end.args, depth))
        else:
            print("gather() did not pass the CancelledError on")


# test_tasks.py::BaseTaskTests::test_step_result_future
async def step_result_future():
    # A task awaiting a future registers its wake-up with the future's add_done_callback.
    class Fut(asyncio.Future):
        def __init__(self, *args, **kwds):
            self.cb_added = False
            super().__init__(*args, **kwds)

        def add_done_callback(self, *args, **kwargs):
            self.cb_added = True
            super().add_done_callback(*args, **kwargs)

    fut = Fut(loop=asyncio.get_running_loop())
    result = None

    async def wait_for_future():
        nonlocal result
        result = await fut

    t = asyncio.create_task(wait_for_future())
    await run_briefly()
    print(fut.cb_added)
    res = object()
    fut.set_result(res)
    await run_briefly()
    print(res is result, t.done(), t.result())


# test_tasks.py::BaseTaskTests::test_baseexception_during_cancel
def baseexception_during_cancel():
    # (SystemExit in the test: KeyboardInterrupt takes the same path, out of the loop.)
    base_exc = KeyboardInterrupt()
    task = None

    async def sleeper():
        await asyncio.sleep(10)

    async def notmutch():
        try:
            await sleeper()
        except asyncio.CancelledError:
            raise base_exc

    async def main():
        nonlocal task
        task = asyncio.create_task(notmutch())
        await asyncio.sleep(0)
        task.cancel()
        print(task.done())
        await asyncio.sleep(0)
        print("not reached")

    print(outcome(asyncio.run, main()))
    print(task.done(), task.cancelled(), task.exception() is base_exc)


# test_tasks.py::BaseTaskTests::test_coroutine_non_gen_function
def coroutine_non_gen_function():
    async def func():
        return "test"

    coro = func()
    print(asyncio.iscoroutine(coro))
    print(asyncio.run(coro))


# test_tasks.py::BaseTaskTests::test_coroutine_non_gen_function_return_future
async def coroutine_non_gen_function_return_future():
    fut = new_future()

    async def func():
        return fut

    async def coro():
        fut.set_result("test")

    t1 = asyncio.create_task(func())
    t2 = asyncio.create_task(coro())
    res = await t1
    print(res is fut, repr(res), t2.result())


# test_tasks.py::BaseTaskTests::test_current_task
async def current_task():
    async def coro():
        print(asyncio.current_task() is task, asyncio.current_task(None) is task)

    task = asyncio.create_task(coro())
    await task
    print(asyncio.current_task() is task)


# test_tasks.py::BaseTaskTests::test_current_task_with_interleaving_tasks
async def current_task_with_interleaving_tasks():
    fut1 = new_future()
    fut2 = new_future()

    async def coro1():
        print("coro1", asyncio.current_task() is task1)
        await fut1
        print("coro1", asyncio.current_task() is task1)
        fut2.set_result(True)

    async def coro2():
        print("coro2", asyncio.current_task() is task2)
        fut1.set_result(True)
        await fut2
        print("coro2", asyncio.current_task() is task2)

    task1 = asyncio.create_task(coro1())
    task2 = asyncio.create_task(coro2())
    await asyncio.wait((task1, task2))


# test_tasks.py::BaseTaskTests::test_create_task_with_noncoroutine
async def create_task_with_noncoroutine():
    print(outcome(asyncio.create_task, 123))
    # Twice: iscoroutine()'s cache changes nothing.
    print(outcome(asyncio.create_task, 123))


# test_tasks.py::BaseTaskTests::test_create_task_with_async_function
async def create_task_with_async_function():
    async def coro():
        pass

    for _ in range(2):
        task = asyncio.create_task(coro())
        print(isinstance(task, asyncio.Task), await task)


# test_tasks.py::BaseTaskTests::test_bare_create_task
async def bare_create_task():
    async def inner():
        return 1

    task = asyncio.create_task(inner())
    print(isinstance(task, asyncio.Task), await task)


# test_tasks.py::BaseTaskTests::test_bare_create_named_task
async def bare_create_named_task():
    async def coro_noop():
        pass

    task = asyncio.create_task(coro_noop(), name="No-op")
    print(task.get_name())
    await task


# test_tasks.py::BaseTaskTests::test_get_coro
async def get_coro():
    coro = coroutine_function()
    task = asyncio.create_task(coro)
    await task
    print(task.get_coro() is coro)


# test_tasks.py::BaseCurrentLoopTests::test_current_task_no_running_loop_implicit
def current_task_no_running_loop_implicit():
    print(outcome(asyncio.current_task))


# test_tasks.py::BaseCurrentLoopTests::test_current_task_with_implicit_loop
async def current_task_with_implicit_loop():
    async def coro():
        print(asyncio.current_task() is task, asyncio.current_task(None) is task)

    task = asyncio.create_task(coro())
    await task


# test_tasks.py::GenericTaskTests::test_future_subclass
def future_subclass():
    print(issubclass(asyncio.Task, asyncio.Future))


async def gather_variants(check, **kwargs):
    """GatherTestsBase runs each check on futures (FutureGatherTests) and on coroutines awaiting them."""

    def as_futures(*futures):
        return futures

    def as_coroutines(*futures):
        coros = []
        for fut in futures:
            async def coro(fut=fut):
                return await fut

            coros.append(coro())
        return coros

    for wrap in as_futures, as_coroutines:
        print(wrap.__name__)
        await check(wrap, **kwargs)


async def check_success(wrap, **kwargs):
    a, b, c = [new_future() for i in range(3)]
    fut = asyncio.gather(*wrap(a, b, c), **kwargs)
    calls = []
    fut.add_done_callback(calls.append)
    b.set_result(1)
    a.set_result(2)
    await run_loop()
    print(len(calls), fut.done())
    c.set_result(3)
    await run_loop()
    print(len(calls), calls[0] is fut, fut.result())


# test_tasks.py::GatherTestsBase::test_success
async def gather_success():
    await gather_variants(check_success)
    await gather_variants(check_success, return_exceptions=False)


# test_tasks.py::GatherTestsBase::test_result_exception_success
async def gather_result_exception_success():
    await gather_variants(check_success, return_exceptions=True)


async def check_one_exception(wrap):
    a, b, c, d, e = [new_future() for i in range(5)]
    fut = asyncio.gather(*wrap(a, b, c, d, e))
    calls = []
    fut.add_done_callback(calls.append)
    exc = ZeroDivisionError()
    a.set_result(1)
    b.set_exception(exc)
    await run_loop()
    print(fut.done(), len(calls), fut.exception() is exc)
    # These do nothing.
    c.set_result(3)
    d.cancel()
    e.set_exception(RuntimeError())
    e.exception()


# test_tasks.py::GatherTestsBase::test_one_exception
async def gather_one_exception():
    await gather_variants(check_one_exception)


async def check_return_exceptions(wrap):
    a, b, c, d = [new_future() for i in range(4)]
    fut = asyncio.gather(*wrap(a, b, c, d), return_exceptions=True)
    calls = []
    fut.add_done_callback(calls.append)
    exc = ZeroDivisionError()
    exc2 = RuntimeError()
    b.set_result(1)
    c.set_exception(exc)
    a.set_result(3)
    await run_loop()
    print(fut.done())
    d.set_exception(exc2)
    await run_loop()
    res = fut.result()
    print(fut.done(), len(calls), res[:2], res[2] is exc, res[3] is exc2)


# test_tasks.py::GatherTestsBase::test_return_exceptions
async def gather_return_exceptions():
    await gather_variants(check_return_exceptions)


# test_tasks.py::FutureGatherTests::test_constructor_empty_sequence_use_running_loop
async def constructor_empty_sequence_use_running_loop():
    fut = asyncio.gather()
    print(isinstance(fut, asyncio.Future), fut.get_loop() is asyncio.get_running_loop())
    await run_briefly()
    print(fut.done(), fut.result(), repr(fut))


# test_tasks.py::FutureGatherTests::test_constructor_heterogenous_futures
async def constructor_heterogenous_futures():
    other_loop = asyncio.new_event_loop()
    fut1 = new_future()
    fut2 = other_loop.create_future()
    print(outcome(asyncio.gather, fut1, fut2))
    other_loop.close()


# test_tasks.py::FutureGatherTests::test_constructor_homogenous_futures
def constructor_homogenous_futures():
    # Outside any running loop, gather takes its children's loop.
    other_loop = asyncio.new_event_loop()
    children = [other_loop.create_future() for i in range(3)]
    fut = asyncio.gather(*children)
    print(fut.get_loop() is other_loop, fut.done())
    fut = asyncio.gather(*children)
    print(fut.get_loop() is other_loop, fut.done())
    for child in children:
        child.cancel()
    other_loop.close()


# test_tasks.py::FutureGatherTests::test_one_cancellation
async def one_cancellation():
    a, b, c, d, e = [new_future() for i in range(5)]
    fut = asyncio.gather(a, b, c, d, e)
    calls = []
    fut.add_done_callback(calls.append)
    a.set_result(1)
    b.cancel()
    await run_briefly()
    print(fut.done(), len(calls), fut.cancelled(), type(fut.exception()).__name__)
    # These do nothing.
    c.set_result(3)
    d.cancel()
    e.set_exception(RuntimeError())
    e.exception()


# test_tasks.py::FutureGatherTests::test_result_exception_one_cancellation
async def result_exception_one_cancellation():
    a, b, c, d, e, f = [new_future() for i in range(6)]
    fut = asyncio.gather(a, b, c, d, e, f, return_exceptions=True)
    calls = []
    fut.add_done_callback(calls.append)
    a.set_result(1)
    zde = ZeroDivisionError()
    b.set_exception(zde)
    c.cancel()
    await run_briefly()
    print(fut.done())
    d.set_result(3)
    e.cancel()
    rte = RuntimeError()
    f.set_exception(rte)
    res = await fut
    print(type(res[2]).__name__, type(res[4]).__name__)
    res[2] = res[4] = None
    print(res == [1, zde, None, 3, None, rte], len(calls))


# test_tasks.py::CoroutineGatherTests::test_constructor_use_running_loop
async def coroutine_gather_use_running_loop():
    async def coro():
        return "abc"

    fut = asyncio.gather(coro(), coro())
    print(fut.get_loop() is asyncio.get_running_loop(), await fut)


# test_tasks.py::CoroutineGatherTests::test_duplicate_coroutines
async def duplicate_coroutines():
    async def coro(s):
        return s

    c = coro("abc")
    fut = asyncio.gather(c, c, coro("def"), c)
    await run_briefly()
    print(fut.result())


# test_tasks.py::CoroutineGatherTests::test_cancellation_broadcast
async def cancellation_broadcast():
    # Cancelling outer() cancels every child.
    proof = 0
    waiter = new_future()

    async def inner():
        nonlocal proof
        await waiter
        proof += 1

    child1 = asyncio.ensure_future(inner())
    child2 = asyncio.ensure_future(inner())
    gatherer = None

    async def outer():
        nonlocal proof, gatherer
        gatherer = asyncio.gather(child1, child2)
        await gatherer
        proof += 100

    f = asyncio.ensure_future(outer())
    await run_briefly()
    print(f.cancel())
    print(await aoutcome(f))
    print(gatherer.cancel(), waiter.cancelled(), child1.cancelled(), child2.cancelled())
    await run_briefly()
    print(proof)


# test_tasks.py::CoroutineGatherTests::test_exception_marking
async def exception_marking():
    # The first exception's siblings are marked retrieved.
    async def inner(f):
        await f
        raise RuntimeError("should not be ignored")

    a = new_future()
    b = new_future()

    async def outer():
        await asyncio.gather(inner(a), inner(b))

    f = asyncio.ensure_future(outer())
    await run_briefly()
    a.set_result(None)
    await run_briefly()
    b.set_result(None)
    await run_briefly()
    print(repr(f.exception()))


# test_tasks.py::CoroutineGatherTests::test_issue46672
async def issue46672():
    # A TypeError for an argument that is not awaitable, and nothing for the exception handler.
    def handler(loop, context):
        print("handler:", context["message"])

    asyncio.get_running_loop().set_exception_handler(handler)

    async def coro(s):
        return s

    c = coro("abc")
    try:
        asyncio.gather(c, {})
    except TypeError as e:
        print(type(e).__name__)
    await run_briefly()


run_tests(
    yield_future_passes_cancel,
    yield_wait_does_not_shield_cancel,
    shield_result,
    shield_exception,
    shield_cancel_inner,
    shield_cancel_outer,
    shield_shortcut,
    shield_effect,
    shield_gather,
    gather_shield,
    shield_coroutine_use_running_loop,
    tb_logger_not_called_after_cancel,
    cancel_gather_1,
    cancel_gather_2,
    step_result_future,
    baseexception_during_cancel,
    coroutine_non_gen_function,
    coroutine_non_gen_function_return_future,
    current_task,
    current_task_with_interleaving_tasks,
    create_task_with_noncoroutine,
    create_task_with_async_function,
    bare_create_task,
    bare_create_named_task,
    get_coro,
    current_task_no_running_loop_implicit,
    current_task_with_implicit_loop,
    future_subclass,
    gather_success,
    gather_result_exception_success,
    gather_one_exception,
    gather_return_exceptions,
    constructor_empty_sequence_use_running_loop,
    constructor_heterogenous_futures,
    constructor_homogenous_futures,
    one_cancellation,
    result_exception_one_cancellation,
    coroutine_gather_use_running_loop,
    duplicate_coroutines,
    cancellation_broadcast,
    exception_marking,
    issue46672,
)
