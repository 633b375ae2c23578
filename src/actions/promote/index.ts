import { runEntry } from '../common/run-action'
import * as action from './main'

void runEntry(action)
