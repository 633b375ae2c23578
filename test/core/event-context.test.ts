import { describe, expect, it } from 'vitest'
import { eventContext } from '../../src/core/event-context'
import {
  BEFORE,
  GROUP_BASE_SHA,
  GROUP_HEAD_SHA,
  MERGE_SHA,
  mergeGroupEvent,
  PR_BASE_SHA,
  PR_HEAD_SHA,
  pullRequestEvent,
  pushEvent,
  SHA,
  workflowDispatchEvent,
  ZEROS,
} from '../fixtures/github-events'

const base = {
  GITHUB_REPOSITORY: 'minishop/user-service',
  GITHUB_RUN_NUMBER: '17',
  GITHUB_SERVER_URL: 'https://github.example.test/',
}

describe('eventContext', () => {
  it('push to a branch', () => {
    const event = pushEvent('refs/heads/main')
    expect(eventContext({ ...base, ...event.env }, event.payload)).toEqual({
      eventName: 'push',
      sha: SHA,
      ref: 'refs/heads/main',
      branch: 'main',
      tag: undefined,
      prHead: undefined,
      prBase: undefined,
      prNumber: undefined,
      isFork: false,
      defaultBranch: 'main',
      runNumber: 17,
      repository: 'minishop/user-service',
      serverUrl: 'https://github.example.test',
      before: BEFORE,
      created: false,
      deleted: false,
      mergeGroupBase: undefined,
    })
  })

  it('first push of a tag', () => {
    const event = pushEvent('refs/tags/v1.0.0', { created: true })
    const ctx = eventContext({ ...base, ...event.env }, event.payload)
    expect(ctx).toMatchObject({ tag: 'v1.0.0', branch: undefined, before: ZEROS, created: true })
  })

  it('pull request: head branch and head SHA from the payload, not the merge commit', () => {
    const event = pullRequestEvent('feature/x')
    const ctx = eventContext({ ...base, ...event.env }, event.payload)
    expect(ctx.sha).toBe(PR_HEAD_SHA)
    expect(ctx.sha).not.toBe(MERGE_SHA)
    expect(ctx).toMatchObject({
      branch: 'feature/x',
      prNumber: 42,
      isFork: false,
      prHead: { ref: 'feature/x', sha: PR_HEAD_SHA, repository: 'minishop/user-service' },
      prBase: { ref: 'main', sha: PR_BASE_SHA },
      before: undefined,
    })
  })

  it('pull request from a fork, and from a deleted fork', () => {
    const fork = pullRequestEvent('main', { headRepo: 'someone/user-service' })
    expect(eventContext({ ...base, ...fork.env }, fork.payload).isFork).toBe(true)
    const deleted = pullRequestEvent('main')
    ;(deleted.payload.pull_request as { head: { repo: unknown } }).head.repo = null
    expect(eventContext({ ...base, ...deleted.env }, deleted.payload).isFork).toBe(true)
  })

  it('workflow_dispatch and an empty payload', () => {
    const event = workflowDispatchEvent('release/2')
    expect(eventContext({ ...base, ...event.env }, event.payload)).toMatchObject({
      branch: 'release/2',
      defaultBranch: 'main',
      before: undefined,
    })
    expect(eventContext({}, null)).toMatchObject({
      eventName: '',
      sha: '',
      branch: undefined,
      runNumber: 0,
      isFork: false,
      serverUrl: 'https://github.com',
    })
  })

  it('merge group: the group head is built, on its base', () => {
    const event = mergeGroupEvent('main')
    const ctx = eventContext({ ...base, ...event.env }, event.payload)
    expect(ctx).toMatchObject({
      eventName: 'merge_group',
      sha: GROUP_HEAD_SHA,
      mergeGroupBase: { ref: 'main', sha: GROUP_BASE_SHA },
      prBase: undefined,
      before: undefined,
    })
  })
})
