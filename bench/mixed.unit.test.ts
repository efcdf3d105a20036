import { describe, expect, it } from 'vitest';
import {
  datasetUid,
  describeTallies,
  emptyTallies,
  mixSequence,
  nearestRank,
  nextWriteKind,
  type Slot,
  SlotPool,
  writeKinds,
} from './mixed.js';

const slot = (id: string, version: number): Slot => ({
  id,
  cookie: 'partnerskap_session=x',
  version,
  refresh: async () => version,
});

describe('the mix', () => {
  it('sends two reads to each write', () => {
    expect(mixSequence.filter((s) => s === 'read')).toHaveLength(2);
    expect(mixSequence.filter((s) => s === 'write')).toHaveLength(1);
  });

  it('takes the writes in turn and skips a kind whose entities are all being written', () => {
    expect(writeKinds.map((_, turn) => nextWriteKind(turn, () => true))).toEqual([...writeKinds]);
    expect(nextWriteKind(1, (k) => k !== 'contribution')).toBe('input');
    expect(nextWriteKind(4, (k) => k !== 'milestone')).toBe('comment');
  });

  it('makes the ids the dataset makes (bench/dataset.ts uid)', () => {
    // select overlay(overlay(md5('region-1') placing '4' from 13) placing '8' from 17)::uuid
    expect(datasetUid('region-1')).toBe('e6b67251-a922-45a4-8221-881cff7da04a');
  });
});

describe('SlotPool', () => {
  it('lends each entity to one request at a time and takes it back with the answered version', () => {
    const pool = new SlotPool([slot('a', 1)]);
    const taken = pool.take();
    expect(taken?.id).toBe('a');
    expect(pool.take()).toBeUndefined();
    if (!taken) throw new Error('no slot');
    pool.release(taken, 2);
    expect(pool.take()?.version).toBe(2);
  });

  it('does not lend again an entity whose answer never came', () => {
    const pool = new SlotPool([slot('a', 1), slot('b', 1)]);
    const cutOff = pool.take();
    expect(pool.retireHeld()).toBe(1);
    if (!cutOff) throw new Error('no slot');
    pool.release(cutOff, 2);
    expect(pool.take()?.id).not.toBe(cutOff.id);
    expect(pool.take()).toBeUndefined();
    expect(pool.size).toBe(1);
  });
});

describe('the report', () => {
  it('gives the nearest-rank percentile', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(nearestRank(sorted, 95)).toBe(19);
    expect(nearestRank(sorted, 50)).toBe(10);
    expect(nearestRank([], 95)).toBeNaN();
  });

  it('says per kind how many were served and which other statuses came', () => {
    const tallies = emptyTallies();
    const comment = tallies.get('comment');
    if (!comment) throw new Error('no comment tally');
    comment.ok = 2;
    comment.latencies.push(12, 30);
    comment.otherStatuses.set(409, 1);
    expect(describeTallies(tallies)).toContain('write comment: 2 × 2xx, p95 30.0 ms, 1× HTTP 409');
    expect(describeTallies(tallies)[0]).toBe('read agreements: 0 × 2xx, p95 –');
  });
});
