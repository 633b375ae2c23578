// Root action: `uses: minishop/actions@v1` with `command: <action>` runs the
// same code as `uses: minishop/actions/actions/<action>@v1`.
import { start } from './actions/common/run-action'
import { dispatch } from './actions/dispatch'

start(dispatch)
