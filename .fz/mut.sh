#!/bin/bash
# usage: mut.sh FILE SED_EXPR  — mutate a copy of the runtime and fuzz it
cd /work/main/.fz/m
rm -rf src && cp -r /work/main/src src
sed -i "$2" "src/runtime/$1"
if diff -q "src/runtime/$1" "/work/main/src/runtime/$1" >/dev/null; then echo "mutation did not apply"; exit 1; fi
cd /work/main
for s in 1 2; do node --import tsx .fz/mbatch.ts $s 1000 | head -6 2>/dev/null; done
