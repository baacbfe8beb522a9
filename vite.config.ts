import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The client is built into dist/, which the Hono server serves (`npm start`).
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8787",
      "/healthz": "http://127.0.0.1:8787",
      "/collab": { target: "ws://127.0.0.1:8787", ws: true },
    },
  },
});
