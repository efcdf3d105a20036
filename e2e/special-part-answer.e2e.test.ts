import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, save, send, settled, signOut, write } from './support/journey.js';
import { shoot } from './support/screenshots.js';

/**
 * Issue 14, item 1: a sent special part reaches the region. The coordinator sends Hadeland's special part
 * (no contribution agreed yet, which the question says); Hadeland's contact finds it on the start page and
 * answers it with a comment on a section, by keyboard; the coordinator finds the answer on the start page,
 * reads the comment with the version and records the version as agreed.
 */

const admin = 'admin@demo.partnerskap.no';
const contact = 'hadeland@demo.partnerskap.no';
const region = 'Regionrådet for Hadeland';

describe.skipIf(!chromiumPath)('answering a sent special part', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => j?.close());

  it('the coordinator sends, the region answers with a comment on a section, the coordinator reads it and records it agreed', async () => {
    const { page, baseUrl } = j;

    // The coordinator starts and sends Hadeland's special part.
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    await page.getByRole('link', { name: region }).first().click();
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Spesiell del' })
      .click();
    await page.getByRole('button', { name: 'Opprett spesiell del' }).click();
    await page.getByText('Utkast til versjon 1 er opprettet med standardavsnittene.').waitFor();
    await write(page, 'Regionens prioriteringer', 'Regionen prioriterer kollektivtransport.');
    await write(page, 'Oppfølging', 'Partene møtes to ganger i året.');
    await save(page);
    await page.getByRole('button', { name: 'Send til partene' }).click();
    const question = page.getByRole('dialog', { name: 'Sende versjon 1 til partene?' });
    await settled(question);
    // Nothing is agreed in Hadeland's agreement yet: the question says the section is frozen empty.
    await question
      .getByText('Ingen bidrag er avtalt ennå, så avsnittet «Bidrag» fryses uten bidrag.', { exact: false })
      .waitFor();
    await question.getByText(`${region} kan deretter svare på versjonen`, { exact: false }).waitFor();
    await expectAccessible(page, 'the question before sending');
    await shoot(page, 'special-part-send-question');
    await question.getByRole('button', { name: 'Send versjonen' }).click();
    await question.waitFor({ state: 'hidden' });
    await page.getByText('Versjon 1 er sendt til partene. Bidragene er fryst.').waitFor();
    // No mail server in the journey: the message is kept in the outbox, and the page says so.
    await page
      .getByText('1 e-post er ikke sendt, fordi det ikke er satt opp noen e-posttjener.', { exact: false })
      .waitFor();
    await page.getByText('Regionen har ikke svart på versjonen ennå.').waitFor();
    await expectAccessible(page, 'the sent special part, for the coordinator');
    await shoot(page, 'special-part-sent');
    const outbox = await send<{ items: { to: string; subject: string; entityType: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/outbox?to=hadeland',
    );
    expect(outbox.items.map((m) => [m.to, m.subject, m.entityType])).toEqual([
      [contact, 'Spesiell del av partnerskapsavtalen til svar – versjon 1', 'specialPartVersion'],
    ]);
    await signOut(page);

    // Hadeland's contact finds the version on the start page and answers it, by keyboard.
    await signIn(page, contact);
    const toAnswer = page.getByRole('heading', { level: 2, name: 'Spesiell del til svar' });
    await toAnswer.waitFor();
    await page.getByText('Regionen har ikke svart ennå.').waitFor();
    await expectAccessible(page, 'the start page of a region with a special part to answer');
    await shoot(page, 'special-part-start-region');
    await page.getByRole('link', { name: 'Versjon 1 av den spesielle delen' }).click();
    await page.getByRole('heading', { level: 4, name: `Svar fra ${region}` }).waitFor();
    await page.getByText('Partene møtes to ganger i året.').waitFor();

    const comments = page.getByRole('radio', { name: 'Regionen har merknader til ett eller flere avsnitt' });
    await comments.focus();
    await page.keyboard.press('Space');
    await expect(comments.isChecked()).resolves.toBe(true);
    // Sent without a single comment: the form says what is missing, and keeps the choice.
    await page.getByRole('button', { name: 'Send svaret' }).focus();
    await page.keyboard.press('Enter');
    // Beside the sections and in the error summary at the top of the form.
    await page.getByText('Skriv en merknad til minst ett avsnitt.').last().waitFor();
    await expectAccessible(page, 'the answer form with its error');
    const followUp = page.getByRole('textbox', { name: 'Merknad til «Oppfølging»' });
    await followUp.focus();
    await page.keyboard.type('Vi ønsker ett av møtene på Gran.');
    await expect.poll(() => page.getByText('Skriv en merknad til minst ett avsnitt.').count()).toBe(0);
    await shoot(page, 'special-part-answer-form');
    await page.getByRole('button', { name: 'Send svaret' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Svaret er lagret.', { exact: false }).waitFor();
    await page.getByText(`${region} har merknader til 1 avsnitt i versjon 1:`).waitFor();
    await page.getByText('Vi ønsker ett av møtene på Gran.').waitFor();
    await page.getByRole('button', { name: 'Endre svaret' }).waitFor();
    await expectAccessible(page, 'the answer given, for the region');
    await shoot(page, 'special-part-answered-region');
    await signOut(page);

    // The coordinator finds the answer on the start page, reads the comment and records the version agreed.
    await signIn(page, admin);
    await page.getByRole('heading', { level: 2, name: 'Regionenes svar på spesielle deler' }).waitFor();
    await page.getByText('Merknader til 1 avsnitt, svart', { exact: false }).waitFor();
    await expectAccessible(page, "the coordinator's start page with an answer");
    await shoot(page, 'special-part-start-admin');
    await page.getByRole('link', { name: `${region}, versjon 1` }).click();
    const answer = page.getByRole('region', { name: `Svar fra ${region}` });
    await answer.getByText('Til «Oppfølging»').waitFor();
    await answer.getByText('Vi ønsker ett av møtene på Gran.').waitFor();
    await answer
      .getByText('Svart av Kontaktperson Regionrådet for Hadeland (demo)', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the answer, for the coordinator');
    await shoot(page, 'special-part-answer-admin');
    await page.getByRole('button', { name: 'Registrer som avtalt' }).click();
    const agree = page.getByRole('dialog', { name: 'Registrere versjon 1 som avtalt?' });
    await settled(agree);
    await agree.getByRole('button', { name: 'Registrer som avtalt' }).click();
    await agree.waitFor({ state: 'hidden' });
    await page.getByText('Versjon 1 er registrert som avtalt.').waitFor();
    // The answer stays with the version it was given to.
    await answer.getByText('Vi ønsker ett av møtene på Gran.').waitFor();
    await expectAccessible(page, 'the agreed special part with its answer');
  });
});
