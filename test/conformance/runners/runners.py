# Ported from CPython 3.13's Lib/test/test_asyncio/test_runners.py.
# Ctrl-C: the tests call _thread.interrupt_main(), a SIGINT that asyncio.Runner's handler
# takes; the TypeScript runner's interrupt() is that handler.
import _thread
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import outcome, run_tests  # noqa: E402


def interrupt_self():
    _thread.interrupt_main()


# test_runners.py::RunTests::test_asyncio_run_return
def asyncio_run_return():
    async def main():
        await asyncio.sleep(0)
        return 42

    print(asyncio.run(main()))


# test_runners.py::RunTests::test_asyncio_run_raises
def asyncio_run_raises():
    async def main():
        await asyncio.sleep(0)
        raise ValueError("spam")

    print(outcome(asyncio.run, main()))


# test_runners.py::RunTests::test_asyncio_run_only_coro
def asyncio_run_only_coro():
    for o in [1, lambda: None]:
        print(outcome(asyncio.run, o).split(" <")[0])


# test_runners.py::RunTests::test_asyncio_run_from_running_loop
def asyncio_run_from_running_loop():
    async def main():
        coro = main()
        try:
            asyncio.run(coro)
        finally:
            coro.close()

    print(outcome(asyncio.run, main()))


# test_runners.py::RunTests::test_asyncio_run_cancels_hanging_tasks
def asyncio_run_cancels_hanging_tasks():
    lo_task = None

    async def leftover():
        await asyncio.sleep(0.1)

    async def main():
        nonlocal lo_task
        lo_task = asyncio.create_task(leftover())
        return 123

    print(asyncio.run(main()), lo_task.done(), lo_task.cancelled())


# test_runners.py::RunTests::test_asyncio_run_reports_hanging_tasks_errors
def asyncio_run_reports_hanging_tasks_errors():
    # (The test replaces call_exception_handler with a mock; a handler sees the same context.)
    lo_task = None

    async def leftover():
        try:
            await asyncio.sleep(0.1)
        except asyncio.CancelledError:
            1 / 0

    def handler(loop, context):
        print(context["message"], context["task"] is lo_task, type(context["exception"]).__name__)

    async def main():
        asyncio.get_running_loop().set_exception_handler(handler)
        nonlocal lo_task
        lo_task = asyncio.create_task(leftover())
        return 123

    print(asyncio.run(main()), lo_task.done())


# test_runners.py::RunnerTests::test_run
def runner_run():
    async def f():
        await asyncio.sleep(0)
        return "done"

    with asyncio.Runner() as runner:
        print(runner.run(f()))
        loop = runner.get_loop()
    print(outcome(runner.get_loop), loop.is_closed())


# test_runners.py::RunnerTests::test_run_non_coro
def run_non_coro():
    with asyncio.Runner() as runner:
        print(outcome(runner.run, 123))


# test_runners.py::RunnerTests::test_run_future
def run_future():
    with asyncio.Runner() as runner:
        fut = runner.get_loop().create_future()
        print(outcome(runner.run, fut))


# test_runners.py::RunnerTests::test_explicit_close
def explicit_close():
    runner = asyncio.Runner()
    loop = runner.get_loop()
    runner.close()
    print(outcome(runner.get_loop), loop.is_closed())


# test_runners.py::RunnerTests::test_double_close
def double_close():
    runner = asyncio.Runner()
    loop = runner.get_loop()
    runner.close()
    print(loop.is_closed())
    # The second call does nothing.
    runner.close()
    print(loop.is_closed())


# test_runners.py::RunnerTests::test_second_with_block_raises
def second_with_block_raises():
    ret = []

    async def f(arg):
        ret.append(arg)

    runner = asyncio.Runner()
    with runner:
        runner.run(f(1))
    # `with runner:` again: entering gets the loop, which a closed runner refuses.
    print(outcome(runner.get_loop))
    print(ret)


# test_runners.py::RunnerTests::test_recursive_run
def recursive_run():
    async def g():
        pass

    async def f():
        runner.run(g())

    with asyncio.Runner() as runner:
        # (g() is never awaited: a RuntimeWarning on stderr.)
        print(outcome(runner.run, f()))


# test_runners.py::RunnerTests::test_interrupt_call_soon
def interrupt_call_soon():
    # The only case where the task is not suspended on a future or a task. (The test
    # interrupts after 0.1 s of a sleep(0) loop; time stands still on a virtual clock
    # while a task is always ready, so here the coroutine asks for the interrupt itself.)
    async def coro():
        asyncio.get_running_loop().call_soon(interrupt_self)
        try:
            while True:
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("CancelledError in the sleep(0) loop")
        raise asyncio.CancelledError()

    with asyncio.Runner() as runner:
        print(outcome(runner.run, coro()))


# test_runners.py::RunnerTests::test_interrupt_wait
def interrupt_wait():
    # Interrupting a wait on a future cancels both the future and the main task.
    async def coro(fut):
        try:
            await fut
        except asyncio.CancelledError:
            print("CancelledError at the await")
        raise asyncio.CancelledError()

    with asyncio.Runner() as runner:
        fut = runner.get_loop().create_future()
        runner.get_loop().call_later(0.1, interrupt_self)
        print(outcome(runner.run, coro(fut)))
        print(fut.cancelled())


# test_runners.py::RunnerTests::test_interrupt_cancelled_task
def interrupt_cancelled_task():
    # Interrupting a main task already cancelled does not raise KeyboardInterrupt.
    async def subtask(task):
        await asyncio.sleep(0)
        task.cancel()
        interrupt_self()

    async def coro():
        asyncio.create_task(subtask(asyncio.current_task()))
        await asyncio.sleep(10)

    with asyncio.Runner() as runner:
        print(outcome(runner.run, coro()))


# test_runners.py::RunnerTests::test_no_repr_is_call_on_the_task_result
def no_repr_is_call_on_the_task_result():
    class MyResult:
        def __init__(self):
            self.repr_count = 0

        def __repr__(self):
            self.repr_count += 1
            return super().__repr__()

    async def coro():
        return MyResult()

    with asyncio.Runner() as runner:
        result = runner.run(coro())
    print(result.repr_count)


run_tests(
    asyncio_run_return,
    asyncio_run_raises,
    asyncio_run_only_coro,
    asyncio_run_from_running_loop,
    asyncio_run_cancels_hanging_tasks,
    asyncio_run_reports_hanging_tasks_errors,
    runner_run,
    run_non_coro,
    run_future,
    explicit_close,
    double_close,
    second_with_block_raises,
    recursive_run,
    interrupt_call_soon,
    interrupt_wait,
    interrupt_cancelled_task,
    no_repr_is_call_on_the_task_result,
)
