import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests, and the emulator and provider over real HTTP on loopback: seconds.
        test: { name: "fast", include: ["test/unit/**/*.test.ts", "test/emulator/**/*.test.ts", "test/provider/**/*.test.ts"] },
      },
      {
        // The real Pulumi CLI driven through the Automation API: minutes. The global setup builds
        // and packs the package and installs it into the test program.
        test: {
          name: "engine",
          include: ["test/engine/**/*.test.ts"],
          globalSetup: ["test/engine/globalSetup.ts"],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Figures for the README (`npm run bench`): not part of `npm test`.
        test: {
          name: "bench",
          include: ["bench/**/*.bench.test.ts"],
          // One world at a time: figures from runs that compete for the CPU would mean little.
          fileParallelism: false,
          globalSetup: ["test/engine/globalSetup.ts"],
          testTimeout: 3_600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
