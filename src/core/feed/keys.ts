/**
 * Ed25519 keys for the signed feed, made and used with node:crypto. A key file
 * holds the private key (PKCS #8 PEM, 0600); beside it KEYFILE.pub holds the
 * public half as a TUF key (hex public key), with the key's name, so a feed
 * can say who signed in words staff know ("dr-lee", not a key id).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { canonicalize } from '@tufjs/canonical-json'
import { Key, Signature } from '@tufjs/models'

export class FeedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FeedError'
  }
}

/** The unrecognised field a public key carries its holder's name in (TUF keeps fields it does not know). */
export const KEY_NAME_FIELD = 'x-kiosk-name'

export interface SigningKey {
  name: string
  key: Key
  sign: (data: Buffer) => Signature
}

/** A key's name from its file: "keys/dr-lee.key" is "dr-lee". */
export function keyNameOf(file: string): string {
  return basename(file)
    .replace(/\.pub$/, '')
    .replace(/\.(key|pem)$/, '')
}

/** The TUF key id: the SHA-256 of the key's canonical JSON (without its name, which is not part of the key). */
function tufKey(publicKey: KeyObject, name: string): Key {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex')
  const fields = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } }
  const keyID = createHash('sha256').update(canonicalize(fields)).digest('hex')
  return new Key({
    keyID,
    keyType: 'ed25519',
    scheme: 'ed25519',
    keyVal: { public: raw },
    unrecognizedFields: { [KEY_NAME_FIELD]: name },
  })
}

/** Writes KEYFILE (0600) and KEYFILE.pub; refuses to overwrite a key. */
export function generateKey(file: string): Key {
  for (const f of [file, `${file}.pub`]) {
    if (existsSync(f)) throw new FeedError(`${f} already exists: a key is never overwritten.`)
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' })
  const key = tufKey(publicKey, keyNameOf(file))
  writeFileSync(`${file}.pub`, `${JSON.stringify(key.toJSON(), null, 2)}\n`, { mode: 0o644, flag: 'wx' })
  return key
}

export function loadSigningKey(file: string): SigningKey {
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey(readFileSync(file))
  } catch (err) {
    throw new FeedError(`${file} is not a private key made by "kiosk feed keygen": ${(err as Error).message}`)
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new FeedError(`${file} is not an Ed25519 key.`)
  const name = keyNameOf(file)
  const key = tufKey(createPublicKey(privateKey), name)
  return {
    name,
    key,
    sign: (data) => new Signature({ keyID: key.keyID, sig: sign(null, data, privateKey).toString('hex') }),
  }
}

/** Reads KEY.pub (or the public half of a private key file). */
export function loadPublicKey(file: string): Key {
  const text = (() => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      throw new FeedError(`${file} cannot be read.`)
    }
  })()
  if (text.includes('PRIVATE KEY')) return loadSigningKey(file).key
  let data: { keytype?: unknown; keyval?: { public?: unknown } }
  try {
    data = JSON.parse(text)
  } catch {
    throw new FeedError(`${file} is not a public key made by "kiosk feed keygen".`)
  }
  if (
    data.keytype !== 'ed25519' ||
    typeof data.keyval?.public !== 'string' ||
    !/^[0-9a-f]{64}$/.test(data.keyval.public)
  )
    throw new FeedError(`${file} is not an Ed25519 public key made by "kiosk feed keygen".`)
  const publicKey = createPublicKey({
    key: Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(data.keyval.public, 'hex'),
    ]),
    format: 'der',
    type: 'spki',
  })
  return tufKey(publicKey, keyNameOf(file))
}

export const keyName = (key: Key | undefined): string | undefined => {
  const name = key?.unrecognizedFields?.[KEY_NAME_FIELD]
  return typeof name === 'string' ? name : undefined
}
