import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTimestamp, parseTimestamp, parseWebVTT } from '../../../src/captions/index.js';
import { conformanceCases, cueDefaults, regionDefaults } from './webvtt-conformance-cases.js';

/** A file from its lines, joined with LF. */
const vtt = (...lines: string[]): string => lines.join('\n');

describe('parseWebVTT: the web-platform-tests file-parsing cases, in our own words', () => {
  for (const c of conformanceCases) {
    it(c.name, () => {
      const { cues, regions, styles } = parseWebVTT(c.input);

      assert.deepEqual(cues, c.cues.map((cue) => ({ ...cueDefaults(), ...cue })));
      assert.deepEqual(regions, (c.regions ?? []).map((region) => ({ ...regionDefaults(), ...region })));
      assert.deepEqual(styles, c.styles ?? []);
    });
  }
});

describe('parseWebVTT', () => {
  describe('valid files', () => {
    it('reads cues with identifiers, settings and multi-line payloads', () => {
      const { cues, errors } = parseWebVTT(
        vtt(
          'WEBVTT',
          '',
          'intro-1',
          '00:00.000 --> 00:02.500 align:start line:0',
          '<v Narrator>Lety Perez crouches',
          'on the road.',
          '',
          '00:00:02.500 --> 00:00:04.000',
          'Second cue',
          '',
        ),
      );

      assert.deepEqual(errors, []);
      assert.deepEqual(cues, [
        {
          ...cueDefaults(),
          id: 'intro-1',
          start: 0,
          end: 2.5,
          align: 'start',
          line: 0,
          text: '<v Narrator>Lety Perez crouches\non the road.',
        },
        { ...cueDefaults(), id: '', start: 2.5, end: 4, text: 'Second cue' },
      ]);
    });

    it('skips NOTE comments and STYLE and REGION blocks without reporting them', () => {
      const { cues, errors } = parseWebVTT(
        vtt(
          'WEBVTT',
          '',
          'STYLE',
          '::cue { color: yellow }',
          '',
          'REGION',
          'id:fred width:40%',
          '',
          'NOTE This is a comment',
          'over two lines',
          '',
          'NOTE',
          'a note alone on its first line',
          '',
          '00:01.000 --> 00:02.000',
          'Hello',
          '',
          'NOTE comments may follow cues',
        ),
      );

      assert.deepEqual(errors, []);
      assert.deepEqual(
        cues.map((c) => c.text),
        ['Hello'],
      );
    });

    it('ignores the description after WEBVTT and the header lines before the first blank line', () => {
      const { cues, errors } = parseWebVTT(
        vtt('WEBVTT\tPhoto story captions', 'Kind: captions', 'Language: en', '', '00:01.000 --> 00:02.000', 'Hi'),
      );

      assert.deepEqual(errors, []);
      assert.equal(cues.length, 1);
    });

    it('reads a cue right after the signature line, without a blank line', () => {
      const { cues, errors } = parseWebVTT(vtt('WEBVTT', '00:01.000 --> 00:02.000', 'Hi'));

      assert.deepEqual(errors, []);
      assert.deepEqual(
        cues.map((c) => c.text),
        ['Hi'],
      );
    });

    it('reads CRLF and lone CR line endings like LF, and counts their lines the same', () => {
      const lines = ['WEBVTT', '', '00:01.000 --> 00:02.000', 'one', 'two', '', '00:03.5 --> 00:04.000', 'bad'];
      const lf = parseWebVTT(lines.join('\n'));
      const crlf = parseWebVTT(lines.join('\r\n'));
      const cr = parseWebVTT(lines.join('\r'));

      assert.deepEqual(crlf, lf);
      assert.deepEqual(cr, lf);
      assert.equal(lf.cues[0]?.text, 'one\ntwo');
      assert.equal(lf.errors[0]?.line, 7);
    });

    it('accepts a byte order mark before the signature', () => {
      const { cues, errors } = parseWebVTT('\uFEFF' + vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'Hi'));

      assert.deepEqual(errors, []);
      assert.equal(cues.length, 1);
    });

    it('replaces NUL characters with U+FFFD', () => {
      const { cues } = parseWebVTT(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a\0b'));

      assert.equal(cues[0]?.text, 'a\uFFFDb');
    });

    it('keeps the last cue of a file that ends without a blank line or line break', () => {
      const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'last words'));

      assert.deepEqual(errors, []);
      assert.equal(cues[0]?.text, 'last words');
    });

    it('keeps a cue whose timing line ends the file, with empty text', () => {
      const { cues } = parseWebVTT(vtt('WEBVTT', '', 'id', '00:01.000 --> 00:02.000'));

      assert.deepEqual(cues, [{ ...cueDefaults(), id: 'id', start: 1, end: 2, text: '' }]);
    });

    it('accepts a file with only the signature', () => {
      const empty = { cues: [], regions: [], styles: [], errors: [] };
      assert.deepEqual(parseWebVTT('WEBVTT'), empty);
      assert.deepEqual(parseWebVTT('WEBVTT\n'), empty);
      assert.deepEqual(parseWebVTT('WEBVTT - nothing yet\n\n\n'), empty);
    });

    it('reads timings without spaces around the arrow and with hours of any length', () => {
      const { cues, errors } = parseWebVTT(
        vtt('WEBVTT', '', '00:00.000-->00:01.000', 'a', '', '1:00:00.000 --> 100:00:00.000', 'b'),
      );

      assert.deepEqual(errors, []);
      assert.deepEqual(
        cues.map((c) => [c.start, c.end]),
        [
          [0, 1],
          [3600, 360000],
        ],
      );
    });

    it('allows a cue that starts before the previous one, in file order', () => {
      const { cues, errors } = parseWebVTT(
        vtt('WEBVTT', '', '00:05.000 --> 00:06.000', 'later', '', '00:01.000 --> 00:02.000', 'earlier'),
      );

      assert.deepEqual(errors, []);
      assert.deepEqual(
        cues.map((c) => c.text),
        ['later', 'earlier'],
      );
    });
  });

  describe('"-->" where a timing line is not expected', () => {
    it('ends a cue at a payload line containing "-->" and reports that line', () => {
      const { cues, errors } = parseWebVTT(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          'He said',
          'go --> now',
          'and left',
          '',
          '00:03.000 --> 00:04.000',
          'Next',
        ),
      );

      assert.deepEqual(
        cues.map((c) => c.text),
        ['He said', 'Next'],
      );
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.line, 5);
      assert.match(errors[0]?.message ?? '', /"go --> now" contains "-->"/);
    });

    it('starts a new cue at a timing line that follows a payload without a blank line', () => {
      const { cues, errors } = parseWebVTT(
        vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'one', '00:02.000 --> 00:03.000', 'two'),
      );

      assert.deepEqual(errors, []);
      assert.deepEqual(
        cues.map((c) => [c.start, c.text]),
        [
          [1, 'one'],
          [2, 'two'],
        ],
      );
    });

    it('reports a NOTE comment that contains "-->"', () => {
      const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', 'NOTE a --> b', '', '00:01.000 --> 00:02.000', 'ok'));

      assert.equal(cues.length, 1);
      assert.deepEqual(errors, [{ line: 3, message: 'NOTE comment "NOTE a --> b" must not contain "-->"' }]);
    });
  });

  describe('errors', () => {
    it('reports a missing WEBVTT signature on line 1 and reads no cues', () => {
      for (const text of [
        '',
        'webvtt\n\n00:01.000 --> 00:02.000\nHi',
        'WEBVTTX\n\n00:01.000 --> 00:02.000\nHi',
        '00:01.000 --> 00:02.000\nHi',
        ' WEBVTT',
      ]) {
        const { cues, errors } = parseWebVTT(text);

        assert.deepEqual(cues, [], JSON.stringify(text));
        assert.equal(errors.length, 1, JSON.stringify(text));
        assert.equal(errors[0]?.line, 1);
        assert.match(errors[0]?.message ?? '', /^missing WEBVTT signature/);
      }
    });

    it('quotes the first line when the signature is missing', () => {
      const { errors } = parseWebVTT('WEBVTT-captions\n');

      assert.match(errors[0]?.message ?? '', /but it is "WEBVTT-captions"$/);
    });

    it('reports a cue timing whose seconds lack three decimal places, naming the line and the timestamp', () => {
      const { cues, errors } = parseWebVTT(
        vtt('WEBVTT', '', '00:00.000 --> 00:01.000', 'ok', '', 'second', '00:01.5 --> 00:02.000', 'dropped'),
      );

      assert.deepEqual(
        cues.map((c) => c.text),
        ['ok'],
      );
      assert.deepEqual(errors, [
        {
          line: 7,
          message:
            'cue timing "00:01.5 --> 00:02.000": seconds must have three decimal places in the start time "00:01.5"',
        },
      ]);
    });

    it('reports a cue timing without a period with its line number', () => {
      const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', '00:01,000 --> 00:02,000', 'SRT style'));

      assert.deepEqual(cues, []);
      assert.deepEqual(errors, [
        {
          line: 3,
          message:
            'cue timing "00:01,000 --> 00:02,000": use a period, not a comma, before the milliseconds in the start time "00:01,000"',
        },
      ]);
    });

    it('says which part of a malformed timestamp is wrong, and whether it is the start or the end', () => {
      const cases: [timing: string, expected: string][] = [
        ['00:01.000 --> 00:02', 'seconds must be followed by a period and three decimal places in the end time "00:02"'],
        ['00:01.000 --> 0:02.000', 'minutes must have two digits (or write hours as hh:mm:ss.ttt) in the end time "0:02.000"'],
        ['00:1.000 --> 00:02.000', 'seconds must have two digits in the start time "00:1.000"'],
        ['00:00:60.000 --> 00:01:00.000', 'seconds must be 59 or less in the start time "00:00:60.000"'],
        ['00:60:00.000 --> 01:00:00.000', 'minutes must be 59 or less in the start time "00:60:00.000"'],
        ['75:00.000 --> 76:00.000', 'minutes must be 59 or less (write hours as hh:mm:ss.ttt) in the start time "75:00.000"'],
        ['1.000 --> 2.000', 'the start time "1.000" must have minutes and seconds separated by a colon (mm:ss.ttt)'],
        ['start --> 00:02.000', 'the start time "start" must start with a digit'],
        ['00:01.000 -->', 'the end time is missing'],
        ['00:01.000 x --> 00:02.000', 'expected "-->" right after the start time'],
      ];
      for (const [timing, expected] of cases) {
        const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', timing, 'text'));

        assert.deepEqual(cues, [], timing);
        assert.deepEqual(errors, [{ line: 3, message: `cue timing ${JSON.stringify(timing)}: ${expected}` }]);
      }
    });

    it('reports and keeps cues that end before they start or when they start, as browsers keep them', () => {
      const { cues, errors } = parseWebVTT(
        vtt(
          'WEBVTT',
          '',
          '00:03.000 --> 00:02.000',
          'backwards',
          '',
          '00:03.000 --> 00:03.000',
          'empty',
          '',
          '00:03.000 --> 00:03.001',
          'kept',
        ),
      );

      assert.deepEqual(
        cues.map((c) => [c.start, c.end, c.text]),
        [
          [3, 2, 'backwards'],
          [3, 3, 'empty'],
          [3, 3.001, 'kept'],
        ],
      );
      assert.deepEqual(errors, [
        { line: 3, message: 'cue timing "00:03.000 --> 00:02.000": the end time must be after the start time (the cue is kept, and never shown)' },
        { line: 6, message: 'cue timing "00:03.000 --> 00:03.000": the end time must be after the start time (the cue is kept, and never shown)' },
      ]);
    });

    it('reports a block that is not a cue and keeps the cues after it', () => {
      const { cues, errors } = parseWebVTT(
        vtt('WEBVTT', '', 'id', 'extra line', '00:01.000 --> 00:02.000', 'Hi', '', 'stray text', '', '00:03.000 --> 00:04.000', 'Bye'),
      );

      // The timing line on the third line of a block starts a new cue, without the identifier.
      assert.deepEqual(
        cues.map((c) => [c.id, c.text]),
        [
          ['', 'Hi'],
          ['', 'Bye'],
        ],
      );
      assert.deepEqual(
        errors.map((e) => e.line),
        [3, 8],
      );
      assert.match(errors[1]?.message ?? '', /^block "stray text" ignored/);
    });

    it('reports a STYLE block after the first cue, as browsers ignore it', () => {
      const { errors } = parseWebVTT(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'Hi', '', 'STYLE', '::cue {}'));

      assert.deepEqual(errors, [
        { line: 6, message: 'STYLE block ignored: STYLE and REGION blocks must come before the first cue' },
      ]);
    });

    it('reports a timestamp too large for a finite time and drops its cue', () => {
      const hours = `1${'0'.repeat(400)}`;
      const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', `00:00.000 --> ${hours}:00:00.000`, 'huge', '', '00:01.000 --> 00:02.000', 'ok'));

      assert.deepEqual(
        cues.map((c) => c.text),
        ['ok'],
      );
      assert.deepEqual(errors, [
        {
          line: 3,
          message: `cue timing "00:00.000 --> ${'1'.padEnd(45, '0')}…": the end time "${'1'.padEnd(59, '0')}…" is too large`,
        },
      ]);
    });

    it('never throws, whatever the input', () => {
      // A deterministic pseudo-random mix of the characters that matter to the parser.
      const alphabet = ['WEBVTT', '\n', '\r', '\r\n', ' ', '-->', '00:01.000', ':', '.', '1', 'NOTE', 'STYLE', '\0', '\uFEFF', 'x'];
      let seed = 42;
      const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let i = 0; i < 2000; i++) {
        let text = i % 2 === 0 ? 'WEBVTT\n\n' : '';
        for (let j = 0; j < 30; j++) text += alphabet[Math.floor(random() * alphabet.length)];

        const { cues, errors } = parseWebVTT(text);

        for (const cue of cues) assert.ok(Number.isFinite(cue.start) && Number.isFinite(cue.end), JSON.stringify(text));
        for (const error of errors) assert.ok(error.line >= 1 && error.message.length > 0);
      }
    });
  });
});

describe('parseWebVTT: settings and blocks it cannot read, reported on their line', () => {
  const T = '00:00.000 --> 00:01.000';
  /** The errors of a file with one cue per settings list, its timing line on lines 3, 6, 9… */
  const errorsOf = (...settings: string[]) => parseWebVTT(vtt('WEBVTT', '', ...settings.flatMap((s) => [`${T} ${s}`, 'x', '']))).errors;

  it('names each cue setting it ignores and why, and keeps the cue with the others', () => {
    const cases: [setting: string, why: string][] = [
      ['align', 'it is not written name:value'],
      ['align:', 'it is not written name:value'],
      [':start', 'it is not written name:value'],
      ['colour:red', 'no setting has that name'],
      ['Align:start', 'no setting has that name'],
      ['region:nowhere', 'no REGION with id "nowhere" comes before it'],
      ['vertical:up', 'vertical is "rl" or "lr"'],
      ['line:x', 'line is a number of lines or a percentage, then optionally ",start", ",center" or ",end"'],
      [`line:1${'0'.repeat(400)}`, 'line is a number of lines or a percentage, then optionally ",start", ",center" or ",end"'],
      ['line:101%', 'line is a number of lines or a percentage, then optionally ",start", ",center" or ",end"'],
      ['line:5,middle', 'the line alignment is "start", "center" or "end"'],
      ['position:5', 'position is a percentage, then optionally ",line-left", ",center" or ",line-right"'],
      ['position:5%,left', 'the position alignment is "line-left", "center" or "line-right"'],
      ['size:200%', 'size is a percentage from 0% to 100%'],
      ['align:middle', 'align is "start", "center", "end", "left" or "right"'],
    ];
    for (const [setting, why] of cases) {
      const { cues, errors } = parseWebVTT(vtt('WEBVTT', '', `${T} ${setting} align:end`, 'x'));

      assert.deepEqual(errors, [{ line: 3, message: `cue setting ${JSON.stringify(setting)} ignored: ${why}` }], setting);
      assert.equal(cues.length, 1, setting);
      assert.equal(cues[0]?.align, 'end', setting);
    }
  });

  it('reports nothing for settings it reads, and each ignored one of a list on the cue\'s timing line', () => {
    assert.deepEqual(errorsOf('align:start line:-1,end position:0%,center size:0% vertical:lr', '\tregion:x  size:', ''), [
      { line: 6, message: 'cue setting "region:x" ignored: no REGION with id "x" comes before it' },
      { line: 6, message: 'cue setting "size:" ignored: it is not written name:value' },
    ]);
  });

  it('names each REGION setting it ignores, on its own line of the block', () => {
    const { regions, errors } = parseWebVTT(
      vtt('WEBVTT', '', 'REGION', 'id:r width:x', 'lines:1.5 lines:-2', `lines:1${'0'.repeat(400)}`, 'regionanchor:1% viewportanchor:a,b', 'viewportanchor:1%,', 'scroll:down', 'colour:red width', ''),
    );

    assert.deepEqual(regions, [{ ...regionDefaults(), id: 'r' }]);
    assert.deepEqual(errors, [
      { line: 4, message: 'REGION setting "width:x" ignored: width is a percentage from 0% to 100%' },
      { line: 5, message: 'REGION setting "lines:1.5" ignored: lines is a whole number' },
      { line: 5, message: 'REGION setting "lines:-2" ignored: lines is a whole number' },
      { line: 6, message: `REGION setting ${JSON.stringify(`lines:1${'0'.repeat(400)}`)} ignored: lines is a whole number` },
      { line: 7, message: 'REGION setting "regionanchor:1%" ignored: regionanchor is two percentages from 0% to 100%, x,y' },
      { line: 7, message: 'REGION setting "viewportanchor:a,b" ignored: viewportanchor is two percentages from 0% to 100%, x,y' },
      { line: 8, message: 'REGION setting "viewportanchor:1%," ignored: viewportanchor is two percentages from 0% to 100%, x,y' },
      { line: 9, message: 'REGION setting "scroll:down" ignored: scroll is "up"' },
      { line: 10, message: 'REGION setting "colour:red" ignored: no setting has that name' },
      { line: 10, message: 'REGION setting "width" ignored: it is not written name:value' },
    ]);
  });

  it('reads a region\'s settings only after its REGION line, and reports nothing for a valid one', () => {
    const { regions, errors } = parseWebVTT(vtt('WEBVTT', '', 'REGION', 'id:r scroll:up lines:0 width:0%', '', `${T} region:r`, 'x'));

    assert.deepEqual(errors, []);
    assert.deepEqual(regions, [{ ...regionDefaults(), id: 'r', scroll: 'up', lines: 0, width: 0 }]);
  });

  it('keeps a STYLE block\'s text as written, and reports nothing', () => {
    const { styles, errors } = parseWebVTT(vtt('WEBVTT', '', 'STYLE\t', '  ::cue { color: red }', '', `${T}`, 'x'));

    assert.deepEqual(errors, []);
    assert.deepEqual(styles, ['  ::cue { color: red }']);
  });

  it('reads "REGION" and "STYLE" only as the whole first line of a block before the first cue', () => {
    const { regions, styles, errors } = parseWebVTT(vtt('WEBVTT', '', 'REGIONS', 'id:a', '', 'STYLE x', '.a {}', '', 'REGION', '', `${T}`, 'x'));

    assert.deepEqual([regions, styles], [[], []]);
    assert.deepEqual(
      errors.map((e) => [e.line, e.message.slice(0, 16)]),
      [
        [3, 'block "REGIONS" '],
        [6, 'block "STYLE x" '],
      ],
    );
  });
});

describe('parseTimestamp', () => {
  it('reads mm:ss.ttt and hh:mm:ss.ttt in seconds', () => {
    assert.equal(parseTimestamp('00:01.250'), 1.25);
    assert.equal(parseTimestamp('02:05.000'), 125);
    assert.equal(parseTimestamp('01:02:03.004'), 3723.004);
    assert.equal(parseTimestamp('123:00:00.000'), 442800);
  });

  it('returns null for anything that is not exactly one timestamp, or one too large for a finite time', () => {
    for (const text of [`1${'0'.repeat(400)}:00:00.000`, '', '1.250', '0:01.250', '00:01.25', '00:01,250', '00:60.000', ' 00:01.250', '00:01.250 ', '00:01.250x']) {
      assert.equal(parseTimestamp(text), null, JSON.stringify(text));
    }
  });
});

describe('formatTimestamp', () => {
  it('always writes hh:mm:ss.ttt', () => {
    assert.equal(formatTimestamp(0), '00:00:00.000');
    assert.equal(formatTimestamp(1.25), '00:00:01.250');
    assert.equal(formatTimestamp(3723.004), '01:02:03.004');
  });

  it('rounds to the nearest millisecond without ever writing 60 seconds', () => {
    assert.equal(formatTimestamp(1.0004), '00:00:01.000');
    assert.equal(formatTimestamp(1.0006), '00:00:01.001');
    assert.equal(formatTimestamp(59.9996), '00:01:00.000');
    assert.equal(formatTimestamp(3599.9999), '01:00:00.000');
    assert.equal(formatTimestamp(0.1 + 0.2), '00:00:00.300');
  });

  it('writes more than two digits of hours when needed', () => {
    assert.equal(formatTimestamp(100 * 3600), '100:00:00.000');
  });

  it('round-trips with parseTimestamp', () => {
    for (const seconds of [0, 0.001, 1.25, 59.999, 60, 3599.999, 86400.5]) {
      assert.equal(parseTimestamp(formatTimestamp(seconds)), seconds);
    }
  });

  it('refuses times a WebVTT file cannot hold', () => {
    for (const seconds of [-1, Number.NaN, Infinity]) {
      assert.throws(() => formatTimestamp(seconds), RangeError);
    }
  });
});
