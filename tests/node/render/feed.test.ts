/**
 * Each story's podcast feed, read by a real Podcasting 2.0 parser (podcast-partytime), as a podcast
 * app would: every element it promises, every URL in it resolving to a file of the built site with
 * the stated length and type, and chapters and transcripts that match the timed story.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseFeed, type FeedObject } from 'podcast-partytime';
import sharp from 'sharp';
import { buildSite } from '../../../scripts/build/build.js';
import { STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';
import { chaptersOf, paragraphsOf, type TimedStory } from '../../../src/story/timed-story.js';

const BASE = 'https://stories.example/listen/';

describe('the podcast feeds', () => {
  let out: string;
  before(async () => {
    out = await buildSite({ baseUrl: BASE, out: await mkdtemp(join(tmpdir(), 'feed-site-')) });
  });

  /** The built file an absolute URL of the site names. */
  const fileOf = (url: string) => {
    assert.ok(url.startsWith(BASE), `${url} is on the site`);
    const path = join(out, decodeURIComponent(url.slice(BASE.length)));
    assert.ok(existsSync(path), `${url} resolves to a file of the site`);
    return path;
  };

  for (const folder of storyFolders()) {
    describe(basename(folder), () => {
      let story: TimedStory;
      let feed: FeedObject;
      before(async () => {
        story = JSON.parse(await readFile(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory;
        const parsed = parseFeed(await readFile(join(out, story.id, 'feed.xml'), 'utf8'));
        assert.ok(parsed, 'the feed parses');
        feed = parsed;
      });

      it('is one channel in the story’s language, with its artwork and its people', async () => {
        assert.equal(feed.language, story.language);
        assert.equal(feed.title, story.subtitle ? `${story.title}: ${story.subtitle}` : story.title);
        assert.equal(feed.link, `${BASE}${story.id}/`);
        const art = await sharp(fileOf(feed.itunesImage ?? '')).metadata();
        assert.deepEqual([art.format, art.width, art.height], ['jpeg', 1400, 1400]);
        assert.deepEqual(feed.podcastPeople?.map((person) => person.name), story.credits.map((credit) => credit.name));
        assert.equal(feed.items.length, 1);
      });

      it('files the story under its Apple Podcasts category and dates the episode', async () => {
        const category = story.category!;
        assert.equal(feed.categories?.[0]?.toLowerCase(), category.name.toLowerCase());
        const xml = await readFile(join(out, story.id, 'feed.xml'), 'utf8');
        const nested = category.subcategory ? `<itunes:category text="${category.subcategory}"/>` : '';
        assert.ok(xml.includes(`<itunes:category text="${category.name}">${nested}</itunes:category>`), 'category and subcategory as Apple nests them');
        assert.equal(feed.items[0]!.pubDate?.toISOString().slice(0, 10), story.published);
      });

      it('offers the MP3 as the enclosure and the Opus file as an alternate, with exact lengths and types', () => {
        const [episode] = feed.items;
        assert.equal(episode!.enclosure.type, 'audio/mpeg');
        assert.equal(episode!.enclosure.length, statSync(fileOf(episode!.enclosure.url)).size);
        const [mp3, opus] = episode!.alternativeEnclosures ?? [];
        assert.deepEqual([mp3?.type, mp3?.default, mp3?.source[0]?.uri], ['audio/mpeg', true, episode!.enclosure.url], 'the enclosure again, as the default');
        assert.deepEqual([opus?.type, opus?.codecs, opus?.default], ['audio/webm', 'opus', false]);
        assert.equal(opus?.length, statSync(fileOf(opus!.source[0]!.uri)).size);
        assert.ok(Number(opus?.bitrate) > 30_000 && Number(opus?.bitrate) < 40_000, `Opus at about 32 kbit/s (${String(opus?.bitrate)})`);
        assert.equal(episode!.duration, Math.round(story.duration));
        assert.equal(episode!.guid, `listen-photo-story:${story.id}`);
      });

      it('names three transcripts: the WebVTT captions, HTML and JSON, each a file of the site', () => {
        const transcripts = feed.items[0]!.podcastTranscripts ?? [];
        assert.deepEqual(transcripts.map((t) => [t.type, t.rel ?? null, t.language]), [
          ['text/vtt', 'captions', story.language],
          ['text/html', null, story.language],
          ['application/json', null, story.language],
        ]);
        for (const transcript of transcripts) fileOf(transcript.url);
      });

      it('has JSON chapters that match the timed story, each picture with its artwork, alt text and description', async () => {
        const chapters = feed.items[0]!.podcastChapters!;
        assert.equal(chapters.type, 'application/json+chapters');
        const json = JSON.parse(await readFile(fileOf(chapters.url), 'utf8')) as {
          chapters: { startTime: number; endTime: number; title: string; img?: string; imgAlt?: string; imgDescription?: string }[];
        };
        const timed = chaptersOf(story);
        assert.deepEqual(json.chapters.map((c) => [c.startTime, c.endTime, c.title]), timed.map((c) => [c.start, c.end, c.title]));
        story.scenes.forEach((scene, index) => {
          const chapter = json.chapters[index + 1]!;
          fileOf(chapter.img ?? '');
          assert.equal(chapter.imgAlt, scene.picture.alt);
          const description = paragraphsOf(scene, 'description').flat().map((s) => s.text).join(' ');
          assert.equal(chapter.imgDescription, description || undefined, scene.id);
        });
      });

      it('has a JSON transcript with a segment per spoken word, and an HTML one that says what each picture shows', async () => {
        const transcripts = feed.items[0]!.podcastTranscripts ?? [];
        const json = JSON.parse(await readFile(fileOf(transcripts[2]!.url), 'utf8')) as { segments: { startTime: number; body: string }[] };
        const words = chaptersOf(story).flatMap((chapter) => chapter.sentences.flatMap((sentence) => sentence.words));
        assert.deepEqual(json.segments.map((s) => [s.startTime, s.body]), words.map((w) => [w.start, w.text]));
        const html = await readFile(fileOf(transcripts[1]!.url), 'utf8');
        for (const scene of story.scenes) assert.ok(html.includes(scene.picture.alt.replace(/&/g, '&amp;')), scene.id);
      });

      it('tells every app what each picture shows in the show notes, within Apple’s 4,000 characters, and each description in the full notes', () => {
        const description = feed.items[0]!.description ?? '';
        assert.ok(description.length <= 4000, `${description.length} characters`);
        for (const scene of story.scenes) assert.ok(description.includes(scene.picture.alt.replace(/&/g, '&amp;')), scene.id);
        const content = feed.items[0]!.content ?? '';
        for (const scene of story.scenes) {
          const first = paragraphsOf(scene, 'description')[0]?.[0]?.text;
          if (first) assert.ok(content.includes(first.replace(/&/g, '&amp;')), scene.id);
        }
      });

      it('is linked from the story’s page, with the episode and the transcript to download', async () => {
        const page = await readFile(join(out, story.id, 'index.html'), 'utf8');
        assert.match(page, /<link rel="alternate" type="application\/rss\+xml" href="feed.xml"/);
        assert.match(page, /<a href="feed.xml" type="application\/rss\+xml">/);
        assert.match(page, /<a href="audio\/episode.mp3" download type="audio\/mpeg">/);
        assert.match(page, /<a href="transcript.html" download type="text\/html">/);
      });
    });
  }
});
