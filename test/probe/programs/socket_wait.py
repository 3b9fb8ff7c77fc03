# A registered socket makes the virtual clock follow real time while it is open.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    loop.call_later(0.2, b.send, b"x")  # a timer: with the socket registered it fires in real time
    data = await loop.sock_recv(a, 1)
    print("received", data, f"at {loop.time():.1f}")
    a.close()
    b.close()


asyncio.run(main())
