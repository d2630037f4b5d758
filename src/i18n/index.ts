/** Every word of the components, per language: dictionaries, the controller that picks one per element, and `Intl` formats. */
export { LocalizeController } from './localize-controller.js';
export { loadTranslation, registerTranslation, termIn, translationCode } from './translations.js';
export { formats, bytesText, type Formats, type PluralForms } from './formats.js';
export type { PictureNoun, Terms, Translation, TranslationInput, TermKey, TermArgs } from './translation.js';
export { en } from './en.js';
