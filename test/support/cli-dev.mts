// The CLI straight from source, for tests: node --conditions=source --import tsx test/support/cli-dev.mts ARGS…
import { main } from "../../src/cli.js";

process.exitCode = await main(process.argv.slice(2));
