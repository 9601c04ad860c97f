import * as core from '@actions/core'
import { fromActionsCore } from '../action-core.js'
import { systemClock } from '../clock.js'
import { runPostStep } from '../post-step.js'

await runPostStep({ core: fromActionsCore(core), clock: systemClock, env: process.env })
