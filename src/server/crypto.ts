/**
 * Random ids, PKCE and constant-time comparison on WebCrypto alone: the same code runs in Node
 * ≥ 20, service workers and edge runtimes (no `node:crypto`, no crypto-js).
 */

const encoder = new TextEncoder();

/** RFC 4648 §5 base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `bytes` random bytes as base64url: 16 bytes → 22 characters, 128 bits. */
export function randomToken(bytes = 16): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return base64url(buffer);
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** A PKCE pair per RFC 7636: a 64-character verifier (within 43–128, alphabet a-z A-Z 0-9 - _) and its S256 challenge. */
export async function createPkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomToken(48);
  return { verifier, challenge: base64url(await sha256(verifier)) };
}

/** Compares two strings in time that depends on their lengths only (state, secrets). */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Seals text with AES-256-GCM under a key derived (HKDF-SHA-256) from a secret: `v1.<base64url(iv ‖ ciphertext)>`. */
export interface Sealer {
  seal(text: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export function createSealer(secret: string): Sealer {
  if (secret.length < 32) throw new Error('storeSecret must be at least 32 characters');
  const key = crypto.subtle
    .importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey'])
    .then((material) =>
      crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('sferum-widgets/server'), info: encoder.encode('flow-store v1') },
        material,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      ),
    );
  return {
    async seal(text) {
      const iv = new Uint8Array(12);
      crypto.getRandomValues(iv);
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key, encoder.encode(text)));
      const out = new Uint8Array(iv.length + sealed.length);
      out.set(iv);
      out.set(sealed, iv.length);
      return `v1.${base64url(out)}`;
    },
    async open(value) {
      if (!value.startsWith('v1.')) throw new Error('not a sealed record');
      const bytes = fromBase64url(value.slice(3));
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, await key, bytes.subarray(12));
      return new TextDecoder().decode(plain);
    },
  };
}
