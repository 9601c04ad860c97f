#!/usr/bin/env node
// The `line-token` command line (package.json "bin"): see src/cli/index.ts.
import { processIo, runCli } from '../cli/index.js'

process.exitCode = await runCli(process.argv.slice(2), processIo())
