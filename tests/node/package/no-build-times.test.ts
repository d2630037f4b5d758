// The no-build example (examples/no-build/index.html) is the mini-story's page written out by
// hand: its times must be the fixture's, or it goes stale each time the mini-story is narrated.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, type Node } from 'parse5';

const TIME_ATTRIBUTES = ['data-start', 'data-end', 'start', 'end', 'description-start', 'description-end', 'duration', 'artwork'];

/** Every element's time attributes and artwork, by id (the player by its tag); the example's files are under story/. */
function timesOf(file: string): Map<string, Record<string, string>> {
  const times = new Map<string, Record<string, string>>();
  const visit = (node: Node): void => {
    if ('attrs' in node) {
      const attributes = new Map(node.attrs.map((a) => [a.name, a.value]));
      const found: Record<string, string> = {};
      for (const name of TIME_ATTRIBUTES) {
        const value = attributes.get(name);
        if (value !== undefined) found[name] = value.replace(/^story\//, '');
      }
      if (Object.keys(found).length) times.set(attributes.get('id') ?? node.tagName, found);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')));
  return times;
}

describe('the no-build example', () => {
  it('has the mini-story fixture’s times and artwork on every element that has them', () => {
    const example = timesOf('examples/no-build/index.html');
    const fixture = timesOf('tests/fixtures/mini-story/index.html');
    assert.ok(example.size > 10, `${example.size} timed elements in the example`);
    for (const [id, times] of example) assert.deepEqual(times, fixture.get(id), `#${id}: copy the times from tests/fixtures/mini-story/index.html`);
  });
});
