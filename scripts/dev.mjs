// `npm run dev -- ARGS`: the CLI from the sources (tsx compiles them, the worker thread too), for development.
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
