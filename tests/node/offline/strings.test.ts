/** The sizes and words `<story-offline>` shows: decimal units, as storage settings show them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesText } from '../../../src/i18n/formats.js';
import { en as t } from '../../../src/i18n/en.js';

describe('<story-offline> words', () => {
  it('writes sizes in kB, MB and GB with at most one decimal', () => {
    assert.equal(bytesText(0), '0 kB');
    assert.equal(bytesText(12), '1 kB', 'a file is never "0 kB"');
    assert.equal(bytesText(579_401), '579 kB');
    assert.equal(bytesText(2_113_290), '2.1 MB');
    assert.equal(bytesText(10_700_000_000), '10.7 GB');
  });

  it('says what saving downloads, the one size of the decision, and what is already on the device', () => {
    assert.equal(t.saveDetail(2_113_290), '2.1 MB to download. The page, captions and pictures are already on this device.');
    assert.equal(t.progress(1_056_645, 2_113_290, 50), '1.1 MB of 2.1 MB (50%)');
  });

  it('names the free space in a quota failure only when it is known', () => {
    assert.equal(
      t.errorQuota(2_113_290, 400_000),
      'Saving failed: there is not enough storage space on this device for the story’s audio (it needs 2.1 MB; 400 kB is free for this site). Nothing was saved for offline. Free some space and try again.',
    );
    assert.equal(
      t.errorQuota(2_113_290, null),
      'Saving failed: there is not enough storage space on this device for the story’s audio (it needs 2.1 MB). Nothing was saved for offline. Free some space and try again.',
    );
  });
});
