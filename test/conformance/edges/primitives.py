# Edge programs written while hunting divergences (issue 16, round 3): asyncio's primitives under cancellation, compared with CPython 3.13.
import asyncio
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import norm, run_tests  # noqa: E402


# Lock, Semaphore, BoundedSemaphore, Event, Queue (shutdown), Priority/LIFO queues, Condition.wait_for, their errors.
async def primitives_basics():
    lock = asyncio.Lock()
    order = []
    async def user(n, d):
        try:
            async with lock:
                order.append(n)
                await asyncio.sleep(d)
        except asyncio.CancelledError:
            print("user", n, "cancelled", lock.locked())
            raise
    ts = [asyncio.create_task(user(i, 0.1), name=f"u{i}") for i in range(4)]
    await asyncio.sleep(0)
    ts[1].cancel()
    ts[0].cancel()
    await asyncio.sleep(0)
    import re; print(re.sub(r" at 0x[0-9a-f]+", "", repr(lock)), lock.locked())
    res = await asyncio.gather(*ts, return_exceptions=True)
    print(order, [type(r).__name__ for r in res])
    # semaphore
    sem = asyncio.Semaphore(2)
    async def s(n):
        async with sem:
            print("in", n, sem._value, sem.locked())
            await asyncio.sleep(0.1)
    await asyncio.gather(*(s(i) for i in range(5)))
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(repr(e))
    # event
    ev = asyncio.Event()
    async def waiter(n):
        print("w", n, await ev.wait())
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ws[1].cancel()
    ev.set(); ev.clear()
    await asyncio.sleep(0)
    print(ev.is_set(), [w.done() for w in ws])
    await asyncio.gather(*ws, return_exceptions=True)
    # queue
    q = asyncio.Queue(2)
    async def prod():
        for i in range(5):
            await q.put(i)
            print("put", i, q.qsize(), q.full())
        q.shutdown()
    async def cons(n):
        try:
            while True:
                x = await q.get()
                print("got", n, x)
                await asyncio.sleep(0.05)
                q.task_done()
        except asyncio.QueueShutDown:
            print("cons", n, "shutdown")
    await asyncio.gather(prod(), cons(1), cons(2))
    q2 = asyncio.Queue()
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty", repr(e))
    q3 = asyncio.Queue(1); q3.put_nowait(1)
    try:
        q3.put_nowait(2)
    except asyncio.QueueFull as e:
        print("full", repr(e))
    try:
        q3.task_done(); q3.task_done()
    except ValueError as e:
        print(repr(e))
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]: pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in [5, 1, 3]: lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])
    # wait_for on lock acquire, timeout
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0.1)
    except TimeoutError as e:
        print("acquire timeout", repr(e), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(repr(e))
    # condition
    cond = asyncio.Condition()
    async def cw(n):
        async with cond:
            r = await cond.wait_for(lambda: n < state[0])
            print("cw", n, r)
    state = [0]
    cs = [asyncio.create_task(cw(i)) for i in range(3)]
    await asyncio.sleep(0)
    for i in range(1, 4):
        async with cond:
            state[0] = i
            cond.notify_all()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)
    try:
        cond.notify()
    except RuntimeError as e:
        print(repr(e))
    q4 = asyncio.Queue()
    for i in range(3): q4.put_nowait(i)
    q4.shutdown(immediate=True)
    print(q4.qsize(), q4.empty())
    try:
        await q4.get()
    except asyncio.QueueShutDown as e:
        print("sd", repr(e))
    try:
        q4.put_nowait(1)
    except asyncio.QueueShutDown as e:
        print("sd put", repr(e))


# Waiters cancelled in line for a Semaphore, a Condition and a Lock being handed over, Queue.join under wait_for, Barrier abort, wait(FIRST_EXCEPTION), Event.wait in a timeout.
async def primitives_under_cancellation():
    sem = asyncio.Semaphore(1)
    log = []
    async def w(n, hold):
        try:
            async with sem:
                log.append(f"in{n}")
                await asyncio.sleep(hold)
                log.append(f"out{n}")
        except asyncio.CancelledError:
            log.append(f"cx{n}")
            raise
    ts = [asyncio.create_task(w(i, 0.1)) for i in range(5)]
    await asyncio.sleep(0.05)
    ts[1].cancel(); ts[3].cancel()
    await asyncio.sleep(0.06)
    ts[2].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(log, sem.locked(), sem._value)
    # condition: waiter cancelled while re-acquiring
    cond = asyncio.Condition()
    async def cw():
        async with cond:
            try:
                await cond.wait()
                print("cw woke, locked:", cond.locked())
            except asyncio.CancelledError:
                print("cw cancelled, locked:", cond.locked())
                raise
    t = asyncio.create_task(cw())
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        t.cancel()
        await asyncio.sleep(0)
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled", cond.locked())
    # queue join with cancellation of consumer
    q = asyncio.Queue()
    for i in range(3): q.put_nowait(i)
    async def consumer():
        while True:
            x = await q.get()
            await asyncio.sleep(0.1)
            print("consumed", x)
            q.task_done()
    c = asyncio.create_task(consumer())
    try:
        await asyncio.wait_for(q.join(), 0.25)
    except TimeoutError:
        print("join timeout", q.qsize(), q._unfinished_tasks)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    # barrier
    b = asyncio.Barrier(3)
    async def bw(n):
        i = await b.wait()
        print("barrier", n, i, b.n_waiting, b.broken)
    await asyncio.gather(*(bw(i) for i in range(3)))
    async def bw2():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print("broken", repr(e))
    bt = [asyncio.create_task(bw2()) for _ in range(2)]
    await asyncio.sleep(0)
    await b.abort()
    await asyncio.gather(*bt)
    print(repr(b).split(" at ")[0] if False else b.broken)
    # wait FIRST_EXCEPTION
    async def e(d):
        await asyncio.sleep(d); raise ValueError(d)
    async def ok(d):
        await asyncio.sleep(d); return d
    ts = [asyncio.create_task(ok(0.1), name="ok1"), asyncio.create_task(e(0.2), name="e"), asyncio.create_task(ok(0.3), name="ok3")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)
    ts[1].exception()
    # event wait with timeout
    ev = asyncio.Event()
    try:
        async with asyncio.timeout(0.1):
            await ev.wait()
    except TimeoutError:
        print("ev timeout", len(ev._waiters))
    # lock acquire cancelled while lock being handed over
    lock = asyncio.Lock()
    await lock.acquire()
    a1 = asyncio.create_task(lock.acquire())
    a2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    a1.cancel()
    await asyncio.sleep(0)
    print("a1", a1.cancelled(), "a2", a2.done(), lock.locked())
    await asyncio.sleep(0)
    print("a2", a2.done(), lock.locked())


# A waiter woken and cancelled in the same iteration passes the wake-up on (Condition, Semaphore, Queue
# get/put, Lock), as 3.13 does; an Event waiter cancelled after set() is cancelled.
async def wakeups_passed_on():
    cond = asyncio.Condition()
    async def w(n):
        async with cond:
            try:
                await cond.wait()
                print("woke", n)
            except asyncio.CancelledError:
                print("cancelled", n)
                raise
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        ts[0].cancel()
    await asyncio.sleep(0.1)
    print([t.done() for t in ts])
    async with cond:
        cond.notify(1)
        ts[1].cancel()
        ts[2].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    # semaphore: release then cancel the woken waiter
    sem = asyncio.Semaphore(0)
    async def s(n):
        try:
            await sem.acquire()
            print("sem got", n)
        except asyncio.CancelledError:
            print("sem cancelled", n)
            raise
    ss = [asyncio.create_task(s(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()
    ss[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print([t.done() for t in ss], sem._value)
    sem.release(); sem.release()
    await asyncio.gather(*ss, return_exceptions=True)
    print(sem._value)
    # queue getter cancelled after put
    q = asyncio.Queue()
    async def g(n):
        try:
            print("got", n, await q.get())
        except asyncio.CancelledError:
            print("get cancelled", n)
            raise
    gs = [asyncio.create_task(g(i)) for i in range(2)]
    await asyncio.sleep(0)
    q.put_nowait("item")
    gs[0].cancel()
    await asyncio.sleep(0.1)
    print([t.done() for t in gs], q.qsize())
    gs[1].cancel()
    await asyncio.gather(*gs, return_exceptions=True)
    # putter cancelled after a get frees a slot
    q = asyncio.Queue(1)
    q.put_nowait(0)
    async def p(n):
        try:
            await q.put(n)
            print("put", n)
        except asyncio.CancelledError:
            print("put cancelled", n)
            raise
    ps = [asyncio.create_task(p(i)) for i in (1, 2)]
    await asyncio.sleep(0)
    print(q.get_nowait())
    ps[0].cancel()
    await asyncio.sleep(0.1)
    print([t.done() for t in ps], q.qsize(), list(q._queue))
    # event set then waiter cancelled
    ev = asyncio.Event()
    async def e():
        try:
            print("ev", await ev.wait())
        except asyncio.CancelledError:
            print("ev cancelled")
            raise
    et = asyncio.create_task(e())
    await asyncio.sleep(0)
    ev.set()
    et.cancel()
    await asyncio.gather(et, return_exceptions=True)
    # lock: release, cancel woken, third gets it
    lock = asyncio.Lock()
    await lock.acquire()
    async def l(n):
        try:
            async with lock:
                print("lock", n)
        except asyncio.CancelledError:
            print("lock cancelled", n)
            raise
    ls = [asyncio.create_task(l(i)) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()
    ls[0].cancel()
    await asyncio.gather(*ls, return_exceptions=True)
    print(lock.locked())


run_tests(
    primitives_basics,
    primitives_under_cancellation,
    wakeups_passed_on,
)
