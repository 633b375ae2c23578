import { UserError } from '../../core/errors'

export async function run(): Promise<void> {
  throw new UserError('promote is not implemented yet')
}
