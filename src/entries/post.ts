import { fromActionsCore, runnerCore } from '../action-core.js'
import { systemClock } from '../clock.js'
import { runPostStep } from '../post-step.js'

await runPostStep({ core: fromActionsCore(runnerCore), clock: systemClock, env: process.env })
