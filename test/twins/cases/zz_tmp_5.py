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


async def f1():
    asyncio.get_running_loop().call_soon(lambda: out("s4", "call_soon", now()))
    out("s5", "at", now())
    await asyncio.sleep(0.2)
    await asyncio.sleep(0.9)
    return "f1"


async def f2():
    cancel("s6", "t1", R.get("t1"), "by s6")
    on_done("s7", "t1", R.get("t1"))
    out("s8", "at", now())
    await asyncio.sleep(0.8)
    await await_task("s9", "t1", R.get("t1"))
    raise ValueError("f2")


async def f3():
    raise ValueError("s11")


async def f4():
    cancel("s14", "t1", R.get("t1"), "by s14")
    cancel("s15", "t2", R.get("t2"))
    status("s16", "t2", R.get("t2"))
    raise ValueError("f4")


async def main():
    try:
        try:
            async with asyncio.timeout(0.6):
                await asyncio.sleep(0.7)
                await asyncio.sleep(1)
            out("s1", "timeout block done", now())
        except TimeoutError:
            out("s1", "timeout block expired", now())
        out("s2", "at", now())
        out("s3", "at", now())
        await asyncio.sleep(0.2)
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        try:
            async with asyncio.TaskGroup() as tg2:
                tg2.create_task(f3(), name="g1")
                await await_task("s12", "t2", t2)
            out("s10", "tg done", now())
        except ExceptionGroup as e:
            out("s10", "tg raised", rep(e), now())
        out("s13", "f4 ->", repr(await f4()))
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
