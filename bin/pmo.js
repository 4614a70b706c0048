#!/usr/bin/env node
// Thin shim: all behaviour lives in dist/cli (built from src/cli by `npm run build`).
import { main } from "../dist/cli/index.js";

process.exitCode = await main(process.argv.slice(2));
