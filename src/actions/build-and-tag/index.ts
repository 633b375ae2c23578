import { runEntry } from '../common/run-action'
import * as action from './main'

await runEntry(action)
