# Edge programs written while hunting divergences (issue 16, round 3): not ports of CPython's tests, but compared with CPython 3.13 the same way.
import asyncio
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from harness import norm, run_tests  # noqa: E402


async def child(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(e), e.args, asyncio.current_task().cancelling())
        raise

# Cancel messages, cancelling() counts, gather(return_exceptions) over a cancelled child, timeouts nested and wait_for cancelled from outside.
async def cancel_messages_and_counts():
    t = asyncio.create_task(child("a", 1), name="a")
    await asyncio.sleep(0)
    print(t.cancel("m1"), t.cancel("m2"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", repr(e), e.args, asyncio.current_task().cancelling())
    print(t.cancelled(), t.cancelling(), t.cancel(), t.cancelling())
    # gather return_exceptions with a cancelled child
    t1 = asyncio.create_task(child("b", 0.1), name="b")
    t2 = asyncio.create_task(child("c", 1), name="c")
    async def killer():
        await asyncio.sleep(0.05)
        t2.cancel("killed")
    asyncio.create_task(killer())
    r = await asyncio.gather(t1, t2, return_exceptions=True)
    print([repr(x) for x in r])
    # gather itself cancelled, return_exceptions=True
    t3 = asyncio.create_task(child("d", 1), name="d")
    g = asyncio.gather(t3, asyncio.sleep(2), return_exceptions=True)
    await asyncio.sleep(0)
    print(g.cancel("gmsg"))
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("gather cancelled", repr(e))
    print(t3.cancelled())
    # timeout + uncancel counts
    try:
        async with asyncio.timeout(0.1) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError as e:
                print("in timeout", repr(e), asyncio.current_task().cancelling())
                raise
    except TimeoutError as e:
        print("timeout", repr(e), repr(e.__cause__), asyncio.current_task().cancelling(), cm.expired())
    # nested timeouts
    try:
        async with asyncio.timeout(0.2):
            async with asyncio.timeout(0.1):
                await asyncio.sleep(1)
    except TimeoutError:
        print("inner fired, outer?", asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(0.1):
            try:
                async with asyncio.timeout(0.2):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout caught - wrong")
    except TimeoutError:
        print("outer fired", asyncio.current_task().cancelling())
    # wait_for with cancel from outside
    async def w():
        try:
            await asyncio.wait_for(asyncio.sleep(5), 1)
        except asyncio.CancelledError as e:
            print("w cancelled", repr(e), asyncio.current_task().cancelling())
            raise
    wt = asyncio.create_task(w())
    await asyncio.sleep(0.1)
    wt.cancel("outer")
    try:
        await wt
    except asyncio.CancelledError as e:
        print("wt", repr(e))
    print(asyncio.get_running_loop().time() >= 0)


async def boom(d, msg="boom"):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "done")
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(e), asyncio.current_task().cancelling())
        raise

def eg_str(e):
    return f"{type(e).__name__}: {e} {[repr(x) for x in getattr(e, 'exceptions', [])]}"

# TaskGroups inside and around timeouts, bodies and children failing, outer cancels, create_task on a finished group, an expired reschedule.
async def taskgroup_timeout_interplay():
    # 1 tg inside timeout: timeout fires
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sleeper("s1", 1))
                tg.create_task(sleeper("s2", 0.05))
    except TimeoutError as e:
        print("1", repr(e), asyncio.current_task().cancelling())
    # 2 timeout inside tg body, child errors first
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(0.05))
            async with asyncio.timeout(0.1):
                await asyncio.sleep(1)
    except* ValueError as eg:
        print("2", eg_str(eg))
    except* TimeoutError as eg:
        print("2t", eg_str(eg))
    print("2 cancelling", asyncio.current_task().cancelling())
    # 3 body raises while children run
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("s3", 1))
            await asyncio.sleep(0.01)
            raise KeyError("body")
    except BaseException as e:
        print("3", eg_str(e))
    # 4 two children fail
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(0.1, "x"))
            tg.create_task(boom(0.1, "y"))
            tg.create_task(sleeper("s4", 1))
    except BaseException as e:
        print("4", eg_str(e))
    # 5 outer cancel of task in tg
    async def runner():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sleeper("s5", 1))
                await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("5 runner", repr(e), asyncio.current_task().cancelling())
            raise
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    r.cancel("stop")
    try:
        await r
    except asyncio.CancelledError as e:
        print("5", repr(e))
    # 6 outer cancel while children failing
    async def runner2():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(0.1))
            await asyncio.sleep(1)
    r = asyncio.create_task(runner2())
    await asyncio.sleep(0.1)
    r.cancel()
    try:
        await r
    except BaseException as e:
        print("6", eg_str(e), r.cancelling() if not r.done() else "done")
    # 7 create_task on finished tg
    async with asyncio.TaskGroup() as tg:
        pass
    c = sleeper("never", 1)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("7", repr(e))
    # 8 child cancels itself
    async def selfcancel():
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(selfcancel())
    print("8", t.cancelled())
    # 9 gather inside tg child, tg aborted
    async def gath():
        try:
            await asyncio.gather(sleeper("g1", 1), sleeper("g2", 1))
        except asyncio.CancelledError as e:
            print("9 gath", repr(e))
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(gath())
            tg.create_task(boom(0.1))
    except* ValueError as eg:
        print("9", eg_str(eg))
    # 10 timeout reschedule expired
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(asyncio.get_running_loop().time() - 1)
            print("10 expired?", cm.expired())
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("10 timeout", cm.expired(), cm.when() is not None)


async def val(x, d=0):
    await asyncio.sleep(d)
    return x

async def swallow(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("swallowed", asyncio.current_task().cancelling())
        return "swallowed-value"

# Cancelled before starting, result()/exception() states, CancelledError raised by hand, wait_for/timeout over a task that swallows the cancel, shield, gather and wait options, a raising done callback, uncancel then timeout, leftovers at shutdown.
async def cancel_corners():
    # cancel before start
    async def never():
        print("never runs")
    t = asyncio.create_task(never())
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("early", repr(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception()", repr(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result()", repr(e))
    p = asyncio.create_task(val(1, 1))
    try:
        p.result()
    except asyncio.InvalidStateError as e:
        print(repr(e))
    try:
        p.exception()
    except asyncio.InvalidStateError as e:
        print(repr(e))
    p.cancel()
    # raise CancelledError inside
    async def raiser():
        await asyncio.sleep(0)
        raise asyncio.CancelledError("self-raised")
    t = asyncio.create_task(raiser())
    try:
        await t
    except asyncio.CancelledError as e:
        print("raiser", repr(e), t.cancelled(), t.cancelling())
    # wait_for with swallowing inner
    r = await asyncio.wait_for(swallow(1), 0.1)
    print("wait_for swallow ->", r, asyncio.current_task().cancelling())
    # timeout with swallowing inner
    async with asyncio.timeout(0.1) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallow in timeout")
    print("after timeout block", cm.expired(), asyncio.current_task().cancelling())
    # shield
    inner = asyncio.create_task(val("inner", 0.2))
    async def outer():
        return await asyncio.shield(inner)
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    o.cancel("shield-cancel")
    try:
        await o
    except asyncio.CancelledError as e:
        print("outer", repr(e), inner.done())
    print("inner", await inner)
    # gather not return_exceptions: first exception propagates, others continue
    async def bad(d):
        await asyncio.sleep(d)
        raise ValueError(d)
    c1 = asyncio.create_task(val("slow", 0.3))
    try:
        await asyncio.gather(bad(0.1), c1, bad(0.2))
    except ValueError as e:
        print("gather raised", repr(e), c1.done())
    print(await c1)
    await asyncio.sleep(0.2)
    # gather of done tasks, cancel returns False
    d1 = asyncio.create_task(val(1))
    await d1
    g = asyncio.gather(d1)
    print("gather cancel", g.cancel(), await g)
    # gather same coroutine object twice
    co = val(7)
    print(await asyncio.gather(co, co))
    # wait with timeout
    ts = [asyncio.create_task(val(i, i / 10), name=f"v{i}") for i in range(4)]
    done, pending = await asyncio.wait(ts, timeout=0.15)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    # done callback raising
    def cb(f):
        raise RuntimeError("cb failed")
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(cb)
    f.set_result(1)
    await asyncio.sleep(0)
    print("after cb")
    # uncancel then timeout works again
    async def uc():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("uc", asyncio.current_task().uncancel())
        try:
            async with asyncio.timeout(0.1):
                await asyncio.sleep(1)
        except TimeoutError:
            print("uc timeout", asyncio.current_task().cancelling())
        return "uc-done"
    u = asyncio.create_task(uc())
    await asyncio.sleep(0)
    u.cancel()
    print(await u)
    # leftover tasks at shutdown
    async def leftover(n):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("leftover", n, repr(e))
            raise
    asyncio.create_task(leftover(1))
    asyncio.create_task(leftover(2))
    await asyncio.sleep(0)
    print("main end")


n = norm

async def bad(d, m="bad"):
    await asyncio.sleep(d)
    raise ValueError(m)

# Gather with a cancelled child, nested groups, reprs, wait_for(…, 0), as_completed with a timeout, a group child cancelling itself, a TimeoutError's cause, timeout_at in the past.
async def cancel_propagation_and_reprs():
    loop = asyncio.get_running_loop()
    # gather: a child cancelled, no return_exceptions
    c = asyncio.create_task(val(1, 1), name="c")
    g = asyncio.gather(c, val(2, 0.5))
    await asyncio.sleep(0.1)
    c.cancel("child-msg")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather child cancel", repr(e), g.cancelled(), g.done())
    await asyncio.sleep(1)
    # nested taskgroups
    async def inner_tg():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.1, "inner"))
            tg.create_task(val(0, 1))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_tg())
            tg.create_task(bad(0.2, "outer"))
    except ExceptionGroup as e:
        print(repr(e))
        print(str(e), [repr(x) for x in e.exceptions])
    # reprs
    f = loop.create_future()
    print(n(repr(f)))
    f.set_exception(ValueError("x"))
    print(n(repr(f)))
    f.exception()
    f2 = loop.create_future(); f2.cancel("why")
    print(n(repr(f2)))
    t = asyncio.create_task(val(1), name="T")
    print(n(repr(t)))
    await t
    print(n(repr(t)))
    t = asyncio.create_task(bad(0), name="B")
    await asyncio.sleep(0.01)
    print(n(repr(t)))
    t.exception()
    print(str(asyncio.CancelledError("x")), str(asyncio.CancelledError()), repr(TimeoutError()))
    # wait_for timeout=0 and done future
    try:
        await asyncio.wait_for(val(1, 1), 0)
    except TimeoutError as e:
        print("wf0", repr(e))
    fd = loop.create_future(); fd.set_result(9)
    print(await asyncio.wait_for(fd, 0))
    # as_completed with timeout
    try:
        for aw in asyncio.as_completed([val("a", 0.1), val("b", 0.5)], timeout=0.2):
            print("ac", await aw)
    except TimeoutError as e:
        print("ac timeout", repr(e))
    await asyncio.sleep(0.5)
    # sleep negative with result
    print(await asyncio.sleep(-1, "neg"))
    # all_tasks
    print(len(asyncio.all_tasks()), asyncio.current_task() is not None)
    # task cancelled while awaiting future; future's state
    fut = loop.create_future()
    async def awaiter():
        return await fut
    a = asyncio.create_task(awaiter())
    await asyncio.sleep(0)
    a.cancel("aw")
    await asyncio.sleep(0)
    print("fut", fut.cancelled(), a.done())
    try:
        await a
    except asyncio.CancelledError as e:
        print("a", repr(e))
    # taskgroup child raises CancelledError itself (not propagated as error)
    async def cancel_self():
        raise asyncio.CancelledError()
    async with asyncio.TaskGroup() as tg:
        x = tg.create_task(cancel_self())
        y = tg.create_task(val(3, 0.1))
    print("tg self-cancel", x.cancelled(), y.result())
    # exception with __cause__ through wait_for timeout
    try:
        await asyncio.wait_for(val(1, 1), 0.1)
    except TimeoutError as e:
        print(repr(e), repr(e.__cause__), e.__suppress_context__)
    # timeout_at with past deadline
    try:
        async with asyncio.timeout_at(loop.time() - 5):
            print("body runs")
            await asyncio.sleep(0)
    except TimeoutError:
        print("timeout_at past")
    # TaskGroup where body is cancelled by a child failing, body catches CancelledError
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.1))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError as e:
                print("body cancelled", repr(e), asyncio.current_task().cancelling())
                raise
    except ExceptionGroup as e:
        print("eg", [repr(x) for x in e.exceptions], asyncio.current_task().cancelling())
    # result of cancel() during its own run
    async def cancel_me_then_sleep():
        print("cancel self ->", asyncio.current_task().cancel("own"))
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("own", repr(e))
            return "recovered"
    print(await asyncio.create_task(cancel_me_then_sleep()))


# A timeout and the awaited work due at the same loop time, a cancel and a timeout together, waiters and awaited tasks both cancelled, uncancel inside a timeout.
async def same_deadline_races():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(0.1)
        print("1 no timeout")
    except TimeoutError:
        print("1 timeout")
    t = asyncio.create_task(val("t", 0.1))
    try:
        async with asyncio.timeout(0.1):
            print("2", await t)
    except TimeoutError:
        print("2 timeout", t.done())
    try:
        print("3", await asyncio.wait_for(val(3, 0.1), 0.1))
    except TimeoutError:
        print("3 timeout")
    t = asyncio.create_task(val(4, 0.1))
    try:
        print("4", await asyncio.wait_for(t, 0.1))
    except TimeoutError:
        print("4 timeout", t.cancelled())
    # nested same deadline
    try:
        async with asyncio.timeout(0.1) as outer:
            async with asyncio.timeout(0.1) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print("5", outer.expired(), inner.expired())
    # gather cancel with msg
    g = asyncio.gather(val(1, 1), val(2, 1))
    await asyncio.sleep(0)
    g.cancel("gm")
    try:
        await g
    except asyncio.CancelledError as e:
        print("6", repr(e))
    # shield of task cancelled itself
    inner_t = asyncio.create_task(val(7, 1))
    s = asyncio.shield(inner_t)
    await asyncio.sleep(0)
    inner_t.cancel("inner-msg")
    try:
        await s
    except asyncio.CancelledError as e:
        print("7", repr(e), s.cancelled())
    # task awaiting a task that gets cancelled with msg
    a = asyncio.create_task(val(8, 1))
    async def waiter():
        try:
            return await a
        except asyncio.CancelledError as e:
            print("8 waiter", repr(e), asyncio.current_task().cancelling())
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    a.cancel("a-msg")
    try:
        await w
    except asyncio.CancelledError as e:
        print("8", repr(e), w.cancelled())
    # cancel both waiter and awaited
    a = asyncio.create_task(val(9, 1))
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel("w-msg")
    a.cancel("a-msg")
    try:
        await w
    except asyncio.CancelledError as e:
        print("9", repr(e))
    # same-time done order
    out = []
    ts = [asyncio.create_task(val(i, 0.1)) for i in range(3)]
    for t in reversed(ts):
        t.add_done_callback(lambda f: out.append(f.result()))
    await asyncio.gather(*ts)
    print("10", out)
    # as_completed same-time
    res = []
    for c in asyncio.as_completed([val("x", 0.1), val("y", 0.05), val("z", 0.1)]):
        res.append(await c)
    print("11", res)
    # wait_for with timeout None and cancellation
    async def wfn():
        return await asyncio.wait_for(val(12, 1), None)
    w = asyncio.create_task(wfn())
    await asyncio.sleep(0.1)
    w.cancel("wf")
    try:
        await w
    except asyncio.CancelledError as e:
        print("12", repr(e))
    # timeout: cancel arrives from outside while timeout also expires
    async def both():
        try:
            async with asyncio.timeout(0.1):
                await asyncio.sleep(1)
        except TimeoutError:
            print("13 timeout error (wrong?)")
        except asyncio.CancelledError as e:
            print("13 cancelled", repr(e), asyncio.current_task().cancelling())
            raise
    b = asyncio.create_task(both())
    loop.call_later(0.1, b.cancel, "ext")
    try:
        await b
    except asyncio.CancelledError as e:
        print("13", repr(e))
    # uncancel in timeout
    async def unc():
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("14 uncancel ->", asyncio.current_task().uncancel())
                await asyncio.sleep(0.05)
        print("14 after block", asyncio.current_task().cancelling())
    try:
        await asyncio.create_task(unc())
    except TimeoutError:
        print("14 timeout")
    except asyncio.CancelledError as e:
        print("14 cancelled", repr(e))


run_tests(
    cancel_messages_and_counts,
    taskgroup_timeout_interplay,
    cancel_corners,
    cancel_propagation_and_reprs,
    same_deadline_races,
)
