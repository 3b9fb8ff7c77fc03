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
    out("s2", "at", now())
    try:
        async with asyncio.timeout(0.4):
            try:
                await asyncio.sleep(0.3)
                await asyncio.sleep(0.7)
            except asyncio.CancelledError as e:
                out("s4", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
                raise
            finally:
                out("s4", "finally", now())
        out("s3", "timeout block done", now())
    except TimeoutError:
        out("s3", "timeout block expired", now())
    try:
        await asyncio.sleep(0.2)
        await asyncio.sleep(0.1)
        await asyncio.sleep(0)
    except Exception as e:
        out("s5", "caught", rep(e))
    await asyncio.sleep(1)


async def f2():
    pass


async def f3():
    asyncio.get_running_loop().call_later(1, lambda: out("s11", "call_later", now()))
    await asyncio.sleep(0.9)
    raise ValueError("f3")


async def f4():
    await asyncio.sleep(0.1)
    out("s12", "at", now())
    await asyncio.sleep(1)


async def f5():
    return "f5"


async def f6():
    await await_task("s15", "t1", R.get("t1"))
    out("s16", "at", now())
    out("s17", "at", now())
    status("s18", "t1", R.get("t1"))
    out("s19", "at", now())
    status("s20", "t1", R.get("t1"))


async def f7():
    await asyncio.sleep(0)
    raise ValueError("s22")


async def f8():
    await asyncio.sleep(0.8)
    cancel("s24", "t1", R.get("t1"), "by s24")
    await asyncio.sleep(0.6)
    await await_task("s25", "t1", R.get("t1"))
    return "f8"


async def f9():
    pass


async def f10():
    await asyncio.sleep(0.5)
    raise ValueError("f10")


async def f11():
    await asyncio.sleep(0.4)
    await asyncio.sleep(0.2)
    out("s27", "at", now())
    out("s28", "cancel self", asyncio.current_task().cancel("self s28"))
    raise ValueError("f11")


async def main():
    try:
        out("s1", "f1 ->", repr(await f1()))
        try:
            async with asyncio.timeout(0.2):
                out("s8", "cancel self", asyncio.current_task().cancel("self s8"))
                await asyncio.sleep(0.1)
                out("s9", "cancel self", asyncio.current_task().cancel("self s9"))
            out("s7", "timeout block done", now())
        except TimeoutError:
            out("s7", "timeout block expired", now())
        t1 = R["t1"] = asyncio.create_task(f2(), name="t1")
        try:
            async with asyncio.TaskGroup() as tg3:
                tg3.create_task(f3(), name="g1")
                tg3.create_task(f4(), name="g2")
                tg3.create_task(f5(), name="g3")
                try:
                    out("s13", "gather ->", rl(await asyncio.gather(t1, return_exceptions=True)))
                except Exception as e:
                    out("s13", "gather raised", rep(e))
                try:
                    out("s14", "gather ->", rl(await asyncio.gather(t1, f6())))
                except Exception as e:
                    out("s14", "gather raised", rep(e))
                try:
                    async with asyncio.TaskGroup() as tg4:
                        tg4.create_task(f7(), name="g4")
                        asyncio.get_running_loop().call_later(0.3, lambda: out("s23", "call_later", now()))
                        t2 = R["t2"] = asyncio.create_task(f8(), name="t2")
                        try:
                            async with asyncio.TaskGroup() as tg5:
                                tg5.create_task(f9(), name="g5")
                                tg5.create_task(f10(), name="g6")
                                tg5.create_task(f11(), name="g7")
                                cancel("s29", "t2", t2)
                            out("s26", "tg done", now())
                        except ExceptionGroup as e:
                            out("s26", "tg raised", rep(e), now())
                    out("s21", "tg done", now())
                except ExceptionGroup as e:
                    out("s21", "tg raised", rep(e), now())
            out("s10", "tg done", now())
        except ExceptionGroup as e:
            out("s10", "tg raised", rep(e), now())
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
