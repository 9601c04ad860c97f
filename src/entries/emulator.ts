// Standalone LINE API emulator (dist/emulator/index.js): prints {"url","port"} and runs until SIGINT/SIGTERM.
import { runEmulatorFromArgs } from '../emulator/cli.js'

runEmulatorFromArgs(process.argv.slice(2), process.stdout).catch((error: Error) => {
  process.stderr.write(`emulator: ${error.message}\n`)
  process.exit(2)
})
