"""Print every test method of the CPython test files this suite ports, one `file::Class::method` a line.

A method is listed under the class that defines it (a base class's tests run
again in its C and Python variants: one port covers them), or under the
module-level function that defines it (test_tasks.py's add_subclass_tests).
"""

import ast
import os
import sys

import test.test_asyncio as package

FILES = sys.argv[1:]


def tests_in(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            for child in node.body:
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and child.name.startswith("test"):
                    yield f"{node.name}::{child.name}"


def main():
    here = os.path.dirname(package.__file__)
    for name in FILES:
        for test in tests_in(os.path.join(here, name)):
            print(f"{name}::{test}")


if __name__ == "__main__":
    main()
