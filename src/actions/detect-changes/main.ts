import { UserError } from '../../core/errors'

export async function run(): Promise<void> {
  throw new UserError('detect-changes is not implemented yet')
}
