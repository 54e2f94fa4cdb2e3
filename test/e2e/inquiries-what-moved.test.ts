import { beforeAll, describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import {
  buildInquiry,
  buildPerson,
  buildTeam,
  type LoggedInPerson,
} from '../../src/test-support/factories.js';
import { asSession, json, TEST_PASSWORD } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, statusText, useServerAndBrowser } from './support.js';

// Issue 12, points 1 to 3: references as people say them, the thread's whole story, and what a
// fund's answer moves on the expert's screens.
describe.each(DIALECTS)('%s: what moved, and the whole story', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: false });
  let agent: LoggedInPerson;
  let expert: LoggedInPerson;
  let acerta: LoggedInPerson;

  beforeAll(async () => {
    const app = running.server.app;
    agent = await buildPerson(app, {
      username: 'aline',
      name: 'Aline Agent',
      roles: ['agent'],
      language: 'fr',
    });
    expert = await buildPerson(app, {
      username: 'elise',
      name: 'Élise Expert',
      roles: ['expert'],
      language: 'fr',
    });
    acerta = await buildPerson(app, { roles: ['partner'], partner: 'acerta' });
    await buildTeam(app, { code: 'work-team', members: [expert] });
  });

  const send = async (as: LoggedInPerson, method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await running.server.app.inject({
      method,
      url,
      headers: asSession(as),
      ...(payload && { payload }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.body ? json(response) : undefined;
  };
  const expertsCase = (question: string, requester?: object) =>
    buildInquiry(running.server.app, {
      by: agent,
      question,
      status: 'in_research',
      team: 'work-team',
      assignee: expert,
      ...(requester && { requester }),
    });

  browserTest(
    'a fund’s answer reaches the expert’s open “My work” at once: marked, first, and its deadline running again',
    running,
    async ({ page, a11y }) => {
      const urgent = await expertsCase('Mon indemnité de mars est-elle déjà versée ?');
      const asked = await expertsCase('Mes cotisations du T2 2020 sont-elles reportées ?');
      await send(expert, 'POST', `/api/v1/inquiries/${asked.ref}/partner-requests`, {
        fund: 'acerta',
        question: 'Le report a-t-il été accordé ?',
      });

      await logIn(page, 'elise', { password: TEST_PASSWORD });
      await page.goto('/inquiries/mine');
      await expectHeading(page, 'Mon travail');
      const rows = page.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      await expect.poll(() => rows.first().textContent()).toContain(urgent.ref);
      expect(await rows.nth(1).textContent()).toContain('En pause');
      // The live notices are connected once the page has settled.
      await page.waitForTimeout(1500);

      const { items } = await send(acerta, 'GET', '/api/v1/inquiries/partner-requests?status=open');
      const request = items.find((r: { inquiry_ref: string }) => r.inquiry_ref === asked.ref);
      await send(acerta, 'POST', `/api/v1/inquiries/partner-requests/${request.id}/answer`, {
        answer: 'Oui, report accordé le 2 avril 2020.',
      });

      // No reload: the notice arrives, the row moves to the top, marked, its clock running.
      await expect
        .poll(() => statusText(page), { timeout: 10_000 })
        .toContain(`La caisse a répondu pour ${asked.ref}`);
      await expect.poll(() => rows.first().textContent()).toContain(asked.ref);
      const first = rows.first();
      expect(await first.getAttribute('data-fund-answered')).toBe('true');
      expect(await first.textContent()).toContain('En recherche : réponse de la caisse reçue');
      expect(await first.textContent()).not.toContain('En pause');
      await a11y.check(page, 'my work, a fund just answered');
    },
  );

  browserTest(
    'the inquiry page tells every callback attempt with its note, who called and when, and who closed it and why',
    running,
    async ({ page, a11y }) => {
      const { ref } = await expertsCase('Ai-je droit au droit passerelle ?', {
        name: 'Lise Martin',
        phone: '+32 470 12 34 56',
      });
      await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, {
        body: 'Oui, dès mars.',
        delivery: 'callback',
      });
      const pool = await send(agent, 'GET', '/api/v1/inquiries/callbacks');
      const callback = pool.items.find((c: { inquiry_ref: string }) => c.inquiry_ref === ref);
      await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
        outcome: 'no_answer',
        note: 'Sonne dans le vide.',
      });
      await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
        outcome: 'reached',
        note: 'Réponse donnée, la personne remercie.',
      });
      const other = await expertsCase('Question posée deux fois ?');
      await send(expert, 'POST', `/api/v1/inquiries/${other.ref}/close`, {
        note: 'Doublon de la demande de la veille.',
      });

      await logIn(page, 'elise', { password: TEST_PASSWORD });
      await page.goto(`/inquiries/${ref}`);
      const thread = page.getByRole('region', { name: 'Fil' });
      await expect.poll(() => thread.textContent()).toContain('Sonne dans le vide.');
      const story = (await thread.textContent()) ?? '';
      for (const part of [
        'Appel de rappel : Pas de réponse',
        'Appel de rappel : Jointe : réponse donnée',
        'Réponse donnée, la personne remercie.',
        'par Aline Agent',
        'Demande clôturée',
      ])
        expect(story).toContain(part);
      // In the order it happened: the calls, then the closing they led to.
      expect(story.indexOf('Sonne dans le vide.')).toBeLessThan(story.indexOf('Demande clôturée'));
      await a11y.check(page, 'inquiry page: the whole story');

      await page.goto(`/inquiries/${other.ref}`);
      await expect.poll(() => thread.textContent()).toContain('Motif : Doublon de la demande de la veille.');
      expect(await thread.textContent()).toContain('par Élise Expert');
    },
  );

  browserTest(
    'the team queue opens on a team that has work, then on the last one chosen',
    running,
    async ({ page, a11y }) => {
      const quiet = await buildPerson(running.server.app.db, {
        username: 'quentin',
        roles: ['expert'],
        language: 'fr',
      });
      await buildTeam(running.server.app, { code: 'quiet-team', nameFr: 'Équipe calme', members: [quiet] });
      await buildTeam(running.server.app, { code: 'busy-team', nameFr: 'Équipe chargée' });
      await buildTeam(running.server.app, { code: 'third-team', nameFr: 'Troisième équipe' });
      const escalated = await buildInquiry(running.server.app, {
        by: agent,
        status: 'escalated',
        team: 'busy-team',
      });
      const third = await buildInquiry(running.server.app, {
        by: agent,
        status: 'escalated',
        team: 'third-team',
      });

      await logIn(page, 'quentin', { password: TEST_PASSWORD });
      await page.goto('/inquiries/queue');
      await expectHeading(page, 'Files des équipes');
      const team = page.getByRole('search').getByRole('combobox', { name: 'Équipe' });
      // The person's own team is empty while another holds an escalation: the queue opens on that one.
      await expect.poll(() => team.inputValue()).toBe('busy-team');
      await expect.poll(() => page.locator('tbody').textContent()).toContain(escalated.ref);
      await a11y.check(page, 'team queue opened on the team with work');

      await team.selectOption('third-team');
      await expect.poll(() => page.locator('tbody').textContent()).toContain(third.ref);
      await page.goto('/inquiries/queue');
      await expect.poll(() => team.inputValue()).toBe('third-team');
    },
  );

  browserTest('finds an inquiry by its reference as the caller reads it out', running, async ({ page }) => {
    const { ref } = await expertsCase('Puis-je reporter ma TVA ?');
    const [, year, number] = /^Q-(\d{4})-(\d{6})$/.exec(ref)!;
    const spoken = `q ${year} ${Number(number)}`;
    await logIn(page, 'aline', { password: TEST_PASSWORD });
    await page.goto('/inquiries');
    const search = page.getByRole('searchbox', { name: 'Rechercher' });
    await search.fill(spoken);
    await expect.poll(() => page.getByText(`Lu comme la référence ${ref}`).count()).toBe(1);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain(ref);
  });
});
