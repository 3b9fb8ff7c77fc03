import fc from "fast-check";
import { rawProgram } from "../test/fuzz/gen.ts";
const seed = 42;
const sample = fc.sample(rawProgram, { seed, numRuns: 50 }).map((v) => JSON.stringify(v));
const seen: string[] = [];
fc.check(fc.property(rawProgram, (v) => { seen.push(JSON.stringify(v)); return true; }), { seed, numRuns: 50 });
console.log("same sequence:", sample.every((s, i) => s === seen[i]));
// path replay of index 37: the first value the predicate sees
let first: string | undefined;
const r = fc.check(fc.property(rawProgram, (v) => { first ??= JSON.stringify(v); return false; }), { seed, path: "37" });
console.log("path replays index 37:", first === sample[37], "counterexample path", r.counterexamplePath);
