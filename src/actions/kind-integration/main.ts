import { UserError } from '../../core/errors'

export async function run(): Promise<void> {
  throw new UserError('kind-integration is not implemented yet')
}
