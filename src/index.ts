// Root action: `uses: minishop/actions@v1` with `command: <action>` runs the
// same code as `uses: minishop/actions/actions/<action>@v1`.
import { dispatch } from './actions/dispatch'

void dispatch()
