/**
 * Every word `<story-offline>` shows or says, in one place. Replace members (or the whole object)
 * before the element renders to translate it.
 */

const megabytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
const kilobytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const gigabytes = new Intl.NumberFormat('en', { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 });

/** Bytes in decimal units, as storage settings show them: `820 kB`, `1.6 MB`, `2.3 GB`. */
export function bytesText(bytes: number): string {
  if (bytes >= 1e9) return gigabytes.format(bytes / 1e9);
  if (bytes >= 1e6) return megabytes.format(bytes / 1e6);
  return kilobytes.format(Math.max(bytes, bytes > 0 ? 1000 : 0) / 1e3);
}

export const offlineStrings = {
  region: 'Offline listening',
  save: 'Save for offline',
  saveDetail: (audio: number, shell: number) =>
    `${bytesText(audio)} to download. The page, captions and photos (${bytesText(shell)}) are already on this device.`,
  checking: 'Checking what can be saved…',
  saving: 'Saving for offline…',
  progress: (loaded: number, total: number, percent: number) => `${bytesText(loaded)} of ${bytesText(total)} (${percent} %)`,
  cancel: 'Cancel',
  saved: (total: number) => `Saved for offline: the whole story (${bytesText(total)}) is on this device, audio included.`,
  remove: 'Remove offline copy',
  removed: (audio: number) =>
    `Offline copy removed: the story’s audio (${bytesText(audio)}) is no longer on this device. The page, captions and photos stay so that the page still opens.`,
  retry: 'Try again',
  offlineNotSaved: 'You are offline. The text and photos are here, but the story’s audio is not saved on this device.',
  statusOfflineWhilePlaying:
    'You are offline. The story’s audio is not saved on this device, so it stops when what has loaded runs out; your place is kept.',
  unsupported: 'This browser cannot keep the story for offline listening. The text of the story is all on this page.',
  notReady: 'Offline listening is not ready: the offline helper did not answer. Reload the page to try again.',
  installFailed:
    'Offline listening is not ready: a file of this site could not be downloaded, so nothing can be saved for offline listening. The story still plays online. Check your connection, then reload the page to try again.',
  notRegistered: (detail: string) => `Offline listening is not available here: the offline helper could not start (${detail}).`,

  storage: (usage: number, quota: number) => `This site uses ${bytesText(usage)} of the ${bytesText(quota)} the browser allows it.`,
  persisted: 'The browser keeps it until you remove it.',
  notPersisted: 'The browser may remove it if the device runs low on space.',

  // Status region (polite): the start, a few milestones, the result.
  statusSaving: (total: number) => `Saving the story for offline listening, ${bytesText(total)}.`,
  statusMilestone: (percent: number) => `Saving for offline: ${percent} %.`,
  statusSaved: 'Saved for offline listening.',
  statusRemoved: 'Offline copy removed.',
  statusUpdated: 'Updated to the latest version of this story.',
  statusUpdateAvailable: 'A new version of this story is ready. Choose “Update now” in Offline listening to get it; the story continues from the same place.',

  // Faults: what happened, that nothing was claimed, what to do.
  errorOffline: 'You are offline, so the story cannot be saved now. Nothing was saved. Connect to the internet and try again.',
  errorHttp: (file: string, status: number) =>
    `Saving failed: the server did not send ${file} (it answered ${status}). Nothing was saved for offline. Try again.`,
  errorNetwork: (file: string) =>
    `Saving failed: the connection was lost while downloading ${file}. Nothing was saved for offline. Try again when you are online.`,
  errorChanged: (file: string) =>
    `Saving failed: ${file} has changed on the server since this page was loaded. Nothing was saved for offline. Reload the page, then save again.`,
  /** `available` is left out when the browser's estimate does not show the shortage. */
  errorQuota: (needed: number, available: number | null) =>
    `Saving failed: there is not enough storage space on this device for the story’s audio (it needs ${bytesText(needed)}${
      available === null ? '' : `; ${bytesText(available)} is free for this site`
    }). Nothing was saved for offline. Free some space and try again.`,
  errorIncomplete: (count: number) =>
    `Saving failed: ${count} ${count === 1 ? 'file is' : 'files are'} missing from the offline copy. Nothing is claimed as saved. Try again.`,
  errorWorker: 'Saving failed: the offline helper did not answer. Nothing was saved for offline. Reload the page and try again.',
  cancelled: 'Saving cancelled. Nothing was saved for offline.',
  audioFile: 'the story’s audio',

  // Updates.
  updateAvailable: 'A new version of this story is ready.',
  updateWhilePlaying: 'Updating pauses the story; it continues from the same place.',
  update: 'Update now',
  updating: 'Updating…',
  updatePlayingElsewhere: 'Not updated: the story is playing in another tab or window. Pause it there, then choose Update now.',
  updateNotPaused: 'Not updated: the story did not pause, and an update never interrupts it. Pause the story, then choose Update now.',
} as const;

export type OfflineStrings = typeof offlineStrings;
