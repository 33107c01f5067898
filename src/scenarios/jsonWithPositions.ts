// A small JSON parser that remembers where each value starts, so a scenario file's errors can name
// the line of the offending field, not just its path. Accepts exactly JSON (RFC 8259).

export interface Located {
  value: unknown;
  /** JSON path ("nodes[2].workers") → 1-based line of that value. */
  lines: Map<string, number>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function parseJsonWithPositions(text: string): Located {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const lines = new Map<string, number>();

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line, i - lineStart + 1);
  };
  const skip = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const describeChar = (): string => (i >= text.length ? 'the end of the file' : `'${text[i]}'`);
  const unexpected = (): string => (i >= text.length ? 'the file ends too early' : `unexpected '${text[i]}'`);

  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('unterminated string');
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in map) {
          out += map[e];
          i += 2;
        } else fail(`bad escape '\\${e ?? ''}'`);
      } else {
        out += c;
        i++;
      }
    }
    return fail('unterminated string');
  };

  const parseValue = (path: string, depth: number): unknown => {
    if (depth > 64) fail('nested too deeply');
    skip();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skip();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describeChar()}`);
        const key = parseString();
        skip();
        if (text[i] !== ':') fail(`expected ':' after "${key}", found ${describeChar()}`);
        i++;
        if (key === '__proto__') fail('"__proto__" is not allowed as a property name');
        obj[key] = parseValue(path ? `${path}.${key}` : key, depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`expected ',' or '}', found ${describeChar()}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${path}[${arr.length}]`, depth + 1));
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`expected ',' or ']', found ${describeChar()}`);
      }
    }
    if (c === '"') return parseString();
    const literal = /^(true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(unexpected());
    i += literal[0].length;
    const word = literal[0];
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };

  const value = parseValue('', 0);
  skip();
  if (i < text.length) fail(`unexpected ${describeChar()} after the end of the JSON value`);
  return { value, lines };
}
