# tmp
import asyncio

R = {}
NOTES = []
S = {"ending": False}


def reset():
    R.clear()
    NOTES.clear()
    S["ending"] = False


def out(*args):
    if not S["ending"]:
        print(*args)


def note(*args):
    if not S["ending"]:
        NOTES.append(" ".join(str(a) for a in args))


def now():
    return f"{asyncio.get_running_loop().time():.1f}"


def rep(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join(sorted(rep(x) for x in e.exceptions))}])"
    return repr(e)


def rl(values):
    return "[" + ", ".join(rep(v) if isinstance(v, BaseException) else repr(v) for v in values) + "]"


def state(t):
    if not t.done():
        return f"pending({t.cancelling()})"
    if t.cancelled():
        return "cancelled"
    e = t.exception()
    return f"raised {rep(e)}" if e is not None else f"result {t.result()!r}"


def status(label, name, t):
    out(label, name, "absent" if t is None else state(t))


def cancel(label, name, t, msg=None):
    out(label, "cancel", name, "absent" if t is None else t.cancel(msg))


def on_done(label, name, t, quiet=False):
    if t is None:
        out(label, "on_done", name, "absent")
        return
    t.add_done_callback(lambda t: (note if quiet else out)(label, "done", t.get_name(), state(t)))


async def await_task(label, name, t):
    if t is None:
        out(label, "await", name, "absent")
        return
    try:
        out(label, "await", name, "->", repr(await t))
    except Exception as e:
        out(label, "await", name, "raised", rep(e))


async def finish():
    try:
        if left := [t for t in R.values() if not t.done()]:
            await asyncio.wait(left, timeout=2)
        while left := [t for t in R.values() if not t.done()]:
            out("cleanup", [t.get_name() for t in left])
            for t in left:
                t.cancel("cleanup")
            await asyncio.gather(*left, return_exceptions=True)
    finally:
        S["ending"] = True


async def f2():
    await asyncio.sleep(0.8)
    await asyncio.sleep(0.7)
    await asyncio.sleep(0)
    return "f2"


async def f3():
    out("s6", "at", now())
    raise ValueError("f3")


async def f4():
    await asyncio.sleep(0.6)
    await asyncio.sleep(0)
    out("s7", "at", now())


async def f5():
    raise ValueError("f5")


async def f1():
    t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
    try:
        await asyncio.sleep(0.3)
        cancel("s3", "t2", t2)
    except asyncio.CancelledError as e:
        out("s2", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
    finally:
        out("s2", "finally", now())
    try:
        out("s4", "gather ->", rl(await asyncio.gather(t2, return_exceptions=True)))
    except Exception as e:
        out("s4", "gather raised", rep(e))
    try:
        async with asyncio.TaskGroup() as tg1:
            tg1.create_task(f3(), name="g1")
            tg1.create_task(f4(), name="g2")
            tg1.create_task(f5(), name="g3")
            cancel("s8", "t2", t2, "by s8")
            await asyncio.sleep(0.9)
            out("s9", "at", now())
        out("s5", "tg done", now())
    except ExceptionGroup as e:
        out("s5", "tg raised", rep(e), now())
    cancel("s10", "t2", t2, "by s10")


async def f7():
    out("s11", "at", now())
    on_done("s12", "t2", R.get("t2"))
    out("s13", "at", now())
    raise ValueError("f7")


async def f6():
    t4 = R["t4"] = asyncio.create_task(f7(), name="t4")
    cancel("s14", "t1", R.get("t1"), "by s14")
    try:
        out("s16", "cancel self", asyncio.current_task().cancel("self s16"))
        await asyncio.sleep(0.9)
        status("s17", "t2", R.get("t2"))
        out("s18", "at", now())
        raise ValueError("s19")
    except asyncio.CancelledError as e:
        out("s15", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
    finally:
        out("s15", "finally", now())
    try:
        out("s20", "gather ->", rl(await asyncio.gather(t4)))
    except Exception as e:
        out("s20", "gather raised", rep(e))


async def f10():
    raise ValueError("f10")


async def f11():
    await asyncio.sleep(0.9)
    return "f11"


async def f9():
    t6 = asyncio.create_task(f10(), name="t6")
    await await_task("s23", "t6", t6)
    t7 = asyncio.create_task(f11(), name="t7")
    return "f9"


async def f12():
    await asyncio.sleep(0.9)
    await asyncio.sleep(0.9)
    await asyncio.sleep(0.5)


async def f8():
    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(f9(), name="g4")
            tg2.create_task(f12(), name="g5")
            await asyncio.sleep(0.3)
            await await_task("s24", "t2", R.get("t2"))
            out("s25", "at", now())
            await await_task("s26", "t3", R.get("t3"))
            await asyncio.sleep(0)
        out("s22", "tg done", now())
    except ExceptionGroup as e:
        out("s22", "tg raised", rep(e), now())
    await await_task("s27", "t1", R.get("t1"))
    raise ValueError("f8")


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t3 = R["t3"] = asyncio.create_task(f6(), name="t3")
        try:
            async for t in asyncio.as_completed([t1, t3], timeout=1):
                out("s1", "next", t.get_name(), state(t), now())
            out("s1", "as_completed done", now())
        except TimeoutError:
            out("s1", "as_completed timeout", now())
        t5 = R["t5"] = asyncio.create_task(f8(), name="t5")
        for f in asyncio.as_completed([t5], timeout=0.3):
            try:
                out("s21", "next ->", repr(await f), now())
            except TimeoutError:
                out("s21", "next timeout", now())
            except Exception as e:
                out("s21", "next raised", rep(e), now())
        raise ValueError("main")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
