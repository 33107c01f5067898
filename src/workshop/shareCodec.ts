// A custom scenario inside a link: its JSON text → deflate-raw (CompressionStream) → base64url, in
// `?s=`. Decoding is the dangerous direction (anyone can craft a link), so every step is bounded:
// the parameter's length, the decompressed size (the stream is cancelled as soon as it is
// exceeded, so a "zip bomb" costs nothing), UTF-8 validity, then the scenario file validator with
// its own limits. Failures are ShareErrors with a code; the UI words them (loadShared.ts, src/ui/share/dialogStrings.ts).
// Imported lazily (it pulls in the scenario validator), never on the first paint.
import type { Scenario } from '../engine/types';
import { parseScenarioText, ScenarioError, type ScenarioProblem } from '../scenarios/scenarioFile';

export interface ShareLimits {
  maxEncodedChars: number;
  maxJsonBytes: number;
}

export const SHARE_LIMITS: Readonly<ShareLimits> = {
  /** Longest `s` accepted (characters of base64url, about 75 KB compressed). */
  maxEncodedChars: 100_000,
  /** Largest scenario JSON accepted once decompressed (bytes of UTF-8). */
  maxJsonBytes: 200_000,
};

export type ShareErrorCode = 'empty' | 'too-long' | 'not-base64' | 'damaged' | 'too-large' | 'not-utf8' | 'invalid';

export class ShareError extends Error {
  constructor(
    readonly code: ShareErrorCode,
    /** Set for 'invalid': what the validator found, each with its path and line. */
    readonly problems: ScenarioProblem[] = [],
    /** Sizes for 'too-long' / 'too-large'. */
    readonly size?: { actual: number; limit: number },
  ) {
    super(code);
    this.name = 'ShareError';
  }
}

// ─── base64url (RFC 4648 §5, no padding) ─────────────────────────────────────────────────────

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) on a big array overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws ShareError('not-base64') on anything but the base64url alphabet (padding tolerated). */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const body = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) throw new ShareError('not-base64');
  const padded = body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareError('not-base64');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ─── Compression ─────────────────────────────────────────────────────────────────────────────

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch {
      throw new ShareError('damaged');
    }
    if (result.done) break;
    total += result.value.byteLength;
    if (total > limit) {
      // Stop inflating now: the rest of a hostile stream is never produced.
      reader.cancel().catch(() => {});
      throw new ShareError('too-large', [], { actual: total, limit });
    }
    chunks.push(result.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** The `s` parameter for a scenario's JSON text. Throws ShareError when it would not fit a link. */
export async function encodeScenarioJson(json: string, limits: ShareLimits = SHARE_LIMITS): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > limits.maxJsonBytes) throw new ShareError('too-large', [], { actual: bytes.byteLength, limit: limits.maxJsonBytes });
  const compressed = await readAll(streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')), Infinity);
  const encoded = toBase64Url(compressed);
  if (encoded.length > limits.maxEncodedChars) throw new ShareError('too-long', [], { actual: encoded.length, limit: limits.maxEncodedChars });
  return encoded;
}

/** The JSON text inside an `s` parameter, checked for size and encoding but not yet validated. */
export async function decodeScenarioJson(param: string, limits: ShareLimits = SHARE_LIMITS): Promise<string> {
  if (param.length === 0) throw new ShareError('empty');
  if (param.length > limits.maxEncodedChars) throw new ShareError('too-long', [], { actual: param.length, limit: limits.maxEncodedChars });
  const compressed = fromBase64Url(param);
  const bytes = await readAll(streamOf(compressed).pipeThrough(new DecompressionStream('deflate-raw')), limits.maxJsonBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError('not-utf8');
  }
}

export interface SharedScenario {
  scenario: Scenario;
  /** The compact JSON (what `s` encodes). */
  json: string;
}

/** Decodes and validates a shared scenario. `label` names it in the validator's messages. */
export async function decodeSharedScenario(param: string, label: string, limits: ShareLimits = SHARE_LIMITS): Promise<SharedScenario> {
  const text = await decodeScenarioJson(param, limits);
  try {
    return { scenario: parseScenarioText(text, label), json: text };
  } catch (e) {
    if (e instanceof ScenarioError) throw new ShareError('invalid', e.problems);
    throw e;
  }
}

/** The compact JSON of a scenario file's text (which parseScenarioText has already accepted). */
export function compactJson(text: string): string {
  return JSON.stringify(JSON.parse(text));
}
