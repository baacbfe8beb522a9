import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The client is built into dist/, which the Hono server serves (`npm start`).
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    sourcemap: true,
    // The brief page is its own chunk (~620 kB, ~190 kB gzipped: Tiptap, ProseMirror, Yjs),
    // loaded only when a brief opens; the home page's is ~220 kB. Vite's 500 kB warning
    // would greet every first `npm start` about a split already made.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8787",
      "/healthz": "http://127.0.0.1:8787",
      "/collab": { target: "ws://127.0.0.1:8787", ws: true },
    },
  },
});
