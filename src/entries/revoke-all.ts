import { fromActionsCore, runnerCore } from '../action-core.js'
import { systemClock } from '../clock.js'
import { runRevokeAllStep } from '../revoke-all/step.js'

await runRevokeAllStep({ core: fromActionsCore(runnerCore), clock: systemClock, env: process.env })
