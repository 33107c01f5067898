// Key → partition as Kafka's default partitioner computes it (src/engine/kafkaPartitioner.ts).
import { describe, expect, it } from 'vitest';
import { kafkaPartitionForKey, murmur2, utf8Bytes } from '../../src/engine/kafkaPartitioner';
import { partitionForKey } from '../../src/engine/topic';

describe('murmur2', () => {
  it("matches Kafka's UtilsTest.testMurmur2 vectors", () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [text, hash] of vectors) expect(murmur2(utf8Bytes(text)), text).toBe(hash);
  });

  it('encodes keys as UTF-8, as StringSerializer does', () => {
    expect([...utf8Bytes('aé€😀')]).toEqual([...Buffer.from('aé€😀', 'utf8')]);
    expect([...utf8Bytes('\ud800x')]).toEqual([...Buffer.from('\ud800x', 'utf8')]);
  });
});

describe('partitionForKey', () => {
  it('is toPositive(murmur2(key)) % n, stable, within range', () => {
    expect(partitionForKey('o1', 3)).toBe(kafkaPartitionForKey('o1', 3));
    for (let i = 0; i < 500; i++) {
      const p = partitionForKey(`k${i}`, 7);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(7);
      expect(partitionForKey(`k${i}`, 7)).toBe(p);
    }
  });

  it('places the keys the stories name where Kafka does', () => {
    // Computed with Kafka's own partitioner for these keys.
    expect(['o1', 'o2', 'o3', 'K'].map((k) => partitionForKey(k, 3))).toEqual([1, 2, 2, 1]);
  });
});
