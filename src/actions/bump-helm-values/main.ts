import { UserError } from '../../core/errors'

export async function run(): Promise<void> {
  throw new UserError('bump-helm-values is not implemented yet')
}
