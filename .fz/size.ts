import fc from "fast-check";
import { program, rawProgram } from "../test/fuzz/gen.ts";
const ps = fc.sample(rawProgram, { seed: 1, numRuns: 500 });
function count(x: any): number { if (Array.isArray(x)) return x.reduce((a, y) => a + count(y), 0); if (x && typeof x === "object") return ("k" in x ? 1 : 0) + Object.values(x).reduce((a: number, y) => a + count(y), 0); return 0; }
const c = ps.map(count).sort((a,b)=>a-b);
console.log("stmts: median", c[250], "p90", c[450], "max", c[499], "mainlen", ps.map(p=>p.main.body.length).reduce((a,b)=>a+b)/500);
const kinds = new Map<string, number>(); function walk(x: any) { if (Array.isArray(x)) x.forEach(walk); else if (x && typeof x === "object") { if ("k" in x) kinds.set(x.k, (kinds.get(x.k) ?? 0) + 1); Object.values(x).forEach(walk); } }
ps.forEach(walk); console.log([...kinds].sort((a,b)=>b[1]-a[1]));
