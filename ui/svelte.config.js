// Svelte preprocess for TypeScript in components (vitePreprocess handles <script lang="ts">).
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
};
