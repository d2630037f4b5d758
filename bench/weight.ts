/**
 * Weight: gzip bytes as an embedder ships them (scripts/size/measure.ts), ours beside media-chrome
 * and Plyr bundled the same way in the same run.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUDGETS, gzipSize, measureBundle, measurePlayer, ROOT } from '../scripts/size/measure.js';
import { atMost, type Figure } from './figures.js';
import { ensurePeers, PEERS } from './peers.js';

const SECTION = 'Weight';

export async function benchWeight(): Promise<Figure[]> {
  const peers = await ensurePeers(['media-chrome', 'plyr']);
  const [ours, mediaChrome, plyr, pageCss] = await Promise.all([
    measurePlayer(),
    measureBundle({ entry: { contents: "import 'media-chrome';", resolveDir: peers }, minifyLiterals: false }),
    measureBundle({ entry: { contents: "import Plyr from 'plyr'; new Plyr('#p');", resolveDir: peers }, minifyLiterals: false, css: [join(peers, 'node_modules/plyr/dist/plyr.css')] }),
    build({ entryPoints: [join(ROOT, 'src/page/page.css')], bundle: true, minify: true, write: false, logLevel: 'error' }).then((r) => gzipSize(r.outputFiles[0]!.contents)),
  ]);
  const mc = `media-chrome ${PEERS['media-chrome']}`;
  const py = `Plyr ${PEERS.plyr} with plyr.css`;
  const unit = 'B';
  return [
    atMost({ section: SECTION, name: 'whole: every element, every chunk', value: ours.whole.gzip, unit, baselines: [{ name: mc, value: mediaChrome.gzip }, { name: py, value: plyr.gzip }] }, BUDGETS.whole),
    atMost({ section: SECTION, name: 'player alone: player, scene, captions', value: ours.playerAlone.gzip, unit }, BUDGETS.playerAlone),
    atMost(
      {
        section: SECTION,
        name: 'script before the first Play (the site\'s page)',
        value: ours.site.initialGzip,
        unit,
        baselines: [{ name: mc, value: mediaChrome.initialGzip }, { name: `Plyr ${PEERS.plyr}`, value: plyr.chunks.filter((c) => c.initial && c.file.endsWith('.js')).reduce((t, c) => t + c.gzip, 0) }],
        note: 'A Spanish page adds its own chunk.',
      },
      BUDGETS.beforeFirstPlay,
    ),
    {
      section: SECTION,
      name: 'the page\'s stylesheet (page.css), before first paint',
      value: pageCss,
      unit,
      baselines: [{ name: 'plyr.css', value: plyr.chunks.find((c) => c.file.endsWith('.css'))?.gzip ?? null }],
    },
    {
      section: SECTION,
      name: 'before first paint and the first Play: script and page.css',
      value: ours.site.initialGzip + pageCss,
      unit,
      baselines: [{ name: mc, value: mediaChrome.initialGzip }, { name: py, value: plyr.initialGzip }],
    },
  ];
}
