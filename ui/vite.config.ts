// Vite config for the Tauri webview. The dev server port is fixed because tauri.conf.json's
// devUrl points at it; `clearScreen: false` keeps Rust errors visible when run by `tauri dev`.
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: "127.0.0.1" },
  build: {
    // The WebKitGTK shipped with Debian 12 (2.4x) handles ES2022 fine.
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    // Big ECharts chunk is expected for a desktop app loaded from disk.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
});
