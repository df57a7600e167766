/** @type {import('next').NextConfig} */
const nextConfig = {
  // The database drivers (and pg-boss's pg) load native/wasm assets at run time; bundling breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pg-boss', 'pg'],
  // next dev otherwise writes an AGENTS.md into the project root on every start.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
  },
};

export default nextConfig;
