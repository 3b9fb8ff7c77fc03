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
    out("s5", "at", now())
    return "f1"


async def f2():
    try:
        cancel("s10", "t1", R.get("t1"))
        await asyncio.sleep(0.9)
        cancel("s11", "t1", R.get("t1"), "by s11")
        raise ValueError("s12")
    except asyncio.CancelledError as e:
        out("s9", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
        out("s9", "uncancel ->", asyncio.current_task().uncancel())
    except Exception as e:
        out("s9", "caught", rep(e))
    return "f2"


async def f3():
    try:
        await asyncio.sleep(0.9)
        cancel("s15", "t1", R.get("t1"))
        await asyncio.sleep(0.1)
    except asyncio.CancelledError as e:
        out("s14", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
        raise ValueError("s14")
    except Exception as e:
        out("s14", "caught", rep(e))
    finally:
        out("s14", "finally", now())
    cancel("s16", "t1", R.get("t1"))


async def main():
    try:
        try:
            asyncio.get_running_loop().call_soon(lambda: out("s2", "call_soon", now()))
            await asyncio.sleep(1)
            out("s3", "at", now())
            out("s4", "at", now())
        except ValueError as e:
            out("s1", "caught", rep(e))
        finally:
            out("s1", "finally", now())
        await asyncio.sleep(0)
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        cancel("s7", "t1", t1)
        out("s8", "f2 ->", repr(await f2()))
        t2 = R["t2"] = asyncio.create_task(f3(), name="t2")
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
