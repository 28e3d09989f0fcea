// The demo council's contact bank (issue 9): its settings in every locale, and made-up contacts
// whose make-up tells a story on the reach view: the Old Town and retirees answer, young people
// and the Hills barely, and pass-it-on is starting to bring in people the council did not reach.
import type { ContactBankConfig } from '@civicloop/contract';
import type { Database } from './db/driver.js';

export const DEMO_CONTACT_BANK: ContactBankConfig = {
  districts: [
    { id: 'stare-miasto', name: { pl: 'Stare Miasto', en: 'Old Town', sv: 'Gamla stan', da: 'Gamle By', de: 'Altstadt', fr: 'Vieille ville', pt: 'Cidade Velha', ro: 'Orașul Vechi' }, population: 18_400 },
    { id: 'nowe-osiedle', name: { pl: 'Nowe Osiedle', en: 'New Estate', sv: 'Nya området', da: 'Nye Kvarter', de: 'Neue Siedlung', fr: 'Nouveau quartier', pt: 'Bairro Novo', ro: 'Cartierul Nou' }, population: 26_900 },
    { id: 'przystan', name: { pl: 'Przystań', en: 'Riverside', sv: 'Strandkanten', da: 'Havnen', de: 'Flussufer', fr: 'Bord de rivière', pt: 'Ribeirinha', ro: 'Malul Râului' }, population: 12_300 },
    { id: 'wzgorza', name: { pl: 'Wzgórza', en: 'The Hills', sv: 'Höjderna', da: 'Bakkerne', de: 'Die Hügel', fr: 'Les Collines', pt: 'As Colinas', ro: 'Dealurile' }, population: 9_800 },
  ],
  consent: {
    version: '2026-01',
    months: 24,
    text: {
      pl: 'Zgadzam się, by Miasto Przykładowo kontaktowało się ze mną w celach, które zaznaczę poniżej, i przechowywało moje dane do tego celu. Zgoda wygasa po 24 miesiącach; mogę ją w każdej chwili zmienić lub wycofać.',
      en: 'I agree that Miasto Przykładowo may contact me for the purposes I tick below and keep my details for them. My consent lapses after 24 months; I can change or withdraw it at any time.',
      sv: 'Jag samtycker till att Miasto Przykładowo kontaktar mig för de ändamål jag kryssar i nedan och sparar mina uppgifter för dem. Samtycket upphör efter 24 månader; jag kan när som helst ändra eller återkalla det.',
      da: 'Jeg giver samtykke til, at Miasto Przykładowo må kontakte mig til de formål, jeg krydser af nedenfor, og gemme mine oplysninger til dem. Samtykket udløber efter 24 måneder; jeg kan altid ændre eller trække det tilbage.',
      de: 'Ich willige ein, dass Miasto Przykładowo mich für die unten angekreuzten Zwecke kontaktiert und meine Angaben dafür speichert. Die Einwilligung endet nach 24 Monaten; ich kann sie jederzeit ändern oder widerrufen.',
      fr: 'J’accepte que Miasto Przykładowo me contacte pour les finalités cochées ci-dessous et conserve mes coordonnées à cette fin. Mon consentement expire après 24 mois ; je peux le modifier ou le retirer à tout moment.',
      pt: 'Aceito que Miasto Przykładowo me contacte para as finalidades que assinalo abaixo e guarde os meus dados para esse fim. O consentimento termina após 24 meses; posso alterá-lo ou retirá-lo a qualquer momento.',
      ro: 'Sunt de acord ca Miasto Przykładowo să mă contacteze în scopurile bifate mai jos și să îmi păstreze datele în acest scop. Consimțământul expiră după 24 de luni; îl pot modifica sau retrage oricând.',
    },
  },
  privacyNoticeUrl: 'https://przykladowo.example/prywatnosc',
  formats: ['workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group'],
  languages: ['pl', 'en', 'uk', 'de', 'ro'],
  ageBands: ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus'],
};

/** Made-up associations and businesses; residents stay nameless in the seed. */
const ORGANISATIONS = [
  ['association', 'Stowarzyszenie Przyjaciół Starego Miasta'],
  ['association', 'Klub Seniora „Jesień”'],
  ['association', 'Rada Rodziców SP 4'],
  ['association', 'Kolektyw Rowerowy Przystań'],
  ['business', 'Piekarnia pod Lipą'],
  ['business', 'Kawiarnia Nowe Osiedle'],
  ['association', 'Fundacja Ukraiński Dom'],
] as const;

/** A small deterministic generator, so the demo's figures are the same on every seed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function pick<T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

/**
 * Replaces the demo council's seeded contacts (ids `seed-…`; real sign-ups are kept) with 64
 * made-up ones, active, confirmed over the past months.
 */
export async function seedContacts(db: Database, council: string, pageUrl: string, now = Date.now()): Promise<void> {
  const rand = generator(9);
  await db.query(`DELETE FROM contacts WHERE council = $1 AND id LIKE 'seed-%'`, [council]);
  for (let i = 0; i < 64; i++) {
    const org = i < ORGANISATIONS.length ? ORGANISATIONS[i]! : undefined;
    const kind = org ? org[0] : 'resident';
    const district = pick(rand, [['stare-miasto', 9], ['nowe-osiedle', 6], ['przystan', 3], ['wzgorza', 1], [null, 1]] as const);
    const age = kind === 'resident' ? pick(rand, [['18-24', 1], ['25-34', 3], ['35-44', 5], ['45-54', 4], ['55-64', 5], ['65-74', 7], ['75-plus', 2], [null, 2]] as const) : null;
    const languages = org?.[1].includes('Ukraiński') ? ['uk', 'pl'] : rand() < 0.12 ? ['pl', 'uk'] : rand() < 0.2 ? ['pl', 'en'] : ['pl'];
    const via = rand() < (i > 40 ? 0.45 : 0.15) ? 'pass-it-on' : 'direct';
    const formats = (['workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group'] as const).filter(() => rand() < 0.45);
    const services = (['libraries', 'waste-collection', 'trams-and-buses', 'primary-schools', 'health-centres', 'family-support'] as const).filter(() => rand() < 0.3);
    const purposes = rand() < 0.8 ? ['invitations', 'news'] : rand() < 0.5 ? ['invitations'] : ['news'];
    // Joined over the last ten months, the newest last.
    const confirmed = now - (64 - i) * 4.5 * 86_400_000;
    const expires = new Date(confirmed);
    expires.setUTCMonth(expires.getUTCMonth() + DEMO_CONTACT_BANK.consent.months);
    const id = `seed-${String(i).padStart(3, '0')}`;
    await db.query(
      `INSERT INTO contacts (id, council, status, kind, email, name, organisation, district, services, categories, formats, languages, accessibility,
         age_band, locale, page_url, joined_via, consent_version, purposes, created_at, confirmed_at, expires_at)
       VALUES ($1, $2, 'active', $3, $4, $5, $6, $7, $8::jsonb, '[]', $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17::jsonb,
         to_timestamp($18), to_timestamp($18), to_timestamp($19))`,
      [
        id,
        council,
        kind,
        `demo.contact.${i}@example.org`,
        org ? `Kontakt ${i}` : null,
        org ? org[1] : null,
        district,
        JSON.stringify(services),
        JSON.stringify(formats.length ? formats : ['survey']),
        JSON.stringify(languages),
        JSON.stringify(rand() < 0.15 ? ['step-free-access'] : []),
        age,
        languages[0] === 'uk' ? 'en' : 'pl',
        pageUrl,
        via,
        DEMO_CONTACT_BANK.consent.version,
        JSON.stringify(purposes),
        confirmed / 1000,
        expires.getTime() / 1000,
      ],
    );
    await db.query(
      `INSERT INTO consent_ledger (contact_id, at, event, version, purposes) VALUES ($1, to_timestamp($2), 'given', $3, $4::jsonb), ($1, to_timestamp($2), 'confirmed', $3, $4::jsonb)`,
      [id, confirmed / 1000, DEMO_CONTACT_BANK.consent.version, JSON.stringify(purposes)],
    );
  }
}
