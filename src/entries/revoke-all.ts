import * as core from '@actions/core'
import { fromActionsCore } from '../action-core.js'
import { systemClock } from '../clock.js'
import { runRevokeAllStep } from '../revoke-all/step.js'

await runRevokeAllStep({ core: fromActionsCore(core), clock: systemClock, env: process.env })
