import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditActor } from '../../platform/audit/audit.js';
import type { AppError } from '../../platform/errors.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { confirmTranslation, createEntry, returnToDraft, submitForReview, updateDraft } from './drafts.js';
import { publishDraft, withdrawEntry } from './publishing.js';
import { findEntryByRef, listVersions } from './repository.js';
import { insertTheme } from './themes.js';

const editor: AuditActor = { id: 'editor-1', username: 'editor' };
const reviewer: AuditActor = { id: 'reviewer-1', username: 'reviewer' };
const fr = { question: 'Combien ?', answer: '1.291,69 € par mois.' };
const nl = { question: 'Hoeveel?', answer: '1.291,69 euro per maand.' };

const codeOf = async (promise: Promise<unknown>) =>
  (
    (await promise.then(
      () => null,
      (e) => e,
    )) as AppError | null
  )?.code;

describe.each(DIALECTS)('%s: knowledge editing workflow', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await insertTheme(database.db, editor, {
      code: 'droit-passerelle',
      nameFr: 'Droit passerelle',
      nameNl: 'Overbruggingsrecht',
    });
  });
  afterAll(() => database.close());

  it('takes an entry from a French draft to a published bilingual version', async () => {
    const { db } = database;
    const draft = await createEntry(db, editor, {
      theme: 'droit-passerelle',
      audience: 'public',
      validFrom: '2020-03-01',
      validTo: '2020-09-30',
      fr,
    });
    expect(draft.ref).toMatch(/^FAQ-\d{4}$/);
    expect(draft.nlNeedsUpdate).toBe(true);
    expect(await codeOf(submitForReview(db, editor, draft.ref))).toBe('knowledge.not_ready_for_review');

    await updateDraft(db, editor, draft.ref, { nl });
    const inReview = await submitForReview(db, editor, draft.ref);
    expect(inReview.state).toBe('in_review');
    expect(await codeOf(publishDraft(db, editor, draft.ref, null))).toBe('knowledge.own_change');

    const published = await publishDraft(db, reviewer, draft.ref, 'OK');
    expect(published).toEqual({ ref: draft.ref, version: 1, kind: 'new' });
    const entry = await findEntryByRef(db, draft.ref);
    expect(entry?.published_version).toBe(1);
    expect(entry?.review_due_on).not.toBeNull();
  });

  it('keeps the published version live while a new revision is written, then publishes version 2', async () => {
    const { db } = database;
    const { ref } = await createEntry(db, editor, {
      theme: 'droit-passerelle',
      audience: 'public',
      validFrom: '2020-01-01',
      fr,
      nl,
    });
    await submitForReview(db, editor, ref);
    await publishDraft(db, reviewer, ref, null);

    const revision = await updateDraft(db, editor, ref, {
      fr: { ...fr, answer: '1.614,10 € avec charge de famille.' },
    });
    expect(revision.baseVersion).toBe(1);
    expect(revision.nlNeedsUpdate).toBe(true);
    expect((await findEntryByRef(db, ref))?.published_version).toBe(1);

    await confirmTranslation(db, editor, ref, 'nl');
    await submitForReview(db, editor, ref);
    const back = await returnToDraft(db, reviewer, ref, 'Précisez la période');
    expect(back.reviewComment).toBe('Précisez la période');
    await submitForReview(db, editor, ref);
    expect((await publishDraft(db, reviewer, ref, null)).version).toBe(2);
    expect((await listVersions(db, (await findEntryByRef(db, ref))!.id)).map((v) => v.version)).toEqual([
      2, 1,
    ]);
  });

  it('refuses a period that overlaps the entry it supersedes', async () => {
    const { db } = database;
    const first = await createEntry(db, editor, {
      theme: 'droit-passerelle',
      audience: 'public',
      validFrom: '2020-03-01',
      validTo: '2020-09-30',
      fr,
      nl,
    });
    await submitForReview(db, editor, first.ref);
    await publishDraft(db, reviewer, first.ref, null);
    const next = await createEntry(db, editor, {
      theme: 'droit-passerelle',
      audience: 'public',
      validFrom: '2020-09-01',
      supersedes: first.ref,
      fr,
      nl,
    });
    await submitForReview(db, editor, next.ref);
    expect(await codeOf(publishDraft(db, reviewer, next.ref, null))).toBe('knowledge.chain_overlap');
    await updateDraft(db, editor, next.ref, { validFrom: '2020-10-01' });
    await submitForReview(db, editor, next.ref);
    expect((await publishDraft(db, reviewer, next.ref, null)).kind).toBe('new');
  });

  it('refuses an unknown theme and an end before the start, naming the fields', async () => {
    const { db } = database;
    const error = (await createEntry(db, editor, {
      theme: 'nope',
      audience: 'public',
      validFrom: '2020-03-01',
      fr,
    }).catch((e) => e)) as AppError;
    expect(error.fieldErrors).toEqual([
      { field: 'theme', code: 'knowledge.unknown_theme', params: { code: 'nope' } },
    ]);
    const period = (await createEntry(db, editor, {
      theme: 'droit-passerelle',
      audience: 'public',
      validFrom: '2020-03-01',
      validTo: '2020-02-01',
      fr,
    }).catch((e) => e)) as AppError;
    expect(period.fieldErrors.map((e) => e.field)).toEqual(['validTo']);
  });

  it('withdraws a published entry once', async () => {
    const { db } = database;
    const { ref } = await createEntry(db, editor, {
      theme: 'droit-passerelle',
      audience: 'internal',
      validFrom: '2020-03-01',
      fr,
      nl,
    });
    await submitForReview(db, editor, ref);
    await publishDraft(db, reviewer, ref, null);
    await withdrawEntry(db, reviewer, ref, 'Règle abrogée');
    expect((await findEntryByRef(db, ref))?.withdrawn_at).not.toBeNull();
    expect(await codeOf(withdrawEntry(db, reviewer, ref, 'again'))).toBe('knowledge.entry_withdrawn');
    expect(await codeOf(updateDraft(db, editor, ref, { tags: ['x'] }))).toBe('knowledge.entry_withdrawn');
  });
});
