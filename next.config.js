/** @type {import('next').NextConfig} */
const nextConfig = {
  // Both database drivers load native/wasm assets at run time; bundling them breaks that.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // next dev otherwise writes an AGENTS.md into the project root on every start.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
    // CSV uploads go through a server action; a 10 MB file plus multipart overhead must fit.
    serverActions: { bodySizeLimit: '12mb' },
  },
};

export default nextConfig;
