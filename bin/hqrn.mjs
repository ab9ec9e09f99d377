#!/usr/bin/env node
// The `hqrn` command line: runs src/cli/main.ts (float64 core) through tsx's loader.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
