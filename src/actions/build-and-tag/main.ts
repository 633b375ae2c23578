import { UserError } from '../../core/errors'

export async function run(): Promise<void> {
  throw new UserError('build-and-tag is not implemented yet')
}
