import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    env: { TZ: "Pacific/Auckland", NO_COLOR: "1", FORCE_COLOR: "" },
  },
});
