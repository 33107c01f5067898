// Key → partition exactly as Kafka's default partitioner does it (BuiltInPartitioner.partitionForKey:
// `Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions`, the key serialised as UTF-8 by
// StringSerializer), so a learner who reads "o1 is in partition 1 of 3" here finds it there in a
// real cluster too. A port of org.apache.kafka.common.utils.Utils.murmur2; checked against Kafka's
// own test vectors (tests/unit/kafkaPartitioner.test.ts).

/** The UTF-8 bytes of a string (what StringSerializer sends), without TextEncoder. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is written as U+FFFD, as Java's String.getBytes(UTF_8) does.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(bytes);
}

/** Kafka's murmur2 (a signed 32-bit result, as Java's int). */
export function murmur2(data: Uint8Array): number {
  return murmur2Of(data.length, (i) => data[i]);
}

function murmur2Of(length: number, byteAt: (i: number) => number): number {
  const m = 0x5bd1e995;
  const r = 24;
  let h = 0x9747b28c ^ length;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = byteAt(i4) | (byteAt(i4 + 1) << 8) | (byteAt(i4 + 2) << 16) | (byteAt(i4 + 3) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length4 * 4;
  // Java's switch on length % 4 falls through 3 → 2 → 1.
  const rest = length & 3;
  if (rest === 3) h ^= byteAt(tail + 2) << 16;
  if (rest >= 2) h ^= byteAt(tail + 1) << 8;
  if (rest >= 1) {
    h ^= byteAt(tail);
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition Kafka's default partitioner gives a (non-null) key. */
export function kafkaPartitionForKey(key: string, partitions: number): number {
  // Every produce hashes its key: an ASCII key (the usual case) is read from the string as it is.
  let ascii = true;
  for (let i = 0; i < key.length && ascii; i++) ascii = key.charCodeAt(i) < 0x80;
  const hash = ascii ? murmur2Of(key.length, (i) => key.charCodeAt(i)) : murmur2(utf8Bytes(key));
  return (hash & 0x7fffffff) % partitions;
}
