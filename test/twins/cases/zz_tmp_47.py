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


async def f2():
    out("s9", "at", now())
    return "f2"


async def f1():
    try:
        await asyncio.sleep(1)
        out("s4", "at", now())
        out("s5", "at", now())
        out("s6", "at", now())
    except asyncio.CancelledError as e:
        out("s3", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
        out("s3", "uncancel ->", asyncio.current_task().uncancel())
    except ValueError as e:
        out("s3", "caught", rep(e))
    try:
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
    except ValueError as e:
        out("s7", "caught", rep(e))
    finally:
        out("s7", "finally", now())
    cancel("s10", "t2", R.get("t2"))
    raise ValueError("f1")


async def f3():
    cancel("s12", "t2", R.get("t2"), "by s12")
    asyncio.get_running_loop().call_soon(lambda: out("s13", "call_soon", now()))
    asyncio.get_running_loop().call_soon(lambda: out("s14", "call_soon", now()))
    out("s15", "at", now())
    await asyncio.sleep(0.2)
    await await_task("s16", "t1", R.get("t1"))
    raise ValueError("f3")


async def main():
    try:
        asyncio.get_running_loop().call_soon(lambda: out("s1", "call_soon", now()))
        try:
            async with asyncio.timeout(0.8):
                pass
            out("s2", "timeout block done", now())
        except TimeoutError:
            out("s2", "timeout block expired", now())
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
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
