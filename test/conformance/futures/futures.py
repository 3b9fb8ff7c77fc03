# Ported from CPython 3.13's Lib/test/test_asyncio/test_futures.py (BaseFutureTests and
# BaseFutureDoneCallbackTests, which CPython runs for its C and Python futures alike).
import asyncio
import gc
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, norm, outcome, run_tests  # noqa: E402


def new_future():
    return asyncio.get_running_loop().create_future()


def _fakefunc(f):
    return f


def first_cb():
    pass


def last_cb():
    pass


# test_futures.py::BaseFutureTests::test_initial_state
async def initial_state():
    f = new_future()
    print(f.cancelled(), f.done())
    f.cancel()
    print(f.cancelled())


# test_futures.py::BaseFutureTests::test_future_cancel_message_getter
async def future_cancel_message_getter():
    f = new_future()
    print(hasattr(f, "_cancel_message"), f._cancel_message)
    f.cancel("my message")
    print(await aoutcome(f))
    print(f._cancel_message)


# test_futures.py::BaseFutureTests::test_future_cancel_message_setter
async def future_cancel_message_setter():
    f = new_future()
    f.cancel("my message")
    f._cancel_message = "my new message"
    print(f._cancel_message)
    # The new message is the one raised.
    print(await aoutcome(f))
    print(f._cancel_message)


# test_futures.py::BaseFutureTests::test_cancel
async def cancel():
    f = new_future()
    print(f.cancel(), f.cancelled(), f.done())
    print(outcome(f.result))
    print(outcome(f.exception))
    print(outcome(f.set_result, None))
    print(outcome(f.set_exception, None))
    print(f.cancel())


# test_futures.py::BaseFutureTests::test_result
async def result():
    f = new_future()
    print(outcome(f.result))
    f.set_result(42)
    print(f.cancelled(), f.done(), f.result(), f.exception())
    print(outcome(f.set_result, None))
    print(outcome(f.set_exception, None))
    print(f.cancel())


# test_futures.py::BaseFutureTests::test_exception
async def exception():
    exc = RuntimeError()
    f = new_future()
    print(outcome(f.exception))
    f.set_exception(exc)
    print(f.cancelled(), f.done())
    print(outcome(f.result))
    print(f.exception() is exc)
    print(outcome(f.set_result, None))
    print(outcome(f.set_exception, None))
    print(f.cancel())


# test_futures.py::BaseFutureTests::test_exception_class
async def exception_class():
    f = new_future()
    f.set_exception(RuntimeError)
    print(repr(f.exception()), isinstance(f.exception(), RuntimeError))


# test_futures.py::BaseFutureTests::test_future_repr
async def future_repr():
    # (Debug mode's `created at file:line` is left out: no debug mode here.)
    f_pending = new_future()
    print(repr(f_pending))
    f_pending.cancel()
    f_cancelled = new_future()
    f_cancelled.cancel()
    print(repr(f_cancelled))
    f_result = new_future()
    f_result.set_result(4)
    print(repr(f_result), f_result.result())
    exc = RuntimeError()
    f_exception = new_future()
    f_exception.set_exception(exc)
    print(repr(f_exception), f_exception.exception() is exc)
    f_one_callbacks = new_future()
    f_one_callbacks.add_done_callback(_fakefunc)
    print(norm(repr(f_one_callbacks)))
    f_one_callbacks.cancel()
    print(repr(f_one_callbacks))
    f_two_callbacks = new_future()
    f_two_callbacks.add_done_callback(first_cb)
    f_two_callbacks.add_done_callback(last_cb)
    print(norm(repr(f_two_callbacks)))
    f_many_callbacks = new_future()
    f_many_callbacks.add_done_callback(first_cb)
    for i in range(8):
        f_many_callbacks.add_done_callback(_fakefunc)
    f_many_callbacks.add_done_callback(last_cb)
    print(norm(repr(f_many_callbacks)))
    f_many_callbacks.cancel()
    print(repr(f_many_callbacks))


def never_retrieved_logger():
    """What the tests' patched logger sees: the exception handler's calls."""

    def handler(loop, context):
        print("handler:", context["message"], repr(context.get("exception")))

    asyncio.get_running_loop().set_exception_handler(handler)


# test_futures.py::BaseFutureTests::test_tb_logger_abandoned
async def tb_logger_abandoned():
    never_retrieved_logger()
    fut = new_future()
    del fut
    gc.collect()


# test_futures.py::BaseFutureTests::test_tb_logger_not_called_after_cancel
async def tb_logger_not_called_after_cancel():
    never_retrieved_logger()
    fut = new_future()
    fut.set_exception(Exception())
    fut.cancel()
    del fut
    gc.collect()


# test_futures.py::BaseFutureTests::test_tb_logger_result_unretrieved
async def tb_logger_result_unretrieved():
    never_retrieved_logger()
    fut = new_future()
    fut.set_result(42)
    del fut
    gc.collect()


# test_futures.py::BaseFutureTests::test_tb_logger_result_retrieved
async def tb_logger_result_retrieved():
    never_retrieved_logger()
    fut = new_future()
    fut.set_result(42)
    fut.result()
    del fut
    gc.collect()


# test_futures.py::BaseFutureTests::test_tb_logger_exception_unretrieved
async def tb_logger_exception_unretrieved():
    never_retrieved_logger()
    fut = new_future()
    fut.set_exception(RuntimeError("boom"))
    del fut
    await asyncio.sleep(0)
    gc.collect()


# test_futures.py::BaseFutureTests::test_tb_logger_exception_retrieved
async def tb_logger_exception_retrieved():
    never_retrieved_logger()
    fut = new_future()
    fut.set_exception(RuntimeError("boom"))
    fut.exception()
    del fut
    gc.collect()


# test_futures.py::BaseFutureTests::test_tb_logger_exception_result_retrieved
async def tb_logger_exception_result_retrieved():
    never_retrieved_logger()
    fut = new_future()
    fut.set_exception(RuntimeError("boom"))
    print(outcome(fut.result))
    del fut
    gc.collect()


# test_futures.py::BaseFutureTests::test_future_exception_never_retrieved
async def future_exception_never_retrieved():
    never_retrieved_logger()

    def memory_error():
        try:
            raise MemoryError()
        except BaseException as exc:
            return exc

    exc = memory_error()
    future = new_future()
    future.set_exception(exc)
    future = None
    await asyncio.sleep(0)
    gc.collect()


def make_callback(bag, thing):
    def bag_appender(future):
        bag.append(thing)

    return bag_appender


async def three_callbacks(removals):
    bag = []
    f = new_future()
    cbs = [make_callback(bag, 42), make_callback(bag, 17), make_callback(bag, 100)]
    for cb in cbs:
        f.add_done_callback(cb)
    for i in removals:
        f.remove_done_callback(cbs[i])
    print(bag)
    f.set_result("foo")
    await asyncio.sleep(0)
    print(bag, f.result())


# test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_remove_first_callback
async def callbacks_remove_first_callback():
    await three_callbacks([0, 0])


# test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_remove_first_and_second_callback
async def callbacks_remove_first_and_second_callback():
    await three_callbacks([0, 1, 0])


# test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_remove_third_callback
async def callbacks_remove_third_callback():
    await three_callbacks([2, 2])


# test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_invoked_on_set_result
async def callbacks_invoked_on_set_result():
    bag = []
    f = new_future()
    f.add_done_callback(make_callback(bag, 42))
    f.add_done_callback(make_callback(bag, 17))
    print(bag)
    f.set_result("foo")
    await asyncio.sleep(0)
    print(bag, f.result())


# test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_invoked_on_set_exception
async def callbacks_invoked_on_set_exception():
    bag = []
    f = new_future()
    f.add_done_callback(make_callback(bag, 100))
    print(bag)
    exc = RuntimeError()
    f.set_exception(exc)
    await asyncio.sleep(0)
    print(bag, f.exception() is exc)


# test_futures.py::BaseFutureDoneCallbackTests::test_remove_done_callback
async def remove_done_callback():
    bag = []
    f = new_future()
    cb1 = make_callback(bag, 1)
    cb2 = make_callback(bag, 2)
    cb3 = make_callback(bag, 3)
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    print(f.remove_done_callback(cb2))
    print(f.remove_done_callback(cb3))
    f.add_done_callback(cb2)
    for i in range(5):
        f.add_done_callback(cb1)
    print(f.remove_done_callback(cb1))
    print(bag)
    f.set_result("foo")
    await asyncio.sleep(0)
    print(bag, f.result())


# test_futures.py::BaseFutureDoneCallbackTests::test_schedule_callbacks_list_mutation_1
async def schedule_callbacks_list_mutation_1():
    calls = []

    def mut(f):
        f.remove_done_callback(record)

    def record(f):
        calls.append(f.result())

    fut = new_future()
    fut.add_done_callback(mut)
    fut.add_done_callback(record)
    fut.add_done_callback(record)
    fut.set_result(1)
    await asyncio.sleep(0)
    # The callbacks were queued when the future finished: removing one then changes nothing.
    print(calls)


run_tests(
    initial_state,
    future_cancel_message_getter,
    future_cancel_message_setter,
    cancel,
    result,
    exception,
    exception_class,
    future_repr,
    tb_logger_abandoned,
    tb_logger_not_called_after_cancel,
    tb_logger_result_unretrieved,
    tb_logger_result_retrieved,
    tb_logger_exception_unretrieved,
    tb_logger_exception_retrieved,
    tb_logger_exception_result_retrieved,
    future_exception_never_retrieved,
    callbacks_remove_first_callback,
    callbacks_remove_first_and_second_callback,
    callbacks_remove_third_callback,
    callbacks_invoked_on_set_result,
    callbacks_invoked_on_set_exception,
    remove_done_callback,
    schedule_callbacks_list_mutation_1,
)
