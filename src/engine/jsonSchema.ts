import type { JsonSchema } from './types';

/**
 * Validate a value against the JSON Schema subset the lab uses. Returns the first problem as a
 * sentence naming the field (what a 422 answer would say), or undefined when the value is valid.
 * Small on purpose: a full validator would cost more bytes than the whole engine.
 */
export const MAX_PATTERN_INPUT = 1000;

export function validateJson(schema: JsonSchema, value: unknown, path = ''): string | undefined {
  const at = path === '' ? 'the payload' : `'${path}'`;
  if (schema.type !== undefined && !hasType(schema.type, value)) return `${at} must be ${article(schema.type)}`;
  if (schema.enum !== undefined && !schema.enum.includes(value as string | number | boolean)) return `${at} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${at} must be at least ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${at} must be at most ${schema.maximum}`;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${at} must have at least ${schema.minLength} characters`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${at} must have at most ${schema.maxLength} characters`;
    if (schema.pattern !== undefined) {
      // Bounded input keeps a pattern's worst case small (the file reader also refuses nested quantifiers).
      if (value.length > MAX_PATTERN_INPUT) return `${at} is longer than ${MAX_PATTERN_INPUT} characters`;
      if (!new RegExp(schema.pattern, 'u').test(value)) return `${at} does not match ${schema.pattern}`;
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return `${at} must have at least ${schema.minItems} items`;
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const problem = validateJson(schema.items, value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) return `'${join(path, key)}' is required`;
    for (const [key, v] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (sub) {
        const problem = validateJson(sub, v, join(path, key));
        if (problem) return problem;
      } else if (schema.additionalProperties === false) return `'${join(path, key)}' is not allowed`;
    }
  }
  return undefined;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function hasType(type: NonNullable<JsonSchema['type']>, value: unknown): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
