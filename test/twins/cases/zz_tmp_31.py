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


def now():
    return f"{asyncio.get_running_loop().time():.1f}"


def rep(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join(sorted(rep(x) for x in e.exceptions))}])"
    return repr(e)


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


async def f1():
    try:
        await asyncio.sleep(0.3)
    except asyncio.CancelledError as e:
        out("s2", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
        raise
    out("s3", "at", now())
    return "f1"


async def f2():
    await asyncio.sleep(0.7)
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(0.3)
        await asyncio.sleep(0.6)
    except asyncio.CancelledError as e:
        out("s4", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
        out("s4", "uncancel ->", asyncio.current_task().uncancel())
    except Exception as e:
        out("s4", "caught", rep(e))
    cancel("s5", "t1", R.get("t1"))


async def f3():
    out("s6", "at", now())
    status("s7", "t2", R.get("t2"))
    out("s8", "at", now())
    await await_task("s9", "t1", R.get("t1"))
    status("s10", "t2", R.get("t2"))
    raise ValueError("f3")


async def f5():
    pass


async def f6():
    await asyncio.sleep(0.3)
    status("s17", "t2", R.get("t2"))
    await asyncio.sleep(0.8)
    await asyncio.sleep(0.4)
    return "f6"


async def f4():
    try:
        async with asyncio.timeout(0.9):
            t5 = R["t5"] = asyncio.create_task(f5(), name="t5")
        out("s13", "timeout block done", now())
    except TimeoutError:
        out("s13", "timeout block expired", now())
    out("s14", "cancel self", asyncio.current_task().cancel("self s14"))
    asyncio.get_running_loop().call_later(0.7, lambda: out("s15", "call_later", now()))
    out("s16", "f6 ->", repr(await f6()))
    return "f4"


async def f7():
    return "f7"


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
        for f in asyncio.as_completed([t1, t2, t3], timeout=0.9):
            try:
                out("s1", "next ->", repr(await f), now())
            except TimeoutError:
                out("s1", "next timeout", now())
            except Exception as e:
                out("s1", "next raised", rep(e), now())
        out("s11", "at", now())
        t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
        t6 = R["t6"] = asyncio.create_task(f7(), name="t6")
        for f in asyncio.as_completed([t4, t6], timeout=0.8):
            try:
                out("s12", "next ->", repr(await f), now())
            except TimeoutError:
                out("s12", "next timeout", now())
            except Exception as e:
                out("s12", "next raised", rep(e), now())
        await asyncio.sleep(0.9)
        return "main"
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
