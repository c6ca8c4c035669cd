import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite ships wasm + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  typedRoutes: false,
};

export default config;
