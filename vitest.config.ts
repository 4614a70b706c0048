import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // A missing golden file fails, in CI and on a laptop alike: goldens are written only when
    // asked, with -u (every snapshot) or PMO_UPDATE_GOLDEN=1 (only the missing ones).
    update: process.env["PMO_UPDATE_GOLDEN"] ? "new" : "none",
    env: { TZ: "Pacific/Auckland", NO_COLOR: "1", FORCE_COLOR: "" },
  },
});
