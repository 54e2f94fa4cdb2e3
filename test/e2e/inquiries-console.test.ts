import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, login, type Session } from '../../src/test-support/test-app.js';
import { browserTest, DEMO_PASSWORD, expectHeading, logIn, useServerAndBrowser } from './support.js';

/**
 * Every key press and click the test makes for a call goes through here, so the test can say how
 * much work logging a call is. A chord (Ctrl+Enter) is one press of `presses` and two `keys`.
 */
class InputCounter {
  presses = 0;
  keys = 0;
  clicks = 0;
  constructor(private readonly page: Page) {}

  async press(chord: string): Promise<void> {
    this.presses++;
    this.keys += chord.split('+').length;
    await this.page.keyboard.press(chord);
  }

  /** Types as a person does, one key per character (the texts here need no Shift). */
  async type(text: string): Promise<void> {
    for (const character of text) {
      this.presses++;
      this.keys++;
      await this.page.keyboard.type(character);
    }
  }

  async click(target: Locator): Promise<void> {
    this.clicks++;
    await target.click();
  }

  get summary(): string {
    return `${this.presses} key presses (${this.keys} keys counting modifiers), ${this.clicks} clicks`;
  }
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name'));
const confirmation = (page: Page) => page.getByRole('status').filter({ hasText: 'Appel enregistré' });
const loggedRef = async (page: Page) => {
  await expect.poll(() => confirmation(page).count()).toBe(1);
  return (await confirmation(page).locator('[data-ref]').getAttribute('data-ref')) as string;
};

describe.each(DIALECTS)('%s: the agent console', (dialect) => {
  const running = useServerAndBrowser(dialect);
  let agentApi: Session;

  beforeAll(async () => {
    agentApi = await login(running.server.app, 'agent', DEMO_PASSWORD);
  });

  const apiGet = async (url: string) => {
    const response = await running.server.app.inject({ url, headers: asSession(agentApi) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  browserTest(
    'logs a call answered from the first FAQ suggestion with the keyboard only, within a budget of keys',
    running,
    async ({ page, a11y }) => {
      // Alain Agent works in French: the interface and the call's language follow his account.
      await logIn(page, 'agent');
      await page.getByRole('navigation').getByRole('link', { name: 'Nouvel appel' }).click();
      await expectHeading(page, 'Nouvel appel');
      await a11y.check(page, 'new call (empty)');
      const usedBefore = (await apiGet('/api/v1/knowledge/entries/FAQ-0142')).usage.used as number;

      // The question box has the focus on arrival: the agent types straight away.
      await expect.poll(() => focusedName(page)).toBe('question');
      const input = new InputCounter(page);
      const question = 'chauffeur de taxi sans courses passerelle';
      expect(question.split(' ')).toHaveLength(6);
      await input.type(question);
      const first = page.getByRole('listbox').getByRole('option').first();
      await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('FAQ-0142');
      await input.press('ArrowDown');
      const preview = page.getByRole('region', { name: 'Fiche choisie' });
      await expect
        .poll(() => preview.getByRole('heading', { level: 2 }).textContent())
        .toContain('chauffeur de taxi');
      expect(await first.getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('textarea[name="question"]').getAttribute('aria-activedescendant')).toBe(
        'kb-result-FAQ-0142',
      );
      await a11y.check(page, 'new call with suggestions and the chosen entry');
      await input.press('Control+Enter');
      const ref = await loggedRef(page);
      expect(ref).toMatch(/^Q-\d{4}-\d{6}$/);

      // The budget: the question's characters, one arrow, one chord; no mouse.
      console.info(
        `[${dialect}] answered call ${ref}: ${input.summary} for a ${question.length}-character question`,
      );
      expect(input.clicks).toBe(0);
      expect(input.presses).toBeLessThanOrEqual(question.length + 2);
      expect(input.presses).toBe(43);

      // Recorded as answered with that entry and version, and the FAQ counted the use.
      const inquiry = await apiGet(`/api/v1/inquiries/${ref}`);
      expect(inquiry).toMatchObject({
        status: 'closed',
        channel: 'phone',
        origin: 'self_employed',
        language: 'fr',
        question,
        answer_entry: { ref: 'FAQ-0142', version: expect.any(Number) },
      });
      expect((await apiGet('/api/v1/knowledge/entries/FAQ-0142')).usage.used).toBe(usedBefore + 1);

      // Ready for the next call: empty form, focus back in the question, the reference readable.
      expect(await page.locator('textarea[name="question"]').inputValue()).toBe('');
      await expect.poll(() => focusedName(page)).toBe('question');
      const spoken = `Q ${ref.slice(2, 6)} ${ref.slice(7, 10)} ${ref.slice(10)}`;
      expect(await confirmation(page).textContent()).toContain(spoken);
      expect(await confirmation(page).textContent()).toContain('répondu avec FAQ-0142');
      await a11y.check(page, 'new call after an answered call');
    },
    { strict: true },
  );

  browserTest(
    'shows an invalid NISS at its field in the agent’s language, keeps what was typed, then escalates to Audit externe',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'agent');
      await page.goto('/inquiries/new');
      await expectHeading(page, 'Nouvel appel');
      await expect.poll(() => focusedName(page)).toBe('question');

      const input = new InputCounter(page);
      const question = 'pensionné actif, magasin refermé, double droit passerelle ?';
      await input.type(question);
      // Alt+I opens the caller's identification on its first field.
      await input.press('Alt+i');
      await expect.poll(() => focusedName(page)).toBe('requester.name');
      await input.type('Marie Dubois');
      await input.press('Tab');
      expect(await focusedName(page)).toBe('requester.niss');
      await input.type('85.07.30-033.27');
      // Alt+E opens the escalation on the team list; a letter picks a team.
      await input.press('Alt+e');
      await expect.poll(() => focusedName(page)).toBe('call-escalation.team');
      await input.press('a');
      expect(await page.locator('select[name="call-escalation.team"]').inputValue()).toBe('audit-externe');
      await input.press('Tab');
      expect(await focusedName(page)).toBe('call-escalation.note');
      const note = 'pensionné actif, a déjà reçu un droit passerelle en avril.';
      await input.type(note);
      await a11y.check(page, 'new call with the escalation open');
      await input.press('Control+Enter');

      // Refused: the message is at the NISS field, in French, and everything typed is still there.
      const niss = page.locator('input[name="requester.niss"]');
      await expect.poll(() => niss.getAttribute('aria-invalid')).toBe('true');
      const nissError = page.getByText(/^Numéro NISS non valide/);
      expect(await niss.getAttribute('aria-describedby')).toContain(await nissError.getAttribute('id'));
      expect(await niss.inputValue()).toBe('85.07.30-033.27');
      expect(await page.locator('textarea[name="question"]').inputValue()).toBe(question);
      expect(await page.locator('input[name="requester.name"]').inputValue()).toBe('Marie Dubois');
      expect(await page.locator('textarea[name="call-escalation.note"]').inputValue()).toBe(note);
      await a11y.check(page, 'new call with an invalid NISS');
      const none = await apiGet(
        `/api/v1/inquiries?q=${encodeURIComponent('double droit passerelle refermé')}`,
      );
      expect(none.total).toBe(0);

      // Corrected (the last digit), and escalated again with the same key: one inquiry.
      await niss.focus();
      await input.press('End');
      await input.press('Backspace');
      await input.type('8');
      await input.press('Control+Enter');
      const ref = await loggedRef(page);
      expect(await confirmation(page).textContent()).toContain('transmis à Audit externe');
      console.info(`[${dialect}] escalated call ${ref}: ${input.summary}`);

      // The inquiry page shows it escalated to the team, with the note and the caller in full.
      await confirmation(page)
        .getByRole('link', { name: `Ouvrir ${ref}` })
        .click();
      await expectHeading(page, `Demande ${ref}`);
      const main = page.locator('main');
      await expect.poll(() => main.textContent()).toContain('Dans la file de l’équipe');
      const details = page.getByRole('region', { name: 'Détails' });
      expect(await details.textContent()).toContain('Audit externe');
      const thread = page.getByRole('region', { name: 'Fil' });
      expect(await thread.textContent()).toContain(note);
      expect(await thread.textContent()).toContain('Alain Agent');
      const requester = page.getByRole('region', { name: 'Demandeur' });
      expect(await requester.textContent()).toContain('85.07.30-033.28');
      await a11y.check(page, 'inquiry page (escalated)');

      // One clear next step: the agent, outside the team, adds to the thread; the rest is at hand,
      // folded (issue 12, point 4).
      const actions = page.getByRole('region', { name: 'Actions', exact: true });
      expect(await actions.getByRole('form').count()).toBe(1);
      // An internal note, then a flag, from the inquiry page.
      const messageForm = page.getByRole('form', { name: 'Ajouter au fil' });
      await messageForm.locator('textarea[name="body"]').fill('Rappel prévu demain matin.');
      await messageForm.getByRole('button', { name: 'Ajouter' }).click();
      await expect.poll(() => thread.textContent()).toContain('Rappel prévu demain matin.');
      const flagToggle = actions.getByRole('button', { name: 'Signaler pour suivi' });
      expect(await flagToggle.getAttribute('aria-expanded')).toBe('false');
      await flagToggle.click();
      expect(await flagToggle.getAttribute('aria-expanded')).toBe('true');
      const flagForm = page.getByRole('form', { name: 'Signaler pour suivi' });
      await flagForm.locator('select[name="flag.kind"]').selectOption('vulnerable_person');
      await flagForm.getByRole('button', { name: 'Signaler' }).click();
      const flags = page.getByRole('region', { name: 'À suivre' });
      await expect.poll(() => flags.textContent()).toContain('Personne vulnérable');
      expect((await apiGet(`/api/v1/inquiries/${ref}`)).status).toBe('escalated');

      // Closing asks first, in place.
      await actions.getByRole('button', { name: 'Clôturer la demande' }).click();
      const closeForm = page.getByRole('form', { name: 'Clôturer la demande' });
      await closeForm.getByRole('textbox', { name: 'Note de clôture (facultatif)' }).fill('Réponse donnée.');
      await closeForm.getByRole('button', { name: 'Clôturer la demande' }).click();
      const confirmClose = closeForm.getByRole('button', { name: 'Clôturer', exact: true });
      await expect
        .poll(() => confirmClose.evaluate((button) => button === document.activeElement))
        .toBe(true);
      expect((await apiGet(`/api/v1/inquiries/${ref}`)).status).toBe('escalated');
      await a11y.check(page, 'inquiry page: closing to confirm');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('main').textContent()).toContain('Cette demande est clôturée');
      expect((await apiGet(`/api/v1/inquiries/${ref}`)).status).toBe('closed');
      expect(await thread.textContent()).toContain('Réponse donnée.');
      await a11y.check(page, 'inquiry page (closed)');
    },
    { strict: true },
  );

  browserTest(
    'shows on the thread that an answer sent by mail waits in the outbox while no SMTP server is configured',
    running,
    async ({ page, a11y }) => {
      const post = async (url: string, payload: object) => {
        const response = await running.server.app.inject({
          method: 'POST',
          url,
          headers: asSession(agentApi),
          payload,
        });
        expect(response.statusCode, response.body).toBeLessThan(300);
        return response.body ? response.json() : null;
      };
      const { ref } = await post('/api/v1/inquiries', {
        channel: 'email',
        language: 'fr',
        question: 'Puis-je reporter mes cotisations du deuxième trimestre ?',
        requester: { name: 'Lise Martin', email: 'lise.martin@example.be' },
      });
      await post(`/api/v1/inquiries/${ref}/answer`, { body: 'Oui, jusqu’au 31 décembre.', delivery: 'mail' });
      await logIn(page, 'agent');
      await page.goto(`/inquiries/${ref}`);
      await expectHeading(page, `Demande ${ref}`);
      const badge = page.getByRole('region', { name: 'Fil' }).locator('[data-mail-status]');
      await expect.poll(() => badge.textContent()).toBe('En attente d’envoi');
      expect(await badge.getAttribute('data-mail-status')).toBe('queued');
      await a11y.check(page, 'inquiry page with a mail waiting');
    },
    { strict: true },
  );

  browserTest(
    'logs one inquiry when the answer shortcut is pressed twice at once, and finds it in the list',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'agent', { language: 'English (EN)' });
      await page.goto('/inquiries/new');
      await expectHeading(page, 'New call');
      await expect.poll(() => focusedName(page)).toBe('question');

      // The interface is English, so the call starts in French; Alt+L switches it to Dutch.
      const isChecked = (language: string) =>
        page.locator(`input[type="radio"][value="${language}"]`).isChecked();
      expect(await isChecked('fr')).toBe(true);
      await page.keyboard.press('Alt+l');
      await expect.poll(() => isChecked('nl')).toBe(true);
      const caller = `Zoé Double${dialect}`;
      await page.keyboard.type('taxichauffeur geen ritten overbruggingsrecht');
      const first = page.getByRole('listbox').getByRole('option').first();
      await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(1);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Alt+i');
      await expect.poll(() => focusedName(page)).toBe('requester.name');
      await page.keyboard.type(caller);
      await page.keyboard.press('Alt+m');
      await page.keyboard.press('Control+Enter');
      await page.keyboard.press('Control+Enter');
      const status = page.getByRole('status').filter({ hasText: 'Call logged' });
      await expect.poll(() => status.count()).toBe(1);
      const ref = (await status.locator('[data-ref]').getAttribute('data-ref')) as string;

      const found = await apiGet(`/api/v1/inquiries?q=${encodeURIComponent(caller)}`);
      expect(found.total).toBe(1);
      expect(found.items[0].ref).toBe(ref);
      const inquiry = await apiGet(`/api/v1/inquiries/${ref}`);
      expect(inquiry.language).toBe('nl');
      expect(inquiry.flags).toEqual([expect.objectContaining({ kind: 'moral_support_referral' })]);
      expect(inquiry.messages.filter((m: { kind: string }) => m.kind === 'answer')).toHaveLength(1);

      // The list finds it by the caller's name, masks nothing it need not, and links to it.
      await page.getByRole('navigation').getByRole('link', { name: 'Inquiries', exact: true }).click();
      await expectHeading(page, 'Inquiries');
      await page.getByRole('searchbox', { name: 'Search' }).fill(caller);
      const row = page.locator(`tr[data-ref="${ref}"]`);
      await expect.poll(() => row.count()).toBe(1);
      await expect.poll(() => page.locator('caption').textContent()).toBe('1 inquiry');
      expect(await row.textContent()).toContain('Closed');
      await a11y.check(page, 'inquiries list');

      // Filtered by status: every row listed is new, and this closed call is not among them.
      const waiting = await running.server.app.inject({
        method: 'POST',
        url: '/api/v1/inquiries',
        headers: asSession(agentApi),
        payload: {
          channel: 'email',
          language: 'fr',
          question: 'Question reçue par e-mail, pas encore traitée.',
        },
      });
      expect(waiting.statusCode, waiting.body).toBe(201);
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      // The search box applies its text after a pause: let it clear the address before filtering.
      await expect.poll(() => page.url()).not.toContain('q=');
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'New' }).click();
      await expect.poll(() => page.url()).toContain('status=new');
      await row.waitFor({ state: 'detached' });
      await page.locator(`tr[data-ref="${waiting.json().ref}"]`).waitFor({ timeout: 30_000 });
      const statuses = await page.locator('tbody tr td:nth-child(3)').allTextContents();
      expect(statuses.every((text) => text === 'New')).toBe(true);
      await a11y.check(page, 'inquiries list filtered');
    },
    { strict: true },
  );
});
