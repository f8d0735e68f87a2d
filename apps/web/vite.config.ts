import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs separately (npm run dev:server); in production the server serves dist/ itself.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
});
