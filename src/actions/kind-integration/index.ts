import { runEntry, start } from '../common/run-action'
import * as action from './main'

start(() => runEntry(action))
