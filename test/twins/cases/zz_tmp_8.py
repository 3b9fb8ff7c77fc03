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
    await asyncio.sleep(0.9)
    await asyncio.sleep(0.7)
    await asyncio.sleep(1)
    await asyncio.sleep(0.3)


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        out("s1", "at", now())
        await asyncio.sleep(0.3)
        on_done("s2", "t1", t1)
        try:
            out("s3", "gather ->", rl(await asyncio.gather(t1)))
        except Exception as e:
            out("s3", "gather raised", rep(e))
        try:
            out("s4", "shield ->", repr(await asyncio.shield(t1)))
        except Exception as e:
            out("s4", "shield raised", rep(e))
        try:
            out("s5", "wait_for ->", repr(await asyncio.wait_for(t1, timeout=1)))
        except TimeoutError:
            out("s5", "wait_for timeout", now())
        except Exception as e:
            out("s5", "wait_for raised", rep(e))
        cancel("s6", "t1", t1)
        try:
            out("s8", "at", now())
            await await_task("s9", "t1", t1)
            cancel("s10", "t1", t1, "by s10")
            out("s11", "cancel self", asyncio.current_task().cancel("self s11"))
            out("s12", "at", now())
        except asyncio.CancelledError as e:
            out("s7", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
            raise ValueError("s7")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
