import * as core from '@actions/core'
import { fromActionsCore } from '../action-core.js'
import { systemClock } from '../clock.js'
import { runMainStep } from '../main-step.js'

await runMainStep({ core: fromActionsCore(core), clock: systemClock, env: process.env })
