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
    out("s2", "at", now())


async def f2():
    await asyncio.sleep(0)
    on_done("s3", "t1", R.get("t1"))
    raise ValueError("s4")


async def f3():
    raise ValueError("s8")


async def f4():
    out("s9", "cancel self", asyncio.current_task().cancel("self s9"))
    await asyncio.sleep(0.4)
    out("s10", "at", now())
    raise ValueError("f4")


async def f5():
    return "f5"


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        try:
            async for t in asyncio.as_completed([t1], timeout=0.5):
                out("s1", "next", t.get_name(), state(t), now())
            out("s1", "as_completed done", now())
        except TimeoutError:
            out("s1", "as_completed timeout", now())
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        try:
            out("s6", "gather ->", rl(await asyncio.gather(t1)))
        except Exception as e:
            out("s6", "gather raised", rep(e))
        await asyncio.sleep(0.8)
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f3(), name="g1")
                tg1.create_task(f4(), name="g2")
                await await_task("s11", "t2", t2)
                await asyncio.sleep(0.5)
                await asyncio.sleep(1)
                out("s12", "at", now())
            out("s7", "tg done", now())
        except ExceptionGroup as e:
            out("s7", "tg raised", rep(e), now())
        t3 = R["t3"] = asyncio.create_task(f5(), name="t3")
        out("s13", "at", now())
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
