import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Server tests spawn processes and bind ports: keep parallelism modest on 2-core machines.
    maxWorkers: 2,
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: ".vitest-report.json" }]]
      : ["default"],
  },
});
