import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Scenario files import the package by name, as users' files do.
    alias: { "async-demo": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // Ink and chalk read CI; component tests need live frames. Tests that must not be skipped in CI
    // (the browser tests) read the real value as ASYNC_DEMO_CI.
    env: { CI: "false", FORCE_COLOR: "0", ASYNC_DEMO_CI: process.env.CI ?? "" },
    testTimeout: 20_000,
    globalSetup: ["test/global-setup.ts"],
  },
});
