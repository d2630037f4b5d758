/** The sizes and words `<story-offline>` shows: decimal units, as storage settings show them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesText, formats } from '../../../src/i18n/formats.js';
import { en as t } from '../../../src/i18n/en.js';
import { es } from '../../../src/i18n/es.js';

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

  it('names the file (and its picture) that failed while the offline helper installed, in English and Spanish', () => {
    const picture = { noun: 'picture', number: 2 } as const;
    assert.equal(
      t.installFailedHttp('guard-800.webp', '404 Not Found', picture, formats('en')),
      'Offline listening is not ready: picture 2 could not be downloaded (guard-800.webp: the server answered 404 Not Found), so nothing can be saved for offline listening. The story still plays online. Reload the page later to try again.',
    );
    assert.equal(
      es.installFailedHttp('guard-800.webp', '404 Not Found', picture, formats('es')),
      'La escucha sin conexión no está lista: no se pudo descargar la imagen 2 (guard-800.webp: el servidor respondió 404 Not Found), así que no se puede guardar nada para escuchar sin conexión. La historia se sigue reproduciendo en línea. Vuelve a cargar la página más tarde para intentarlo de nuevo.',
    );
    assert.equal(
      es.installFailedHttp('chapters.json', '500 Internal Server Error', undefined, formats('es')),
      'La escucha sin conexión no está lista: no se pudo descargar un archivo de este sitio (chapters.json: el servidor respondió 500 Internal Server Error), así que no se puede guardar nada para escuchar sin conexión. La historia se sigue reproduciendo en línea. Vuelve a cargar la página más tarde para intentarlo de nuevo.',
    );
    assert.equal(
      t.installFailedNetwork('guard-800.webp', { noun: 'photo', number: 3 }, formats('en')),
      'Offline listening is not ready: the connection was lost while downloading photo 3 (guard-800.webp), so nothing can be saved for offline listening. The story still plays online. Check your connection, then reload the page to try again.',
    );
    assert.equal(
      es.installFailedNetwork('guard-800.webp', { noun: 'photo', number: 3 }, formats('es')),
      'La escucha sin conexión no está lista: se perdió la conexión mientras se descargaba la foto 3 (guard-800.webp), así que no se puede guardar nada para escuchar sin conexión. La historia se sigue reproduciendo en línea. Comprueba tu conexión y vuelve a cargar la página para intentarlo de nuevo.',
    );
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
