"""Prints the send buffer of the probe's events descriptor (fd 3, a socket from Node's stdio "pipe")."""

import asyncio
import socket


async def main():
    sock = socket.socket(fileno=3)
    try:
        print(sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF))
    finally:
        sock.detach()


asyncio.run(main())
