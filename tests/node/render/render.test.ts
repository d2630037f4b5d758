/**
 * Every view of a story is rendered from its timed story alone: no manuscript, no speech engine.
 * These tests render a small hand-written timed story and read what comes out as a browser, a
 * WebVTT parser and a podcast app would.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebVTT } from '../../../src/captions/webvtt.js';
import { cuePlainText, cueVoice, cueWords } from '../../../src/captions/cue-text.js';
import { renderStoryFiles } from '../../../scripts/render/story-files.js';
import { renderIndexPage } from '../../../scripts/render/index-page.js';
import { RENDERED_FILES } from '../../../scripts/story/paths.js';
import { smallTimedStory } from '../support/timed-story.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { podcastChapters } from '../../../scripts/render/podcast-chapters.js';
import { pictureArtwork, pictureFiles, pictureLockScreenArtwork, pictureSources, pictureStem, readPictureFile } from '../../../scripts/story/pictures.js';

const ASSETS = { script: '../app.js', stylesheet: '../page.css', icon: '../icon.svg' };

function render(change: (story: ReturnType<typeof smallTimedStory>) => void = () => {}) {
  const story = smallTimedStory();
  change(story);
  return { story, files: renderStoryFiles(story, ASSETS) };
}

function cues(text: string) {
  const parsed = parseWebVTT(text);
  assert.deepEqual(parsed.errors, []);
  return parsed.cues;
}

describe('rendering a timed story', () => {
  it('writes the page, the three tracks, the JSON chapters, the feed and the transcripts, and nothing else', () => {
    assert.deepEqual(Object.keys(render().files).sort(), [
      'captions/captions.vtt',
      'captions/chapters.json',
      'captions/chapters.vtt',
      'captions/descriptions.vtt',
      'feed.xml',
      'index.html',
      'transcript.html',
      'transcript.json',
    ]);
  });

  it('gives every sentence a caption cue with its voice and word times', () => {
    const { story, files } = render();
    const list = cues(files[RENDERED_FILES.captions]!);
    const sentences = [story.intro, ...story.scenes, story.close].flatMap((chapter) => chapter.sentences);
    assert.deepEqual(list.map((cue) => cue.id), sentences.map((sentence) => sentence.id));
    const description = list.find((cue) => cue.id === 'scene-1-description-1')!;
    assert.equal(cueVoice(description), 'Audio description');
    assert.equal(cuePlainText(description), 'A <square> & more.', 'story text stays text');
    assert.deepEqual(cueWords(description).map((word) => word.start), sentences.find((s) => s.id === description.id)!.words.map((w) => w.start));
    assert.equal(cueVoice(list[0]!), 'Narrator');
  });

  it('cuts a long sentence into caption cues of at most 90 characters, at a comma, each with its word times', () => {
    const words = 'The officer listened to her, then turned away and said nothing more to the mother or to her son that evening.';
    const { files } = render((story) => {
      const sentence = story.scenes[1]!.sentences[1]!;
      const list = words.split(' ');
      sentence.text = words;
      sentence.words = list.map((text, index) => ({ text, start: 9.1 + index * 0.1, end: 9.1 + index * 0.1 + 0.08 }));
      sentence.end = sentence.words.at(-1)!.end;
    });
    const parts = cues(files[RENDERED_FILES.captions]!).filter((cue) => cue.id.startsWith('scene-2-narration-1'));
    assert.deepEqual(parts.map((cue) => [cue.id, cuePlainText(cue)]), [
      ['scene-2-narration-1-part-1', 'The officer listened to her,'],
      ['scene-2-narration-1-part-2', 'then turned away and said nothing more to the mother or to her son that evening.'],
    ]);
    assert.deepEqual(parts.map((cue) => [cue.start, cue.end]), [[9.1, 9.58], [9.6, 11.18]]);
    assert.deepEqual(cueWords(parts[1]!).map((word) => word.start).slice(0, 2), [9.6, 9.7]);
  });

  it('puts only the described pictures in the descriptions track', () => {
    const { files } = render();
    assert.deepEqual(cues(files[RENDERED_FILES.descriptions]!).map((cue) => [cue.id, cue.start, cue.end]), [['scene-1-description', 4, 6]]);
  });

  it('makes chapters that tile the episode, in WebVTT and Podcasting 2.0 JSON with each picture as its image', () => {
    const { files } = render();
    assert.deepEqual(cues(files[RENDERED_FILES.chapters]!).map((cue) => [cue.id, cue.start, cue.end, cue.text]), [
      ['intro', 0, 3, 'Intro'],
      ['scene-1', 3, 8, 'Picture 1 of 2: S'],
      ['scene-2', 8, 12, 'Photo 2 of 2: R'],
      ['close', 12, 14, 'Close'],
    ]);
    const json = JSON.parse(files[RENDERED_FILES.podcastChapters]!) as { version: string; chapters: { startTime: number; img?: string; imgAlt?: string; imgDescription?: string }[] };
    assert.equal(json.version, '1.2.0');
    assert.deepEqual(json.chapters.map((chapter) => chapter.img), [
      undefined,
      'http://localhost:8000/small/images/generated/first-artwork.jpg',
      'http://localhost:8000/small/images/generated/second-artwork.jpg',
      undefined,
    ], 'absolute: podcast apps fetch the chapters file alone');
    assert.deepEqual(json.chapters.map((chapter) => [chapter.imgAlt, chapter.imgDescription]), [
      [undefined, undefined],
      ['A square.', 'A <square> & more.'],
      ['A tall photo.', undefined],
      [undefined, undefined],
    ]);
  });

  it('renders the page with each paragraph, a description block only where there is a description, and the picture kind', () => {
    const page = render().files[RENDERED_FILES.page]!;
    assert.match(page, /<html lang="en">/);
    assert.match(page, /<p><span class="sentence" id="scene-1-narration-1"[^>]*>First paragraph\.<\/span><\/p>\s*<p><span class="sentence" id="scene-1-narration-2"/);
    const [first = '', second = ''] = page.split('<story-scene ').slice(1);
    assert.match(first, /^id="scene-1"[^>]* description-start="4" description-end="6" picture-kind="illustration"/);
    assert.match(first, /<h3>Audio description<\/h3>/);
    assert.doesNotMatch(second, /description-start|description-end|class="description"/);
    assert.match(second, /picture-kind="photograph"/);
    assert.match(first, /^[^>]* artwork="images\/generated\/first-artwork-512\.jpg">/, 'the small square for the lock screen, which the browser decodes on the page');
    assert.equal((page.match(/<track kind="descriptions"/g) ?? []).length, 1);
    assert.match(page, /<track kind="chapters"[^>]*label="Pictures">/, 'not "Photos": one of the pictures is drawn');
  });

  it('offers each picture at the widths it can fill, keeping its aspect ratio, never upscaled', () => {
    const page = render().files[RENDERED_FILES.page]!;
    const portrait = /srcset="(images\/generated\/second-[^"]*\.webp[^"]*)"/.exec(page)?.[1];
    assert.equal(portrait, 'images/generated/second-480.webp 480w, images/generated/second-800.webp 800w, images/generated/second-1200.webp 1200w');
    assert.match(page, /width="1200" height="1600" alt="A tall photo\."/);
    assert.match(page, /images\/generated\/first-1600\.webp 1600w/, 'an SVG is drawn at every width');
  });

  it('keeps story text as text in the feed and the transcript', () => {
    const { files } = render();
    assert.match(files[RENDERED_FILES.feed]!, /&lt;p&gt;A small story\.&lt;\/p&gt;/, 'the item description is escaped HTML');
    assert.doesNotMatch(files[RENDERED_FILES.feed]!, /<square>|<b>/);
    assert.match(files[RENDERED_FILES.transcriptHtml]!, /A &lt;square&gt; &amp; more\./);
  });

  it('keeps story text as text in the page', () => {
    const page = render().files[RENDERED_FILES.page]!;
    assert.match(page, /Caption &lt;b&gt;one&lt;\/b&gt;\. <span class="credit">Drawn &amp; done<\/span>/);
    assert.match(page, />A &lt;square&gt; &amp; more\.</);
    assert.doesNotMatch(page, /<b>one<\/b>/);
  });

  it('writes the page chrome in the story’s language', () => {
    const { files } = render((story) => {
      story.language = 'es';
      story.credits = [{ role: 'writer', name: 'Alguien' }, { role: 'narration', name: 'Voz sintética' }];
    });
    const page = files[RENDERED_FILES.page]!;
    assert.match(page, /<html lang="es">/);
    assert.match(page, />Saltar a la historia</);
    assert.match(page, /<h3>Audiodescripción<\/h3>/);
    assert.match(page, /<dt>Texto<\/dt><dd>Alguien<\/dd><dt>Narración<\/dt><dd>Voz sintética<\/dd>/);
    assert.match(page, /Edición para escuchar · 14 segundos/);
    assert.match(page, /srclang="es" label="Español"/);
    assert.equal(cueVoice(cues(files[RENDERED_FILES.captions]!).find((cue) => cue.id === 'scene-1-description-1')!), 'Audiodescripción');
  });

  it('says the pictures stand in for others only when they do', () => {
    assert.doesNotMatch(render().files[RENDERED_FILES.page]!, /stand-in-note/);
    const page = render((story) => (story.pictures = { kind: 'illustration', standIn: true, standInNote: 'They stand in.' })).files[RENDERED_FILES.page]!;
    assert.match(page, /<p class="stand-in-note">They stand in\.<\/p>/);
  });

  it('lists every story on the front page, each in its own language, linked to its page', () => {
    const english = smallTimedStory();
    const spanish = { ...smallTimedStory(), id: 'pequena', language: 'es', title: 'Pequeña' };
    const index = renderIndexPage([english, spanish], ASSETS);
    assert.match(index, /<li class="story-entry" lang="en">[\s\S]*<a href="small\/index.html">T<\/a>/);
    assert.match(index, /<li class="story-entry" lang="es">[\s\S]*<a href="pequena\/index.html">Pequeña<\/a>[\s\S]*Español/);
  });

  it('names the 512 px artwork for the lock screen and the front page, the 1,400 px one for link previews', () => {
    const cover = { file: 'images/cover.svg', width: 1400, height: 1400 };
    const page = render((story) => (story.cover = cover)).files[RENDERED_FILES.page]!;
    assert.match(page, /<story-player [^>]*artwork="images\/generated\/cover-artwork-512\.jpg"/);
    assert.match(page, /<meta property="og:image" content="images\/generated\/cover-artwork\.jpg">/);
    assert.match(renderIndexPage([{ ...smallTimedStory(), cover }], ASSETS), /<img src="small\/images\/generated\/cover-artwork-512\.jpg"/);
  });
});

describe('the responsive files of a picture', () => {
  const photo = (width: number, height: number, file = 'images/harbour.JPG') => ({ file, width, height });

  it('are named after the picture file, without its folder and extension', () => {
    assert.equal(pictureStem({ file: 'images/the-plea.svg' }), 'the-plea');
    assert.equal(pictureStem({ file: 'images/night.shot.jpeg' }), 'night.shot');
    assert.deepEqual(pictureArtwork({ file: 'images/the-plea.svg' }), { width: 1400, height: 1400, jpeg: 'images/generated/the-plea-artwork.jpg' });
    assert.deepEqual(pictureLockScreenArtwork({ file: 'images/the-plea.svg' }), { width: 512, height: 512, jpeg: 'images/generated/the-plea-artwork-512.jpg' });
  });

  it('are listed whole for the manifest and the build: every width in WebP and JPEG, then both squares', () => {
    assert.deepEqual(pictureFiles(photo(800, 600)), [
      'images/generated/harbour-480.webp',
      'images/generated/harbour-480.jpg',
      'images/generated/harbour-800.webp',
      'images/generated/harbour-800.jpg',
      'images/generated/harbour-artwork.jpg',
      'images/generated/harbour-artwork-512.jpg',
    ]);
  });

  it('come at every standard width the photo can fill, a photo exactly 800 px wide included, never upscaled', () => {
    assert.deepEqual(pictureSources(photo(800, 600)), [
      { width: 480, height: 360, webp: 'images/generated/harbour-480.webp', jpeg: 'images/generated/harbour-480.jpg' },
      { width: 800, height: 600, webp: 'images/generated/harbour-800.webp', jpeg: 'images/generated/harbour-800.jpg' },
    ]);
    assert.deepEqual(pictureSources(photo(4000, 3000)).map((s) => [s.width, s.height]), [[480, 360], [800, 600], [1200, 900], [1600, 1200]]);
  });

  it('come at the photo’s own width when it is narrower than every standard width', () => {
    assert.deepEqual(pictureSources(photo(320, 240)).map((s) => [s.width, s.height, s.jpeg]), [[320, 240, 'images/generated/harbour-320.jpg']]);
  });

  it('come at every width for a drawing, whatever its size, its extension in any case', () => {
    assert.deepEqual(pictureSources(photo(100, 50, 'images/map.SVG')).map((s) => [s.width, s.height]), [[480, 240], [800, 400], [1200, 600], [1600, 800]]);
  });

  it('start from the size the picture is shown at: a camera’s sideways portrait reads as portrait', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pictures-'));
    const path = join(folder, 'portrait.jpg');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } }).jpeg().withMetadata({ orientation: 6 }).toFile(path);
    assert.deepEqual(await readPictureFile(path, 'images/portrait.jpg'), { file: 'images/portrait.jpg', width: 200, height: 300 });
    await assert.rejects(readPictureFile(join(folder, 'nothing.jpg'), 'images/nothing.jpg'));
  });
});

describe('the WebVTT tracks and JSON chapters, as a player reads them', () => {
  it('write the chapters track exactly: a cue per chapter, titles as text', () => {
    const { files } = render((story) => (story.scenes[0]!.title = 'Picture 1 of 2: Salt & <sun>'));
    assert.equal(
      files[RENDERED_FILES.chapters],
      'WEBVTT\nKind: chapters\nLanguage: en\n\n' +
        'intro\n00:00:00.000 --> 00:00:03.000\nIntro\n\n' +
        'scene-1\n00:00:03.000 --> 00:00:08.000\nPicture 1 of 2: Salt &amp; &lt;sun&gt;\n\n' +
        'scene-2\n00:00:08.000 --> 00:00:12.000\nPhoto 2 of 2: R\n\n' +
        'close\n00:00:12.000 --> 00:00:14.000\nClose\n',
    );
  });

  it('write the descriptions track exactly: the description sentences of a picture as one cue over its range', () => {
    const { files } = render((story) => {
      const scene = story.scenes[0]!;
      const second = { ...scene.sentences[1]!, id: 'scene-1-description-2', text: 'Then more.', start: 5.6, end: 5.9, words: [{ text: 'Then', start: 5.6, end: 5.7 }, { text: 'more.', start: 5.7, end: 5.9 }] };
      scene.sentences.splice(2, 0, second);
    });
    assert.equal(
      files[RENDERED_FILES.descriptions],
      'WEBVTT\nKind: descriptions\nLanguage: en\n\nscene-1-description\n00:00:04.000 --> 00:00:06.000\nA &lt;square&gt; &amp; more. Then more.\n',
    );
  });

  it('write each caption cue with its voice and a timestamp before every word but the first', () => {
    const text = render().files[RENDERED_FILES.captions]!;
    assert.ok(text.startsWith('WEBVTT\nKind: captions\nLanguage: en\n\nintro-1\n00:00:00.200 --> 00:00:02.000\n<v Narrator>One <00:00:01.100>two.</v>\n\n'), text);
    assert.ok(
      text.includes('\nscene-1-description-1\n00:00:04.100 --> 00:00:05.500\n<v Audio description>A <00:00:04.450>&lt;square&gt; <00:00:04.800>&amp; <00:00:05.150>more.</v>\n'),
      text,
    );
  });

  it('give the intro and the close the cover’s artwork, each picture its own, and no description where none was recorded', () => {
    const story = smallTimedStory();
    story.cover = { file: 'images/cover.svg', width: 1400, height: 1400 };
    const json = podcastChapters(story);
    assert.deepEqual(json, {
      version: '1.2.0',
      title: 'T',
      chapters: [
        { startTime: 0, endTime: 3, title: 'Intro', img: 'images/generated/cover-artwork.jpg' },
        {
          startTime: 3,
          endTime: 8,
          title: 'Picture 1 of 2: S',
          img: 'images/generated/first-artwork.jpg',
          imgAlt: 'A square.',
          imgDescription: 'A <square> & more.',
        },
        { startTime: 8, endTime: 12, title: 'Photo 2 of 2: R', img: 'images/generated/second-artwork.jpg', imgAlt: 'A tall photo.' },
        { startTime: 12, endTime: 14, title: 'Close', img: 'images/generated/cover-artwork.jpg' },
      ],
    });
    assert.equal(podcastChapters(story, (path) => `https://example.org/small/${path}`).chapters[0]!.img, 'https://example.org/small/images/generated/cover-artwork.jpg');
  });
});

describe('two described pictures, and a description of two sentences', () => {
  it('make two description cues, and one line of chapter description with a space between sentences', () => {
    const { files } = render((story) => {
      const scene = story.scenes[1]!;
      scene.description = { start: 8.85, end: 9.05 };
      scene.sentences.splice(1, 0, { id: 'scene-2-description-1', kind: 'description', paragraph: 0, text: 'Tall.', start: 8.9, end: 9, words: [{ text: 'Tall.', start: 8.9, end: 9 }] });
      const first = story.scenes[0]!;
      first.sentences.splice(2, 0, { id: 'scene-1-description-2', kind: 'description', paragraph: 0, text: 'Then more.', start: 5.6, end: 5.9, words: [{ text: 'Then', start: 5.6, end: 5.7 }, { text: 'more.', start: 5.7, end: 5.9 }] });
    });
    assert.equal(
      files[RENDERED_FILES.descriptions],
      'WEBVTT\nKind: descriptions\nLanguage: en\n\nscene-1-description\n00:00:04.000 --> 00:00:06.000\nA &lt;square&gt; &amp; more. Then more.\n' +
        '\nscene-2-description\n00:00:08.850 --> 00:00:09.050\nTall.\n',
    );
    const json = JSON.parse(files[RENDERED_FILES.podcastChapters]!) as { chapters: { imgDescription?: string }[] };
    assert.deepEqual(json.chapters.map((chapter) => chapter.imgDescription), [undefined, 'A <square> & more. Then more.', 'Tall.', undefined]);
  });
});
