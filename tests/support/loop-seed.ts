// A council of its own for the <you-said-we-did> suites, seeded through the staff API over HTTP
// as staff would do it: inputs, published themes (one carrying script and markup payloads), a
// draft that must never be public, a personal reply and timeline updates. Its figures are known
// by hand: 3 inputs received, 1 answered in public (a published theme and a reply), on the day.
import { createCouncil, createService, createStaffToken, type RunningServer } from '@civicloop/server';

export interface LoopSeed {
  /** The seeded council. */
  council: string;
  /** A council with no theme at all (the empty state). */
  quietCouncil: string;
  /** A council no test but "loading" reads: every address of it is new to the browser's cache, so its answers are always awaited. */
  loadingCouncil: string;
  services: { id: string }[];
  /** Receipt of an input answered by a reply and a published theme. */
  answeredReceipt: string;
  /** Receipt of an input linked only to a draft theme: its lookup shows no theme. */
  draftOnlyReceipt: string;
  /** Receipt of an input nobody answered yet. */
  waitingReceipt: string;
  /** A council of its own (its figures stay out of the others') and the receipt of an input there that the resident erased. */
  erasedCouncil: string;
  erasedReceipt: string;
  /** The reply staff wrote to the answered input. */
  replyText: string;
  /** Title of the published theme that answers it. */
  answeringTitle: string;
  /** Title and text of the draft: never shown anywhere public. */
  draftTitle: string;
  draftWeDid: string;
  /** Title of the theme whose texts are markup and script payloads. */
  payloadTitle: string;
  payloadYouSaid: string;
  payloadWeDid: string;
  /** Published themes in all (more than one page of 10). */
  published: number;
  /** Timeline update texts of the answering theme, oldest first. */
  updates: string[];
}

export async function seedLoop(server: RunningServer, origin: string): Promise<LoopSeed> {
  const council = 'loop';
  const quietCouncil = 'quiet';
  const locales = ['en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro'] as const;
  await createCouncil(server.db, { slug: council, name: 'Loopton Council', origins: [origin], locales: [...locales], defaultLocale: 'en' });
  await createCouncil(server.db, { slug: quietCouncil, name: 'Quietby Council', origins: [origin], locales: [...locales], defaultLocale: 'en' });
  const loadingCouncil = 'waitby';
  await createCouncil(server.db, { slug: loadingCouncil, name: 'Waitby Council', origins: [origin], locales: [...locales], defaultLocale: 'en' });
  const services = [
    await createService(server.db, { council, name: { en: 'Parks', pl: 'Parki' }, category: 'communal' }),
    await createService(server.db, { council, name: { en: 'Waste collection', pl: 'Wywóz śmieci' }, category: 'communal' }),
  ];
  const editor = await createStaffToken(server.db, { council, role: 'editor', label: 'loop seed' });
  const admin = await createStaffToken(server.db, { council, role: 'admin', label: 'loop seed' });

  const call = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/v1/councils/${council}/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`seed: ${method} ${path} failed with ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  const input = (text: string, service: string) =>
    call<{ id: string; receipt: string }>('POST', 'staff/feedback', editor, { kind: 'problem', text, service, channel: 'phone' });
  const theme = async (t: Record<string, unknown>, publish = true) => {
    const created = await call<{ id: string }>('POST', 'staff/themes', editor, { locale: 'en', ...t });
    if (publish) await call('POST', `staff/themes/${created.id}/publish`, admin);
    return created.id;
  };

  const [parks, waste] = [services[0]!.id, services[1]!.id];
  const answered = await input('The gate of Elm Park is broken and dogs run onto the road.', parks);
  const draftOnly = await input('Bins on Mill Street are collected late.', waste);
  const waiting = await input('More benches along the river, please.', parks);

  const seed: LoopSeed = {
    council,
    quietCouncil,
    loadingCouncil,
    services,
    answeredReceipt: answered.receipt,
    draftOnlyReceipt: draftOnly.receipt,
    waitingReceipt: waiting.receipt,
    erasedCouncil: 'forgetby',
    erasedReceipt: '',
    replyText: 'Thank you: the gate was repaired on Tuesday.',
    answeringTitle: 'Park gates',
    draftTitle: 'Draft theme that must never be public',
    draftWeDid: 'Secret plan, not decided',
    payloadTitle: '<img src=x onerror="window.__loopPwned=1">Payload theme',
    payloadYouSaid: '<script>window.__loopPwned=2</script><b>bold?</b>',
    payloadWeDid: '<a href="javascript:window.__loopPwned=3">click</a> & <i>done</i>',
    published: 12,
    updates: ['We inspected every park gate.', 'New latches are fitted.'],
  };

  // Oldest first: the list shows the most recently updated first.
  for (let i = 1; i <= 10; i++) await theme({ title: `Older theme ${i}`, youSaid: `Residents said thing ${i}.`, weDid: `We did thing ${i}.`, status: 'done', service: waste });
  await theme({ title: seed.payloadTitle, youSaid: seed.payloadYouSaid, weDid: seed.payloadWeDid, status: 'considering', statusReason: '<u>reason</u>' });
  const answering = await theme({ title: seed.answeringTitle, youSaid: 'Broken park gates let dogs onto the road.', status: 'planned', service: parks, feedbackIds: [answered.id] }, false);
  for (const [i, text] of seed.updates.entries()) await call('POST', `staff/themes/${answering}/updates`, editor, { text, ...(i === 1 ? { status: 'done' } : {}) });
  await call('PATCH', `staff/themes/${answering}`, editor, { weDid: 'We are fitting new latches to every gate.' });
  await call('POST', `staff/themes/${answering}/publish`, admin);
  await theme({ title: seed.draftTitle, youSaid: 'Late bins.', weDid: seed.draftWeDid, status: 'planned', service: waste, feedbackIds: [draftOnly.id] }, false);
  await call('POST', `staff/feedback/${answered.id}/replies`, editor, { text: seed.replyText });

  // The resident erases their message with its receipt, as <cocreate-feedback> does.
  await createCouncil(server.db, { slug: seed.erasedCouncil, name: 'Forgetby Council', origins: [origin], locales: [...locales], defaultLocale: 'en' });
  const erasing = await createStaffToken(server.db, { council: seed.erasedCouncil, role: 'editor', label: 'loop seed' });
  const taken = await fetch(`${server.url}/v1/councils/${seed.erasedCouncil}/staff/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${erasing}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'idea', text: 'Please forget this idea of mine.', channel: 'phone' }),
  });
  seed.erasedReceipt = ((await taken.json()) as { receipt: string }).receipt;
  const erased = await fetch(`${server.url}/v1/councils/${seed.erasedCouncil}/feedback/${seed.erasedReceipt}`, { method: 'DELETE' });
  if (erased.status !== 204) throw new Error(`seed: erasing failed with ${erased.status}: ${await erased.text()}`);
  return seed;
}
