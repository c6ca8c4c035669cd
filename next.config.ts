import type { NextConfig } from "next";

const config: NextConfig = {
  // Parallel builds (several developers or CI jobs on one checkout) each get their own output dir.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite ships wasm + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  typedRoutes: false,
  // gzip of small JSON API answers was the largest CPU cost per request in profiles;
  // compression belongs to the reverse proxy in front, not to the app's single thread.
  compress: false,
};

export default config;
