/**
 * The site's bundle (`app.js`): registers the player, the scene, the captions and the transcript
 * with the page, and `<story-offline>` (its code and workbox-window, in chunks of their own) only
 * on a page that has one, once the page is idle, so that they never delay the player.
 */
import './story-player/define.js';
import './story-scene/define.js';
import './story-captions/define.js';
import './story-transcript/define.js';
import { defineWhenPresent } from './shared/define-when-present.js';

defineWhenPresent('story-offline', () => import('./story-offline/define.js'));
