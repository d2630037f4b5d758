import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { miniStory, part, tracksLoaded } from './helpers/mini-story.js';

describe('<story-player> shortcuts dialog', () => {
  beforeEach(() => localStorage.clear());

  for (const [width, height] of [[1280, 800], [320, 568]] as const) {
    it(`has its Close button at the top and in view, at ${width} × ${height}`, async () => {
      await setViewport({ width, height });
      const player = await miniStory();
      await tracksLoaded(player);
      part<HTMLButtonElement>(player, '.help-button').click();
      const dialog = part<HTMLDialogElement>(player, 'dialog');
      expect(dialog.open, 'the Shortcuts button opens it').to.be.true;
      const close = dialog.querySelector<HTMLButtonElement>('.close')!;
      const inView = () => {
        const box = close.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight && box.bottom <= dialog.querySelector('table')!.getBoundingClientRect().top + dialog.scrollTop + 1;
      };
      expect(inView(), 'at first').to.be.true;
      dialog.scrollTop = dialog.scrollHeight;
      const box = close.getBoundingClientRect();
      const dialogBox = dialog.getBoundingClientRect();
      expect(box.top, 'still at the top once scrolled').to.be.at.least(dialogBox.top - 1);
      expect(box.bottom).to.be.at.most(Math.min(innerHeight, dialogBox.bottom));
      close.click();
      expect(dialog.open).to.be.false;
    });
  }

  it('makes its tables only when first opened (a page that never opens it does not pay for them), then keeps them', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const dialog = part<HTMLDialogElement>(player, 'dialog');
    expect(dialog.querySelectorAll('table').length, 'before').to.equal(0);
    expect(dialog.querySelector('h2')?.textContent?.trim(), 'its title, which names it, is there from the start').to.equal('Keyboard shortcuts');
    part<HTMLButtonElement>(player, '.help-button').click();
    expect(dialog.querySelectorAll('table').length, 'opened').to.equal(2);
    expect(dialog.contains(player.shadowRoot!.activeElement), 'focus is in the dialog').to.be.true;
    dialog.close();
    await player.updateComplete;
    expect(dialog.querySelectorAll('table').length, 'closed again').to.equal(2);
  });

  it('says where its keys work: in the story or with focus on nothing, never while typing (the rule the keys follow)', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    part<HTMLButtonElement>(player, '.help-button').click();
    const dialog = part<HTMLDialogElement>(player, 'dialog');
    expect(dialog.querySelector('p')!.textContent!.trim()).to.equal('These keys work while focus is in the story, or on nothing at all; never while you type in a field.');
  });
});
