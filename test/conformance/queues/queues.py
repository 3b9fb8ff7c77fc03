# Ported from CPython 3.13's Lib/test/test_asyncio/test_queues.py.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import aoutcome, norm, outcome, run_tests  # noqa: E402

QUEUES = [asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue]


async def repr_or_str(fn):
    q = asyncio.Queue()
    print(norm(fn(q)), fn(q).startswith("<Queue"))
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        getter = tg.create_task(q.get())
        await asyncio.sleep(0)
        print(norm(fn(q)), "_getters[1]" in fn(q))
        q.put_nowait(0)
    print(await getter)
    q = asyncio.Queue(maxsize=1)
    async with asyncio.TaskGroup() as tg:
        q.put_nowait(1)
        putter = tg.create_task(q.put(2))
        await asyncio.sleep(0)
        print(norm(fn(q)), "_putters[1]" in fn(q))
        q.get_nowait()
    print(putter.done(), norm(fn(q)))
    q = asyncio.Queue()
    q.put_nowait(1)
    print(norm(fn(q)), "_queue=[1]" in fn(q))


# test_queues.py::QueueBasicTests::test_repr
async def queue_repr():
    # (The test also checks that repr() shows the queue's address: JavaScript has none.)
    await repr_or_str(repr)


# test_queues.py::QueueBasicTests::test_str
async def queue_str():
    await repr_or_str(str)


# test_queues.py::QueueBasicTests::test_empty
async def empty():
    q = asyncio.Queue()
    print(q.empty())
    await q.put(1)
    print(q.empty())
    print(await q.get())
    print(q.empty())


# test_queues.py::QueueBasicTests::test_full
async def full():
    q = asyncio.Queue()
    print(q.full())
    q = asyncio.Queue(maxsize=1)
    await q.put(1)
    print(q.full())


# test_queues.py::QueueBasicTests::test_order
async def order():
    q = asyncio.Queue()
    for i in [1, 3, 2]:
        await q.put(i)
    print([await q.get() for _ in range(3)])


# test_queues.py::QueueBasicTests::test_maxsize
async def maxsize():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize)
    have_been_put = []

    async def putter():
        for i in range(3):
            await q.put(i)
            have_been_put.append(i)
        return True

    t = asyncio.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)
    print(have_been_put)
    print(await q.get())
    await asyncio.sleep(0)
    print(have_been_put)
    print(await q.get(), await q.get())
    print(t.done(), t.result())


# test_queues.py::QueueGetTests::test_blocking_get
async def blocking_get():
    q = asyncio.Queue()
    q.put_nowait(1)
    print(await q.get())


# test_queues.py::QueueGetTests::test_get_with_putters
async def get_with_putters():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(1)
    await q.put(1)
    waiter = loop.create_future()
    q._putters.append(waiter)
    print(await q.get(), waiter.done(), waiter.result())


# test_queues.py::QueueGetTests::test_blocking_get_wait
async def blocking_get_wait():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    started = asyncio.Event()
    finished = False

    async def queue_get():
        nonlocal finished
        started.set()
        res = await q.get()
        finished = True
        return res

    queue_get_task = asyncio.create_task(queue_get())
    await started.wait()
    print(finished)
    loop.call_later(0.01, q.put_nowait, 1)
    res = await queue_get_task
    print(finished, res, loop.time())


# test_queues.py::QueueGetTests::test_nonblocking_get
def nonblocking_get():
    q = asyncio.Queue()
    q.put_nowait(1)
    print(q.get_nowait())


# test_queues.py::QueueGetTests::test_nonblocking_get_exception
def nonblocking_get_exception():
    q = asyncio.Queue()
    print(outcome(q.get_nowait))


# test_queues.py::QueueGetTests::test_get_cancelled_race
async def get_cancelled_race():
    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print(t1.done())
    await q.put("a")
    await asyncio.sleep(0)
    print(await t2)


# test_queues.py::QueueGetTests::test_get_with_waiting_putters
async def get_with_waiting_putters():
    q = asyncio.Queue(maxsize=1)
    asyncio.create_task(q.put("a"))
    asyncio.create_task(q.put("b"))
    print(await q.get(), await q.get())


# test_queues.py::QueueGetTests::test_why_are_getters_waiting
async def why_are_getters_waiting():
    got = []

    async def consumer(queue, num_expected):
        for _ in range(num_expected):
            got.append(await queue.get())

    async def producer(queue, num_items):
        for i in range(num_items):
            await queue.put(i)

    q = asyncio.Queue(1)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(q, 5))
        tg.create_task(consumer(q, 5))
    print(got)


# test_queues.py::QueueGetTests::test_cancelled_getters_not_being_held_in_self_getters
async def cancelled_getters_not_being_held_in_self_getters():
    queue = asyncio.Queue(maxsize=5)
    print(await aoutcome(asyncio.wait_for(queue.get(), 0.1)))
    print(len(queue._getters))


# test_queues.py::QueuePutTests::test_blocking_put
async def blocking_put():
    q = asyncio.Queue()
    await q.put(1)
    print(await q.get())


# test_queues.py::QueuePutTests::test_blocking_put_wait
async def blocking_put_wait():
    q = asyncio.Queue(maxsize=1)
    started = asyncio.Event()
    finished = False

    async def queue_put():
        nonlocal finished
        started.set()
        await q.put(1)
        await q.put(2)
        finished = True

    loop = asyncio.get_running_loop()
    loop.call_later(0.01, q.get_nowait)
    queue_put_task = asyncio.create_task(queue_put())
    await started.wait()
    print(finished)
    await queue_put_task
    print(finished, q.qsize())


# test_queues.py::QueuePutTests::test_nonblocking_put
def nonblocking_put():
    q = asyncio.Queue()
    q.put_nowait(1)
    print(q.get_nowait())


# test_queues.py::QueuePutTests::test_get_cancel_drop_one_pending_reader
async def get_cancel_drop_one_pending_reader():
    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError:
        print("cancelled: try again")
        reader = asyncio.create_task(q.get())
        await reader
    # 2 would mean 1 was dropped.
    print(reader.result())


# test_queues.py::QueuePutTests::test_get_cancel_drop_many_pending_readers
async def get_cancel_drop_many_pending_readers():
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        reader1 = tg.create_task(q.get())
        reader2 = tg.create_task(q.get())
        reader3 = tg.create_task(q.get())
        await asyncio.sleep(0)
        q.put_nowait(1)
        q.put_nowait(2)
        reader1.cancel()
        print(await aoutcome(reader1))
        await reader3
    print(sorted([reader2.result(), reader3.result()]))


# test_queues.py::QueuePutTests::test_put_cancel_drop
async def put_cancel_drop():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print(q.get_nowait())
    writer.cancel()
    try:
        await writer
    except asyncio.CancelledError:
        print("cancelled: try again")
        writer = asyncio.create_task(q.put(2))
        await writer
    print(q.get_nowait(), q.qsize())


# test_queues.py::QueuePutTests::test_nonblocking_put_exception
def nonblocking_put_exception():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    print(outcome(q.put_nowait, 2))


# test_queues.py::QueuePutTests::test_float_maxsize
async def float_maxsize():
    q = asyncio.Queue(maxsize=1.3)
    q.put_nowait(1)
    q.put_nowait(2)
    print(q.full(), outcome(q.put_nowait, 3))
    q = asyncio.Queue(maxsize=1.3)
    await q.put(1)
    await q.put(2)
    print(q.full())


# test_queues.py::QueuePutTests::test_put_cancelled
async def put_cancelled():
    q = asyncio.Queue()

    async def queue_put():
        await q.put(1)
        return True

    t = asyncio.create_task(queue_put())
    print(await q.get(), t.done(), t.result())


# test_queues.py::QueuePutTests::test_put_cancelled_race
async def put_cancelled_race():
    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put("a"))
    put_b = asyncio.create_task(q.put("b"))
    put_c = asyncio.create_task(q.put("X"))
    await asyncio.sleep(0)
    print(put_a.done(), put_b.done())
    put_c.cancel()
    await asyncio.sleep(0)
    print(put_c.done(), q.get_nowait())
    await asyncio.sleep(0)
    print(q.get_nowait())
    await put_b


# test_queues.py::QueuePutTests::test_put_with_waiting_getters
async def put_with_waiting_getters():
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    await q.put("a")
    print(await t)


# test_queues.py::QueuePutTests::test_why_are_putters_waiting
async def why_are_putters_waiting():
    queue = asyncio.Queue(2)
    got = []

    async def putter(item):
        await queue.put(item)

    async def getter():
        await asyncio.sleep(0)
        num = queue.qsize()
        for _ in range(num):
            got.append(queue.get_nowait())

    async with asyncio.TaskGroup() as tg:
        tg.create_task(getter())
        tg.create_task(putter(0))
        tg.create_task(putter(1))
        tg.create_task(putter(2))
        tg.create_task(putter(3))
    print(got, queue.qsize(), queue.get_nowait(), queue.get_nowait())


# test_queues.py::QueuePutTests::test_cancelled_puts_not_being_held_in_self_putters
async def cancelled_puts_not_being_held_in_self_putters():
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait(1)
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    print(len(queue._putters))
    put_task.cancel()
    print(await aoutcome(put_task))
    print(len(queue._putters))


# test_queues.py::QueuePutTests::test_cancelled_put_silence_value_error_exception
async def cancelled_put_silence_value_error_exception():
    queue = asyncio.Queue(1)
    queue.put_nowait(1)
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    # get_nowait() takes the putter out of _putters; the cancelled put() must not mind.
    queue.get_nowait()
    put_task.cancel()
    print(await aoutcome(put_task))


# test_queues.py::LifoQueueTests::test_order
async def lifo_order():
    q = asyncio.LifoQueue()
    for i in [1, 3, 2]:
        await q.put(i)
    print([await q.get() for _ in range(3)])


# test_queues.py::PriorityQueueTests::test_order
async def priority_order():
    q = asyncio.PriorityQueue()
    for i in [1, 3, 2]:
        await q.put(i)
    print([await q.get() for _ in range(3)])
    # Equal priorities and tuples come out as heapq orders them.
    for item in [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "x")]:
        q.put_nowait(item)
    print(q._queue)
    print([q.get_nowait() for _ in range(5)])
    q.put_nowait(1)
    print(outcome(q.put_nowait, "one"))


# test_queues.py::_QueueJoinTestMixin::test_task_done_underflow
def task_done_underflow():
    for cls in QUEUES:
        print(cls.__name__, outcome(cls().task_done))


# test_queues.py::_QueueJoinTestMixin::test_task_done
async def task_done():
    for cls in QUEUES:
        q = cls()
        for i in range(100):
            q.put_nowait(i)
        accumulator = 0
        running = True
        seen = []

        async def worker(name):
            nonlocal accumulator
            while running:
                item = await q.get()
                accumulator += item
                seen.append(name)
                q.task_done()

        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(worker(index)) for index in range(2)]
            await q.join()
            print(cls.__name__, accumulator, sum(range(100)), seen.count(0), seen.count(1))
            running = False
            for i in range(len(tasks)):
                q.put_nowait(0)


# test_queues.py::_QueueJoinTestMixin::test_join_empty_queue
async def join_empty_queue():
    for cls in QUEUES:
        q = cls()
        await q.join()
        await q.join()
        print(cls.__name__, "joined")


# test_queues.py::_QueueJoinTestMixin::test_format
def join_format():
    for cls in QUEUES:
        q = cls()
        print(q._format())
        q._unfinished_tasks = 2
        print(q._format())


# test_queues.py::_QueueShutdownTestMixin::test_format
async def shutdown_format():
    for cls in QUEUES:
        q = cls()
        q.shutdown()
        print(q._format())


# test_queues.py::_QueueShutdownTestMixin::test_shutdown_empty
async def shutdown_empty():
    for cls in QUEUES:
        q = cls()
        loop = asyncio.get_running_loop()
        get_task = loop.create_task(q.get())
        await asyncio.sleep(0)
        q.shutdown(immediate=False)
        print(cls.__name__, q.qsize())
        await q.join()
        await asyncio.sleep(0)
        print(get_task.done(), await aoutcome(get_task))
        print(await aoutcome(q.put("data")), outcome(q.put_nowait, "data"))
        print(await aoutcome(q.get()), outcome(q.get_nowait))


# test_queues.py::_QueueShutdownTestMixin::test_shutdown_nonempty
async def shutdown_nonempty():
    for cls in QUEUES:
        q = cls(maxsize=1)
        loop = asyncio.get_running_loop()
        q.put_nowait("data")
        join_task = loop.create_task(q.join())
        put_task = loop.create_task(q.put("data2"))
        await asyncio.sleep(0)
        print(cls.__name__, put_task.done())
        q.shutdown(immediate=False)
        print(q.qsize())
        await asyncio.sleep(0)
        print(put_task.done(), await aoutcome(put_task))
        print(await q.get())
        await asyncio.sleep(0)
        print(join_task.done())
        print(await aoutcome(q.put("data")), outcome(q.put_nowait, "data"))
        print(await aoutcome(q.get()), outcome(q.get_nowait))
        q.task_done()
        await asyncio.sleep(0)
        print(join_task.done(), await join_task)
        print(outcome(q.task_done))


# test_queues.py::_QueueShutdownTestMixin::test_shutdown_immediate
async def shutdown_immediate():
    for cls in QUEUES:
        q = cls()
        loop = asyncio.get_running_loop()
        q.put_nowait("data")
        join_task = loop.create_task(q.join())
        q.shutdown(immediate=True)
        print(cls.__name__, q.qsize())
        await asyncio.sleep(0)
        print(join_task.done(), await join_task)
        print(await aoutcome(q.put("data")), outcome(q.put_nowait, "data"))
        print(await aoutcome(q.get()), outcome(q.get_nowait))
        print(outcome(q.task_done))


# test_queues.py::_QueueShutdownTestMixin::test_shutdown_immediate_with_unfinished
async def shutdown_immediate_with_unfinished():
    for cls in QUEUES:
        q = cls()
        loop = asyncio.get_running_loop()
        q.put_nowait("data")
        q.put_nowait("data")
        join_task = loop.create_task(q.join())
        print(cls.__name__, await q.get())
        q.shutdown(immediate=True)
        print(q.qsize())
        await asyncio.sleep(0)
        print(join_task.done())
        print(await aoutcome(q.put("data")), outcome(q.put_nowait, "data"))
        print(await aoutcome(q.get()), outcome(q.get_nowait))
        q.task_done()
        print(outcome(q.task_done))
        await asyncio.sleep(0)
        print(join_task.done(), await join_task)


run_tests(
    queue_repr,
    queue_str,
    empty,
    full,
    order,
    maxsize,
    blocking_get,
    get_with_putters,
    blocking_get_wait,
    nonblocking_get,
    nonblocking_get_exception,
    get_cancelled_race,
    get_with_waiting_putters,
    why_are_getters_waiting,
    cancelled_getters_not_being_held_in_self_getters,
    blocking_put,
    blocking_put_wait,
    nonblocking_put,
    get_cancel_drop_one_pending_reader,
    get_cancel_drop_many_pending_readers,
    put_cancel_drop,
    nonblocking_put_exception,
    float_maxsize,
    put_cancelled,
    put_cancelled_race,
    put_with_waiting_getters,
    why_are_putters_waiting,
    cancelled_puts_not_being_held_in_self_putters,
    cancelled_put_silence_value_error_exception,
    lifo_order,
    priority_order,
    task_done_underflow,
    task_done,
    join_empty_queue,
    join_format,
    shutdown_format,
    shutdown_empty,
    shutdown_nonempty,
    shutdown_immediate,
    shutdown_immediate_with_unfinished,
)
