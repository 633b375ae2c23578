import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/core/sha256'

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('agrees with node:crypto at every length around the block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length)
      expect(sha256Hex(text), `length ${length}`).toBe(nodeSha256(text))
    }
  })

  it('hashes the UTF-8 bytes of any text, as node:crypto does', () => {
    // Random strings over ASCII, accents, CJK, emoji (surrogate pairs) and
    // lone surrogates (both encode them as U+FFFD).
    const alphabet = ['a', 'Z', '0', '\n', '"', 'é', 'ß', '→', '漢', '😀', '\ud800', '\udc00']
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let n = 0; n < 500; n++) {
      const length = Math.floor(random() * 300)
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
      expect(sha256Hex(text), JSON.stringify(text)).toBe(nodeSha256(text))
    }
    const big = 'values: 1\n'.repeat(100_000)
    expect(sha256Hex(big)).toBe(nodeSha256(big))
  })
})
