import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CueIndex } from '../../../src/captions/index.js';
import { item, nameAt, type Item } from '../support/named-cues.js';

describe('CueIndex', () => {
  // a: 0–2, gap, b: 3–5, c: 5–6 (touches b)
  const sequential = [item('a', 0, 2), item('b', 3, 5), item('c', 5, 6)];

  it('sorts a copy of the items by start and leaves the given array alone', () => {
    const given = [item('late', 5, 6), item('early', 1, 2), item('middle', 3, 4)];

    const index = new CueIndex(given);

    assert.deepEqual(
      index.items.map((i) => i.name),
      ['early', 'middle', 'late'],
    );
    assert.deepEqual(
      given.map((i) => i.name),
      ['late', 'early', 'middle'],
    );
  });

  it('keeps the given order of items that start together', () => {
    const index = new CueIndex([item('first', 1, 2), item('other', 0, 1), item('second', 1, 3)]);

    assert.deepEqual(
      index.items.map((i) => i.name),
      ['other', 'first', 'second'],
    );
  });

  describe('at and indexAt', () => {
    it('finds the item whose start is exactly the time', () => {
      const index = new CueIndex(sequential);

      assert.equal(nameAt(index, 0), 'a');
      assert.equal(nameAt(index, 3), 'b');
      assert.equal(index.indexAt(3), 1);
    });

    it('finds the item for a time inside it', () => {
      const index = new CueIndex(sequential);

      assert.equal(nameAt(index, 1.999), 'a');
      assert.equal(nameAt(index, 4), 'b');
    });

    it('at the exact end of an item, gives the next item if it starts there and none otherwise', () => {
      const index = new CueIndex(sequential);

      assert.equal(nameAt(index, 5), 'c');
      assert.equal(nameAt(index, 2), undefined);
      assert.equal(index.indexAt(2), -1);
      assert.equal(nameAt(index, 6), undefined);
    });

    it('finds nothing in a gap, before the first item or after the last', () => {
      const index = new CueIndex(sequential);

      assert.equal(nameAt(index, 2.5), undefined);
      assert.equal(nameAt(index, -1), undefined);
      assert.equal(nameAt(index, 100), undefined);
      assert.equal(index.indexAt(-1), -1);
    });

    it('gives the item that started last when items overlap, and the earlier one again after it ends', () => {
      // long: 0–10 holds short: 2–4, which overlaps other: 3–5.
      const index = new CueIndex([item('long', 0, 10), item('short', 2, 4), item('other', 3, 5)]);

      assert.equal(nameAt(index, 1), 'long');
      assert.equal(nameAt(index, 2), 'short');
      assert.equal(nameAt(index, 3.5), 'other');
      assert.equal(nameAt(index, 4.5), 'other');
      assert.equal(nameAt(index, 5), 'long');
      assert.equal(nameAt(index, 9.999), 'long');
      assert.equal(nameAt(index, 10), undefined);
    });

    it('gives the later-listed of two items that start together', () => {
      const index = new CueIndex([item('first', 1, 3), item('second', 1, 2)]);

      assert.equal(nameAt(index, 1.5), 'second');
      assert.equal(nameAt(index, 2.5), 'first');
    });

    it('never gives an item whose end is not after its start', () => {
      const index = new CueIndex([item('empty', 1, 1), item('backwards', 2, 1.5)]);

      assert.equal(nameAt(index, 1), undefined);
      assert.equal(nameAt(index, 1.75), undefined);
    });

    it('finds nothing for a NaN time', () => {
      const index = new CueIndex(sequential);

      assert.equal(index.indexAt(Number.NaN), -1);
      assert.equal(index.next(Number.NaN), undefined);
      assert.equal(index.previous(Number.NaN), undefined);
    });

    it('agrees with a linear search on many random overlapping items', () => {
      let seed = 7;
      const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const items = Array.from({ length: 300 }, (_, i) => {
        const start = Math.round(random() * 1000) / 10;
        return item(String(i), start, start + Math.round(random() * 100) / 10);
      });
      const index = new CueIndex(items);
      // The expected answer, by definition: among the items containing t, the last in sorted order.
      const linear = (t: number): number => index.items.findLastIndex((i) => i.start <= t && t < i.end);

      for (let t = -1; t <= 112; t += 0.05) {
        const time = Math.round(t * 100) / 100;
        assert.equal(index.indexAt(time), linear(time), `at ${time}`);
      }
    });
  });

  describe('next and previous', () => {
    it('next gives the first item that starts after the time', () => {
      const index = new CueIndex(sequential);

      assert.equal(index.next(-1)?.name, 'a');
      assert.equal(index.next(0)?.name, 'b');
      assert.equal(index.next(2.5)?.name, 'b');
      assert.equal(index.next(4)?.name, 'c');
      assert.equal(index.next(5), undefined);
    });

    it('previous gives the item playing (to hear it again), or the one before at its very start', () => {
      const index = new CueIndex(sequential);

      assert.equal(index.previous(4)?.name, 'b');
      assert.equal(index.previous(3)?.name, 'a');
      assert.equal(index.previous(2.5)?.name, 'a');
      assert.equal(index.previous(100)?.name, 'c');
      assert.equal(index.previous(0), undefined);
    });
  });

  it('answers nothing when it holds no items', () => {
    const index = new CueIndex<Item>([]);

    assert.deepEqual(index.items, []);
    assert.equal(index.at(0), undefined);
    assert.equal(index.indexAt(0), -1);
    assert.equal(index.next(0), undefined);
    assert.equal(index.previous(0), undefined);
  });
});
