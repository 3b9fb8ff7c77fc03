# Writes to stdout in every way a program might; the probe must leave the bytes alone.
import asyncio
import sys

print("before the loop", end="")
print(" — same line, then ünïcødé ✓")


async def child():
    print("in child", 1, 2.5, None, sep="|")
    sys.stdout.write("partial ")
    await asyncio.sleep(0)
    sys.stdout.write("line\n")
    print("to stderr", file=sys.stderr)
    sys.stdout.buffer.write(b"bytes line\n")
    print("flushed", flush=True)


def callback():
    print("in a callback")


async def main():
    asyncio.get_running_loop().call_soon(callback)
    await asyncio.create_task(child())
    sys.stdout.writelines(["two\n", "lines\n"])


asyncio.run(main())
print("after the loop")
print("and a last line without its newline", end="")
