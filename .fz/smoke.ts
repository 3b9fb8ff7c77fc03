import fc from "fast-check";
import { program } from "../test/fuzz/gen.ts";
import { pythonScript, typescriptModule } from "../test/fuzz/render.ts";
const ps = fc.sample(program, { seed: 1, numRuns: 5 });
const p = ps[Number(process.argv[2] ?? 3)]!;
console.log(pythonScript(p, "smoke"));
console.log(typescriptModule(p, "smoke", "../../../src/index.js"));
