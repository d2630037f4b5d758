/**
 * Our WebVTT parser against Chromium's own: each conformance case (tests/node/captions) is loaded
 * into a hidden `<track>` from a blob: URL (allowed under the site's CSP, `media-src 'self' blob:`),
 * and Chromium's cues are compared with ours, field by field where `VTTCue` exposes the field.
 * Chromium has no `VTTRegion`, `lineAlign` or `positionAlign`: those are compared with the spec's
 * values, as our cues are.
 */
import { expect } from '@open-wc/testing';
import { parseWebVTT, type WebVTTCue } from '../../src/captions/webvtt.js';
import { conformanceCases, cueDefaults, regionDefaults } from '../node/captions/webvtt-conformance-cases.js';

/** What Chromium's `VTTCue` shows of a cue. */
type Exposed = Pick<WebVTTCue, 'id' | 'start' | 'end' | 'text' | 'vertical' | 'line' | 'snapToLines' | 'position' | 'size' | 'align'>;

const exposed = (cue: Omit<WebVTTCue, 'region' | 'lineAlign' | 'positionAlign'>): Exposed => ({
  id: cue.id,
  start: cue.start,
  end: cue.end,
  text: cue.text,
  vertical: cue.vertical,
  line: cue.line,
  snapToLines: cue.snapToLines,
  position: cue.position,
  size: cue.size,
  align: cue.align,
});

/** The cues Chromium reads in `text`, through a hidden track of a video in the page. */
async function chromiumCues(text: string): Promise<Exposed[]> {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
  const video = document.createElement('video');
  const track = document.createElement('track');
  track.kind = 'subtitles';
  video.append(track);
  document.body.append(video);
  try {
    const done = new Promise<void>((resolve) => {
      // A file without the signature fails to load: it has no cues either way.
      track.addEventListener('load', () => resolve(), { once: true });
      track.addEventListener('error', () => resolve(), { once: true });
    });
    track.track.mode = 'hidden';
    track.src = url;
    await done;
    return Array.from(track.track.cues ?? [], (cue) => {
      const v = cue as VTTCue;
      return exposed({ id: v.id, start: v.startTime, end: v.endTime, text: v.text, vertical: v.vertical, line: v.line, snapToLines: v.snapToLines, position: v.position, size: v.size, align: v.align });
    });
  } finally {
    video.remove();
    URL.revokeObjectURL(url);
  }
}

/**
 * Where Chromium reads a case otherwise than the spec: case name → what Chromium reads instead,
 * cue by cue (`undefined`: as the spec). Each entry is a known Chromium deviation, not ours.
 */
const chromiumDiffers: Record<string, (Partial<Exposed> | undefined)[]> = {
  // The spec ends the header at the timing line and reads that line again as a cue without an
  // identifier; Chromium takes the header line above it as the identifier.
  'a timing line inside the header ends it and starts a cue': [{ id: 'some header' }],
};

describe('WebVTT conformance: our parser and Chromium\'s <track>', () => {
  for (const c of conformanceCases) {
    it(c.name, async () => {
      const spec = c.cues.map((cue) => ({ ...cueDefaults(), ...cue }) as WebVTTCue);
      const ours = parseWebVTT(c.input);

      // Ours reads what the spec reads, every field.
      expect(ours.cues).to.deep.equal(spec);
      expect(ours.regions).to.deep.equal((c.regions ?? []).map((r) => ({ ...regionDefaults(), ...r })));
      expect(ours.styles).to.deep.equal(c.styles ?? []);

      // Chromium keeps the same cues, with the same exposed fields, but where it is known to differ.
      const differs = chromiumDiffers[c.name] ?? [];
      const expected = spec.map((cue, i) => ({ ...exposed(cue), ...differs[i] }));
      expect(await chromiumCues(c.input)).to.deep.equal(expected);
    });
  }

  // Our one departure from the algorithm, which reads an infinite time there, as Chromium does.
  it('an hour of 400 digits: ours reports the timestamp as too large and drops the cue; Chromium keeps it at an infinite time', async () => {
    const input = `WEBVTT\n\n1${'0'.repeat(399)}:00:00.000 --> 1${'0'.repeat(399)}:00:01.000\nhuge\n\n00:00.000 --> 00:01.000\nsmall\n`;
    const ours = parseWebVTT(input);

    expect(ours.cues.map((cue) => cue.text)).to.deep.equal(['small']);
    expect(ours.errors.map((e) => [e.line, e.message.endsWith('is too large')])).to.deep.equal([[3, true]]);
    expect((await chromiumCues(input)).map((cue) => [cue.start, cue.end, cue.text])).to.deep.equal([
      [0, 1, 'small'],
      [Infinity, Infinity, 'huge'],
    ]);
  });
});
