/**
 * `readPictureKind`: what a `picture-kind` attribute (or a manuscript's kind) says the pictures
 * are. The labels follow it (a photograph is a "photo", an illustration a "picture"), so a kind
 * misread would call an illustration a photo.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readPictureKind } from '../../../src/story/timed-story.js';

describe('readPictureKind', () => {
  it('reads an absent or empty kind as a photograph', () => {
    for (const value of [null, undefined, '', '   ']) assert.equal(readPictureKind(value), 'photograph', JSON.stringify(value));
  });

  it('reads each kind it knows, in any case and with spaces around it', () => {
    assert.equal(readPictureKind('photograph'), 'photograph');
    assert.equal(readPictureKind('illustration'), 'illustration');
    assert.equal(readPictureKind(' Illustration\t'), 'illustration');
    assert.equal(readPictureKind('PHOTOGRAPH'), 'photograph');
  });

  it('reads any other kind as unknown, not as a photograph', () => {
    for (const value of ['drawing', 'photo', 'illustrations', 'photograph illustration']) assert.equal(readPictureKind(value), 'unknown', value);
  });
});
