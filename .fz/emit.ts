import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { program } from "../test/fuzz/gen.ts";
import { pythonScript, typescriptModule } from "../test/fuzz/render.ts";
const n = Number(process.argv[2] ?? 20);
const ps = fc.sample(program, { seed: 99, numRuns: n });
ps.forEach((p, i) => {
  writeFileSync(`test/twins/cases/zz_tmp_${i}.py`, pythonScript(p, "tmp"));
  writeFileSync(`test/twins/cases/zz_tmp_${i}.ts`, typescriptModule(p, "tmp", "../../../src/index.js"));
});
