#!/usr/bin/env node
// `worthwise` CLI (package.json "bin"). tsx is a runtime dependency, so the TypeScript sources run as is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../lib/cli/main.ts', import.meta.url).href);
await main();
