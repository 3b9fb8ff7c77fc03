import asyncio
import sys


async def main():
    print(sys.argv[1:])
    print(sys.path[0] == __import__("os").path.dirname(__file__))


asyncio.run(main())
