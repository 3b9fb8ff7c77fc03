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
    out("s7", "at", now())


async def main():
    try:
        try:
            out("s2", "at", now())
            try:
                async with asyncio.timeout(0.3):
                    out("s4", "at", now())
                    out("s5", "at", now())
                out("s3", "timeout block done", now())
            except TimeoutError:
                out("s3", "timeout block expired", now())
            try:
                out("s6", "gather ->", rl(await asyncio.gather(f1())))
            except Exception as e:
                out("s6", "gather raised", rep(e))
        except Exception as e:
            out("s1", "caught", rep(e))
        finally:
            out("s1", "finally", now())
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
