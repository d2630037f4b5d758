import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CueIndex } from '../../../src/captions/index.js';
import { item, nameAt } from '../support/named-cues.js';

// CueIndex at its edges: the sentence a paused player counts as current, items that never end or
// whose end is not a number, as a damaged track or a chapter list may give them.

describe('CueIndex.currentOrLastIndex (the sentence counted as current, also in a pause between two)', () => {
  // a: 1–2, gap, b: 3–5, c: 4–6 (inside b's time, started later)
  const index = new CueIndex([item('a', 1, 2), item('b', 3, 5), item('c', 4, 6)]);

  it('is -1 before the first item starts', () => {
    assert.equal(index.currentOrLastIndex(0), -1);
    assert.equal(index.currentOrLastIndex(0.999), -1);
  });

  it('is the item playing, from its very start', () => {
    assert.equal(index.currentOrLastIndex(1), 0);
    assert.equal(index.currentOrLastIndex(1.5), 0);
  });

  it('is the last item that started while none plays (in the gap, and after the end)', () => {
    assert.equal(index.currentOrLastIndex(2), 0);
    assert.equal(index.currentOrLastIndex(2.5), 0);
    assert.equal(index.currentOrLastIndex(100), 2);
  });

  it('is the one that started last where items overlap, and the earlier one again once that ends', () => {
    assert.equal(index.currentOrLastIndex(3.5), 1);
    assert.equal(index.currentOrLastIndex(4.5), 2);
    assert.equal(index.currentOrLastIndex(5.5), 2);
  });

  it('is the item still playing, not the later one that started inside it and has ended', () => {
    // long: 0–10, with short: 2–3 inside it.
    const nested = new CueIndex([item('long', 0, 10), item('short', 2, 3)]);
    assert.equal(nested.currentOrLastIndex(2.5), 1);
    assert.equal(nested.currentOrLastIndex(5), 0);
  });
});

describe('CueIndex with items that never end or have no end', () => {
  it('finds an item that never ends (end Infinity) at any later time', () => {
    const index = new CueIndex([item('intro', 0, 5), item('forever', 5, Infinity)]);

    assert.equal(nameAt(index, 4), 'intro');
    assert.equal(nameAt(index, 5), 'forever');
    assert.equal(nameAt(index, 1e9), 'forever');
    assert.equal(index.indexAt(Infinity), -1, 'Infinity itself is its end, outside it');
  });

  it('never answers an item whose end is not a number, and the others around it as usual', () => {
    const index = new CueIndex([item('long', 0, 10), item('broken', 2, NaN), item('short', 4, 6)]);

    assert.equal(nameAt(index, 3), 'long');
    assert.equal(nameAt(index, 5), 'short');
    assert.equal(nameAt(index, 7), 'long');
    assert.equal(nameAt(index, 10), undefined, 'after the last end');
    assert.equal(nameAt(index, 50), undefined);
  });

  it('never answers an item that ends before it starts, even when it is the only one', () => {
    const index = new CueIndex([item('backwards', 5, 3)]);

    for (const time of [2, 3, 4, 5, 6]) assert.equal(nameAt(index, time), undefined, `at ${time}`);
  });
});
