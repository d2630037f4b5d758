import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clock, durationInWords } from '../../../src/captions/index.js';
import { LONGEST_TIME } from '../../../src/captions/time-text.js';

describe('durationInWords', () => {
  it('names each unit in the plural, and in the singular for one', () => {
    assert.equal(durationInWords(125), '2 minutes 5 seconds');
    assert.equal(durationInWords(61), '1 minute 1 second');
    assert.equal(durationInWords(7322), '2 hours 2 minutes 2 seconds');
    assert.equal(durationInWords(3661), '1 hour 1 minute 1 second');
  });

  it('leaves out units that are zero', () => {
    assert.equal(durationInWords(3780), '1 hour 3 minutes');
    assert.equal(durationInWords(60), '1 minute');
    assert.equal(durationInWords(3605), '1 hour 5 seconds');
    assert.equal(durationInWords(45), '45 seconds');
  });

  it('says "0 seconds" for a duration under a second', () => {
    assert.equal(durationInWords(0), '0 seconds');
    assert.equal(durationInWords(0.999), '0 seconds');
  });

  it('floors to whole seconds, without being fooled by floating-point noise', () => {
    assert.equal(durationInWords(59.9), '59 seconds');
    assert.equal(durationInWords(119.999), '1 minute 59 seconds');
    assert.equal(durationInWords(124.99999999), '2 minutes 5 seconds');
  });

  it('reads negative and non-finite durations as 0 seconds', () => {
    assert.equal(durationInWords(-5), '0 seconds');
    assert.equal(durationInWords(Number.NaN), '0 seconds');
    assert.equal(durationInWords(Infinity), '0 seconds');
  });

  it('speaks the language asked for, with its plurals', () => {
    assert.equal(durationInWords(125, 'es'), '2 minutos 5 segundos');
    assert.equal(durationInWords(3661, 'es'), '1 hora 1 minuto 1 segundo');
    assert.equal(durationInWords(0, 'es-MX'), '0 segundos');
    assert.equal(durationInWords(125, 'en-GB'), '2 minutes 5 seconds');
  });
});

describe('clock', () => {
  it('shows minutes and two-digit seconds', () => {
    assert.equal(clock(0), '0:00');
    assert.equal(clock(5), '0:05');
    assert.equal(clock(125), '2:05');
    assert.equal(clock(599), '9:59');
  });

  it('adds hours, with two-digit minutes, from one hour on', () => {
    assert.equal(clock(3723), '1:02:03');
    assert.equal(clock(3600), '1:00:00');
    assert.equal(clock(36000), '10:00:00');
  });

  it('floors to whole seconds like a player clock', () => {
    assert.equal(clock(125.9), '2:05');
    assert.equal(clock(59.999), '0:59');
    assert.equal(clock(59.99999999), '1:00');
  });

  it('shows 0:00 for negative, NaN or infinite times', () => {
    assert.equal(clock(-1), '0:00');
    assert.equal(clock(Number.NaN), '0:00');
    assert.equal(clock(Infinity), '0:00');
    assert.equal(clock(-Infinity), '0:00');
  });

  it('shows 0:00, never "Infinity:NaN:NaN", for a time past the longest it counts exactly', () => {
    assert.equal(clock(1e308), '0:00');
    assert.equal(clock(Number.MAX_VALUE), '0:00');
    assert.equal(clock(1e20), '0:00');
    assert.equal(clock(LONGEST_TIME * 1.001), '0:00');
    assert.equal(durationInWords(1e308), '0 seconds');
    assert.equal(durationInWords(Number.MAX_VALUE, 'es'), '0 segundos');
  });

  it('counts every whole second up to the longest time', () => {
    assert.equal(clock(1e6), '277:46:40');
    assert.equal(clock(1e12), '277777777:46:40');
    assert.equal(clock(LONGEST_TIME), '2501999792:59:00');
  });
});
