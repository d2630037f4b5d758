import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord, sentencesOf, writtenWords } from '../../../scripts/narrate/speech-text.js';

describe('speech text', () => {
  it('splits prose into sentences', () => {
    assert.deepEqual(sentencesOf('Lety ran. She went down into the dry bed of the Rio Bravo!  Then?', 'en'), [
      'Lety ran.',
      'She went down into the dry bed of the Rio Bravo!',
      'Then?',
    ]);
  });

  it('folds each written word to one ASCII token, keeping the word count', () => {
    const words = writtenWords('José Pérez’s “small” test — US–Mexico');
    assert.deepEqual(
      words.map((word) => foldWord(word)),
      ['Jose', "Perez's", '"small"', 'test', ',', 'US-Mexico'],
    );
  });

  it('says a word the way the manuscript tells it to, keeping its punctuation', () => {
    assert.equal(foldWord('US,', { US: 'U.S.' }), 'U.S.,');
    assert.equal(foldWord('USA', { US: 'U.S.' }), 'USA');
    assert.equal(foldWord('US–Mexico', { US: 'U.S.' }), 'U.S.-Mexico');
  });

  it('refuses a character it cannot speak, naming it', () => {
    assert.throws(() => foldWord('日本'), /cannot speak the character "日" \(U\+65E5\) in "日本"/);
  });
});
