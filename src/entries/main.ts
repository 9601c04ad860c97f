import { fromActionsCore, runnerCore } from '../action-core.js'
import { systemClock } from '../clock.js'
import { runMainStep } from '../main-step.js'

await runMainStep({ core: fromActionsCore(runnerCore), clock: systemClock, env: process.env })
