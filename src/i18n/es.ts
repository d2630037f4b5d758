/**
 * Español, neutral for Spain and the Americas: «foto» and «imagen» (both feminine, so one phrase
 * serves either), the listener addressed as «tú», «presiona» for buttons and key names as Spanish
 * keyboards print them. Sizes and times come from `Intl`, so es-MX writes "2.1 MB" and es "2,1 MB".
 *
 * Loaded on demand, in a chunk of its own: it imports nothing at run time (what a phrase needs
 * comes in `f`), so that the chunk shares no code with the page's bundle.
 */
import type { Translation } from './translation.js';

const pictureWord = (noun: 'photo' | 'picture'): string => (noun === 'photo' ? 'foto' : 'imagen');
const Picture = (noun: 'photo' | 'picture'): string => (noun === 'photo' ? 'Foto' : 'Imagen');

export const es: Translation = {
  $code: 'es',
  $name: 'Español',

  player: (title) => (title ? `Reproductor de la historia: ${title}` : 'Reproductor de la historia'),
  play: (title, duration, f) =>
    [`Reproducir ${title || 'la historia'}`, duration > 0 ? f.duration(duration) : ''].filter(Boolean).join(', '),
  pause: (title) => `Pausar ${title || 'la historia'}`,
  playShort: 'Reproducir',
  pauseShort: 'Pausar',
  loadingShort: 'Cargando',
  stopLoading: (title) => `Dejar de cargar ${title || 'la historia'}`,
  back: (seconds, f) => `Retroceder ${f.duration(seconds)}`,
  forward: (seconds, f) => `Avanzar ${f.duration(seconds)}`,
  previousPicture: (noun) => `${Picture(noun)} anterior`,
  nextPicture: (noun) => `${Picture(noun)} siguiente`,
  position: 'Posición',
  positionText: (position, duration, f) =>
    Number.isFinite(duration) && duration > 0 ? `${f.duration(position)} de ${f.duration(duration)}` : f.duration(position),
  speed: 'Velocidad',
  descriptionSpeed: 'Velocidad de las descripciones',
  sameSpeed: 'Como la historia',
  rate: (rate, f) => `${f.number(rate)}×`,
  descriptions: 'Audiodescripciones',
  captions: 'Subtítulos',
  pauseAfterPicture: (noun) => `Pausar después de cada ${pictureWord(noun)}`,
  chapters: 'Capítulos',
  settings: 'Ajustes',
  moreControls: 'Más controles',
  shortcuts: 'Atajos de teclado',
  shortcutsIntro: 'Estas teclas funcionan mientras el foco está en la historia, o en ningún elemento; nunca mientras escribes en un campo.',
  shortcutsSwitch: 'Atajos de una sola tecla',
  close: 'Cerrar',
  sliderKeys: 'En el control de posición',
  keyColumn: 'Tecla',
  actionColumn: 'Acción',
  resume: (noun, number, position, f) =>
    `Continuar desde ${number ? `la ${pictureWord(noun)} ${f.number(number)}, ` : ''}${f.clock(position)}`,
  startOver: 'Empezar de nuevo',
  pictureTitle: (noun, number, f) => `${Picture(noun)} ${f.number(number)}`,
  partTitle: (number, f) => `Parte ${f.number(number)}`,

  statusPlaying: 'Reproduciendo.',
  statusPaused: 'En pausa.',
  statusEnded: 'Fin de la historia.',
  statusChapter: (title, f) => f.sentence(title),
  statusPausedAfterPicture: (noun, number, f) =>
    `Fin de la ${pictureWord(noun)} ${f.number(number)}. En pausa; presiona Reproducir para continuar.`,
  statusDescribing: (noun, number, f) =>
    number ? `Describiendo la ${pictureWord(noun)} ${f.number(number)}.` : 'Reproduciendo la descripción.',
  statusDescribed: 'Fin de la descripción.',
  statusBuffering: 'Esperando el audio…',

  errorAudioMissing:
    'No se pudo cargar el audio de la historia: el archivo no está en el servidor. El texto completo de la historia está en esta página.',
  errorAudioNetwork:
    'El audio de la historia dejó de cargarse por un problema de red. Comprueba la conexión y vuelve a presionar Reproducir.',
  errorAudioDecode:
    'No se puede reproducir el archivo de audio de la historia: está dañado o este navegador no sabe decodificarlo. El texto completo de la historia está en esta página.',
  errorOffline:
    'No tienes conexión y el audio de la historia no está guardado en este dispositivo. El texto completo de la historia está en esta página.',
  errorNoSource:
    'Este navegador no puede reproducir ninguno de los formatos de audio de la historia. El texto completo de la historia está en esta página.',
  errorPlayRefused: 'El navegador no permitió iniciar la reproducción. Presiona Reproducir para volver a intentarlo.',
  errorAudioSilent:
    'El audio de la historia no llega: el servidor lleva 15 segundos sin enviar nada. Se guarda el punto donde ibas; comprueba la conexión y presiona Reproducir para volver a intentarlo.',
  errorAudioIncomplete:
    'El archivo de audio de la historia está incompleto: se corta antes del final. Se guarda el punto donde ibas; el resto de la historia está en esta página como texto.',
  dismiss: 'Cerrar',
  trackMissing: (kind, detail) =>
    ({
      captions: `No se pudieron cargar los subtítulos (${detail}); la historia se reproduce sin ellos.`,
      descriptions: `No se pudo cargar el texto de las audiodescripciones (${detail}); la historia se reproduce sin él, y las audiodescripciones se siguen oyendo.`,
      chapters: `No se pudo cargar la lista de capítulos (${detail}); la historia se reproduce sin ella.`,
    })[kind],
  trackDetailNetwork: 'error de red',
  pictureMissing: (noun, number, detail, f) =>
    `No se pudo mostrar la ${pictureWord(noun)} ${f.number(number)} (${detail}); su descripción está en la historia.`,
  trackDetailOffline: 'sin conexión',
  trackUnreadable: (kind) =>
    ({
      captions: 'No se pudieron leer los subtítulos; la historia se reproduce sin ellos.',
      descriptions: 'No se pudo leer el texto de las audiodescripciones; la historia se reproduce sin él, y las audiodescripciones se siguen oyendo.',
      chapters: 'No se pudo leer la lista de capítulos; la historia se reproduce sin ella.',
    })[kind],

  keyTogglePlay: 'Reproducir o pausar',
  keyPictureNumber: (noun, last, f) =>
    last > 1
      ? `Ir a una ${pictureWord(noun)}, de la ${f.number(1)} a la ${f.number(last)}`
      : `Ir a la ${pictureWord(noun)} ${f.number(1)}`,
  keySlower: 'Más lento',
  keyFaster: 'Más rápido',
  keyDescriptions: 'Activar o desactivar las audiodescripciones',
  keyCaptions: 'Activar o desactivar los subtítulos',
  keyHelp: 'Mostrar esta lista',
  keySliderStep: (seconds, f) => `Retroceder o avanzar ${f.duration(seconds)}`,
  keySliderPage: (seconds, f) => `Retroceder o avanzar ${f.duration(seconds)}`,
  keySliderEnds: 'Inicio o final de la historia',
  keyNamesPage: 'Re Pág / Av Pág',
  keyNamesHomeEnd: 'Inicio / Fin',

  describe: (noun) => `Describir esta ${pictureWord(noun)}`,
  describeStop: 'Detener la descripción',
  describeDetail: (noun, number, length, f) =>
    [number ? `${pictureWord(noun)} ${f.number(number)}` : '', length > 0 ? f.duration(length) : ''].filter(Boolean).join(', '),
  currentPicture: (noun) => `${Picture(noun)} actual`,
  copyLink: 'Copiar enlace',
  copyLinkTo: (noun, number, f) => `Copiar enlace ${number ? `a la ${pictureWord(noun)} ${f.number(number)}` : `a esta ${pictureWord(noun)}`}`,
  linkCopied: 'Enlace copiado.',
  linkNotCopied: (url) => `No se pudo copiar el enlace; aquí está: ${url}`,
  describeFailed: (noun) =>
    `No se pudo reproducir la descripción: su audio dejó de cargarse o el navegador no permitió iniciarla. Comprueba la conexión y vuelve a presionar «Describir esta ${pictureWord(noun)}».`,

  captionLine: 'Subtítulo',
  transcript: 'Transcripción',
  followAlong: 'Seguir la lectura',
  transcriptEmpty: 'La transcripción aparece cuando se cargan los subtítulos.',
  transcriptFailed: 'La transcripción no está disponible porque no se pudieron cargar los subtítulos. La historia completa está en esta página.',

  offlineRegion: 'Escuchar sin conexión',
  save: 'Guardar para escuchar sin conexión',
  saveDetail: (audio, f) => `Se descargarán ${f.bytes(audio)}. La página, los subtítulos y las imágenes ya están en este dispositivo.`,
  checking: 'Comprobando qué se puede guardar…',
  saving: 'Guardando para escuchar sin conexión…',
  progress: (loaded, total, percent, f) => `${f.bytes(loaded)} de ${f.bytes(total)} (${f.percent(percent)})`,
  cancel: 'Cancelar',
  saved: 'Guardada para escuchar sin conexión: la historia completa, audio incluido, está en este dispositivo.',
  remove: 'Eliminar la copia sin conexión',
  removed: (audio, f) =>
    `Copia sin conexión eliminada: el audio de la historia (${f.bytes(audio)}) ya no está en este dispositivo. La página, los subtítulos y las imágenes se conservan para que la página se siga abriendo.`,
  retry: 'Volver a intentarlo',
  offlineNotSaved:
    'No tienes conexión. El texto y las imágenes están aquí, pero el audio de la historia no está guardado en este dispositivo.',
  statusOfflineWhilePlaying:
    'No tienes conexión. El audio de la historia no está guardado en este dispositivo, así que se detendrá cuando se acabe lo que ya se cargó; se conserva el punto donde ibas.',
  unsupported:
    'Este navegador no puede guardar la historia para escucharla sin conexión. El texto completo de la historia está en esta página.',
  notReady:
    'La escucha sin conexión no está lista: el servicio que la hace posible no respondió. Vuelve a cargar la página para intentarlo de nuevo.',
  installFailed:
    'La escucha sin conexión no está lista: no se pudo descargar un archivo de este sitio, así que no se puede guardar nada para escuchar sin conexión. La historia se sigue reproduciendo en línea. Comprueba tu conexión y vuelve a cargar la página para intentarlo de nuevo.',
  installFailedHttp: (file, answer, picture, f) =>
    `La escucha sin conexión no está lista: no se pudo descargar ${picture ? `la ${pictureWord(picture.noun)} ${f.number(picture.number)}` : 'un archivo de este sitio'} (${file}: el servidor respondió ${answer}), así que no se puede guardar nada para escuchar sin conexión. La historia se sigue reproduciendo en línea. Vuelve a cargar la página más tarde para intentarlo de nuevo.`,
  installFailedNetwork: (file, picture, f) =>
    `La escucha sin conexión no está lista: se perdió la conexión mientras se descargaba ${picture ? `la ${pictureWord(picture.noun)} ${f.number(picture.number)}` : 'un archivo de este sitio'} (${file}), así que no se puede guardar nada para escuchar sin conexión. La historia se sigue reproduciendo en línea. Comprueba tu conexión y vuelve a cargar la página para intentarlo de nuevo.`,
  notRegistered: (detail) =>
    `La escucha sin conexión no está disponible aquí: no se pudo iniciar el servicio que la hace posible (${detail}).`,
  storage: (usage, quota, f) => `Este sitio usa ${f.bytes(usage)} de los ${f.bytes(quota)} que el navegador le permite.`,
  persisted: 'El navegador la conserva hasta que la elimines.',
  notPersisted: 'El navegador podría eliminarla si el dispositivo se queda sin espacio.',
  statusSaving: (total, f) => `Guardando la historia para escuchar sin conexión, ${f.bytes(total)}.`,
  statusMilestone: (percent, f) => `Guardando para escuchar sin conexión: ${f.percent(percent)}.`,
  statusSaved: 'Guardada para escuchar sin conexión.',
  statusRemoved: 'Copia sin conexión eliminada.',
  statusUpdated: 'Actualizada a la versión más reciente de esta historia.',
  statusUpdateAvailable:
    'Hay una nueva versión de esta historia. Elige «Actualizar ahora» en Escuchar sin conexión para obtenerla; la historia continúa desde el mismo punto.',
  saveErrorOffline:
    'No tienes conexión, así que la historia no se puede guardar ahora. No se guardó nada. Conéctate a internet y vuelve a intentarlo.',
  errorHttp: (file, status) =>
    `No se pudo guardar: el servidor no envió ${file} (respondió ${status}). No se guardó nada para escuchar sin conexión. Vuelve a intentarlo.`,
  errorNetwork: (file) =>
    `No se pudo guardar: se perdió la conexión mientras se descargaba ${file}. No se guardó nada para escuchar sin conexión. Vuelve a intentarlo cuando tengas conexión.`,
  errorChanged: (file) =>
    `No se pudo guardar: ${file} cambió en el servidor desde que se cargó esta página. No se guardó nada para escuchar sin conexión. Vuelve a cargar la página y guarda de nuevo.`,
  errorQuota: (needed, available, f) =>
    `No se pudo guardar: no hay suficiente espacio en este dispositivo para el audio de la historia (necesita ${f.bytes(needed)}${
      available === null ? '' : `; este sitio tiene ${f.bytes(available)} libres`
    }). No se guardó nada para escuchar sin conexión. Libera espacio y vuelve a intentarlo.`,
  errorIncomplete: (count, f) =>
    `No se pudo guardar: ${f.plural(count, { one: 'falta', other: 'faltan' })} ${f.number(count)} ${f.plural(count, { one: 'archivo', other: 'archivos' })} en la copia sin conexión. No se da por guardada. Vuelve a intentarlo.`,
  errorWorker:
    'No se pudo guardar: el servicio que hace posible la escucha sin conexión no respondió. No se guardó nada. Vuelve a cargar la página e inténtalo de nuevo.',
  cancelled: 'Guardado cancelado. No se guardó nada para escuchar sin conexión.',
  audioFile: 'el audio de la historia',
  updateAvailable: 'Hay una nueva versión de esta historia.',
  updateWhilePlaying: 'Al actualizar, la historia se pausa; luego continúa desde el mismo punto.',
  update: 'Actualizar ahora',
  updating: 'Actualizando…',
  updatePlayingElsewhere:
    'No se actualizó: la historia se está reproduciendo en otra pestaña o ventana. Pausa la historia allí y elige Actualizar ahora.',
  updateNotPaused:
    'No se actualizó: la historia no se pausó, y una actualización nunca la interrumpe. Pausa la historia y elige Actualizar ahora.',
};
