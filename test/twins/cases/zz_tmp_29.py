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
    return "f1"


async def f2():
    await asyncio.sleep(0.8)
    out("s2", "at", now())
    return "f2"


async def f3():
    await asyncio.sleep(0.6)
    out("s3", "at", now())
    cancel("s4", "t1", R.get("t1"), "by s4")
    cancel("s5", "t1", R.get("t1"), "by s5")
    cancel("s6", "t1", R.get("t1"), "by s6")
    return "f3"


async def main():
    try:
        out("s1", "f1 ->", repr(await f1()))
        t1 = R["t1"] = asyncio.create_task(f2(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f3(), name="t2")
        asyncio.get_running_loop().call_soon(lambda: out("s7", "call_soon", now()))
        try:
            out("s8", "shield ->", repr(await asyncio.shield(t1)))
        except Exception as e:
            out("s8", "shield raised", rep(e))
        cancel("s9", "t1", t1)
        try:
            await await_task("s11", "t2", t2)
            await await_task("s12", "t1", t1)
            await await_task("s13", "t2", t2)
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            out("s10", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
            raise ValueError("s10")
        except Exception as e:
            out("s10", "caught", rep(e))
        finally:
            out("s10", "finally", now())
        cancel("s14", "t1", t1, "by s14")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
