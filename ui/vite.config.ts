// Vite config for the Tauri webview, plus vitest for the UI logic. The dev server port is fixed
// because tauri.conf.json's devUrl points at it; `clearScreen: false` keeps Rust errors visible
// when run by `tauri dev`.
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: "127.0.0.1" },
  build: {
    // WebKitGTK 2.4x (Debian 12 and later) handles ES2022.
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    // One big ECharts chunk is expected for a desktop app loaded from disk.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
  resolve: {
    // Svelte components need the browser build under vitest (jsdom).
    conditions: ["browser"],
  },
});
