// Demo data of the loop: realistic themes in several states and languages for each demo council,
// some published with timelines and answered inputs, one draft each in demo and nordby. Fixed ids,
// so re-seeding refreshes texts and adds nothing twice.
import { RECEIPT_ALPHABET, RECEIPT_LENGTH, type FeedbackChannel, type FeedbackKind, type Locale, type ThemeStatus } from '@civicloop/contract';
import { createHash } from 'node:crypto';
import type { Database } from './db/driver.js';

const DAY = 86_400_000;

interface InputSeed {
  /** Days before the seed moment it arrived. */
  ago: number;
  /** What the person meant: a complaint is a problem, a request an idea; never left to chance. */
  kind: FeedbackKind;
  locale: Locale;
  channel: FeedbackChannel;
  text: string;
  sourceUrl?: string;
  reply?: { after: number; text: string };
}

interface ThemeSeed {
  id: string;
  council: string;
  service: string;
  locale: Locale;
  title: string;
  youSaid: string;
  weDid: string | null;
  status: ThemeStatus;
  statusReason: string | null;
  /** Days before the seed moment it was published; absent for a draft. */
  publishedAgo?: number;
  updates: { ago: number; text: string; status?: ThemeStatus }[];
  inputs: InputSeed[];
}

const THEMES: ThemeSeed[] = [
  {
    id: 'demo-library-sundays',
    council: 'demo',
    service: 'libraries',
    locale: 'pl',
    title: 'Biblioteki otwarte w niedziele',
    youSaid: 'Wiele osób pisało, że w tygodniu pracuje do późna i może przyjść do biblioteki tylko w weekend, a w niedziele wszystkie filie są zamknięte.',
    weDid: 'Od czerwca Biblioteka Centralna i dwie filie będą otwarte w niedziele od 11:00 do 17:00. Po trzech miesiącach sprawdzimy, ile osób przychodzi.',
    status: 'planned',
    statusReason: 'Budżet na dodatkowe dyżury został zatwierdzony przez radę miasta.',
    publishedAgo: 40,
    updates: [
      { ago: 40, text: 'Rada miasta zatwierdziła budżet na niedzielne dyżury.' },
      { ago: 12, text: 'Zatrudniliśmy czterech nowych bibliotekarzy na weekendy.' },
    ],
    inputs: [
      { ago: 75, kind: 'idea', locale: 'pl', channel: 'web', text: 'Pracuję do 18:00, biblioteka jest otwarta do 18:00. Proszę o otwarcie w niedziele.' },
      { ago: 70, kind: 'idea', locale: 'pl', channel: 'phone', text: 'Mieszkanka prosi o niedzielne godziny otwarcia filii na Ochocie.', reply: { after: 3, text: 'Dziękujemy, analizujemy godziny otwarcia wszystkich filii.' } },
      { ago: 66, kind: 'idea', locale: 'en', channel: 'web', text: 'As a student I can only come at weekends. Sunday opening would help a lot.' },
      { ago: 58, kind: 'idea', locale: 'pl', channel: 'petition', text: 'Petycja „Biblioteka w niedzielę” z 1 240 podpisami.', sourceUrl: 'https://petycje.example.org/biblioteka-w-niedziele' },
    ],
  },
  {
    id: 'demo-waste-bins',
    council: 'demo',
    service: 'waste-collection',
    locale: 'en',
    title: 'Overflowing recycling bins after weekends',
    youSaid: 'Residents of three estates reported that glass and paper bins are full every Monday morning and rubbish piles up around them.',
    weDid: 'Collection in these estates moved from Tuesday to Monday morning, and six larger bins were added. Reports of overflowing bins dropped from 31 to 4 a month.',
    status: 'done',
    statusReason: null,
    publishedAgo: 30,
    updates: [
      { ago: 45, text: 'We counted the bins and their fill level on four Mondays.', status: 'considering' },
      { ago: 30, text: 'Collection day changed; larger bins installed.', status: 'done' },
    ],
    inputs: [
      { ago: 80, kind: 'problem', locale: 'en', channel: 'web', text: 'The paper bin at Lipowa 5 is overflowing again, third Monday in a row.' },
      { ago: 78, kind: 'problem', locale: 'pl', channel: 'web', text: 'Przy Lipowej 7 szkło leży obok pojemników. Proszę częściej odbierać.' },
      { ago: 61, kind: 'problem', locale: 'en', channel: 'in-person', text: 'Reported at the district office: bins full after every weekend.' },
      { ago: 52, kind: 'problem', locale: 'pl', channel: 'social-media', text: 'Wątek w grupie osiedlowej: zdjęcia przepełnionych pojemników, 85 komentarzy.', sourceUrl: 'https://social.example.org/groups/osiedle-lipowa/posts/4411' },
    ],
  },
  {
    id: 'demo-night-trams',
    council: 'demo',
    service: 'trams-and-buses',
    locale: 'pl',
    title: 'Nocne tramwaje w weekendy',
    youSaid: 'Pytaliście o tramwaje nocne w piątki i soboty, bo autobusy nocne jeżdżą rzadko i są przepełnione.',
    weDid: 'Nie uruchomimy tramwajów nocnych w tym roku: torowiska są remontowane nocami. Zamiast tego autobusy N12 i N14 będą jeździć co 15 minut.',
    status: 'not-possible',
    statusReason: 'Nocne remonty torowisk potrwają do końca roku; tramwaje nie mogą wtedy kursować.',
    publishedAgo: 20,
    updates: [],
    inputs: [
      { ago: 50, kind: 'idea', locale: 'pl', channel: 'web', text: 'Po koncercie czekałam 40 minut na autobus nocny. Może tramwaje?' },
      { ago: 44, kind: 'idea', locale: 'de', channel: 'email', text: 'Als Tourist hätte ich mir am Wochenende eine Straßenbahn in der Nacht gewünscht.' },
    ],
  },
  {
    id: 'demo-school-crossing',
    council: 'demo',
    service: 'primary-schools',
    locale: 'pl',
    title: 'Bezpieczne przejście przy Szkole Podstawowej nr 3',
    youSaid: 'Rodzice piszą, że samochody jeżdżą szybko przy szkole, a przejście dla pieszych jest słabo widoczne rano.',
    weDid: null,
    status: 'considering',
    statusReason: 'Czekamy na pomiar ruchu, który zrobi zarząd dróg w przyszłym miesiącu.',
    publishedAgo: 6,
    updates: [],
    inputs: [
      { ago: 18, kind: 'problem', locale: 'pl', channel: 'paper', text: 'Rano przy szkole jest ciemno, dzieci przechodzą między samochodami.' },
      { ago: 9, kind: 'idea', locale: 'pl', channel: 'web', text: 'Proszę o progi zwalniające przy SP 3.', reply: { after: 2, text: 'Dziękujemy. Zleciliśmy pomiar ruchu; wyniki opublikujemy w temacie o przejściu przy SP 3.' } },
    ],
  },
  {
    id: 'demo-clinic-booking',
    council: 'demo',
    service: 'health-centres',
    locale: 'pl',
    title: 'Zapisy do przychodni przez telefon',
    youSaid: 'Trudno dodzwonić się do przychodni rano, linia jest ciągle zajęta.',
    weDid: null,
    status: 'listening',
    statusReason: null,
    updates: [],
    inputs: [{ ago: 4, kind: 'problem', locale: 'pl', channel: 'web', text: 'Dzwoniłem 27 razy o 8:00 i nikt nie odebrał.' }],
  },
  {
    id: 'riverside-park-lighting',
    council: 'riverside',
    service: 'parks',
    locale: 'en',
    title: 'Lighting on the riverside path',
    youSaid: 'Many of you said the riverside path feels unsafe after dark in winter because half of the lamps do not work.',
    weDid: 'All 48 lamps were replaced with LED lamps on timers, and the path is now checked monthly.',
    status: 'done',
    statusReason: null,
    publishedAgo: 25,
    updates: [{ ago: 25, text: 'The new lamps are on from dusk until 1 am.', status: 'done' }],
    inputs: [
      { ago: 60, kind: 'problem', locale: 'en', channel: 'web', text: 'Walking home along the river at 6 pm is pitch dark now.' },
      { ago: 55, kind: 'problem', locale: 'sv', channel: 'web', text: 'Gångvägen vid floden är helt mörk på kvällen.' },
      { ago: 40, kind: 'problem', locale: 'en', channel: 'press', text: 'Local paper: "Riverside path in the dark", interviews with six residents.', sourceUrl: 'https://news.example.org/riverside-path-dark' },
    ],
  },
  {
    id: 'riverside-youth-club',
    council: 'riverside',
    service: 'youth-services',
    locale: 'sv',
    title: 'Fritidsgården på lördagar',
    youSaid: 'Unga och föräldrar har bett att fritidsgården ska vara öppen även på lördagar.',
    weDid: null,
    status: 'considering',
    statusReason: 'Vi frågar personalen och ungdomsrådet om vilka tider som passar.',
    publishedAgo: 8,
    updates: [],
    inputs: [{ ago: 21, kind: 'problem', locale: 'sv', channel: 'outreach', text: 'Ungdomar vid skolan: "Vi har ingenstans att vara på lördagar."' }],
  },
  {
    id: 'nordby-bus-5',
    council: 'nordby',
    service: 'bus-lines',
    locale: 'da',
    title: 'Bus 5 om aftenen',
    youSaid: 'I har skrevet, at bus 5 holder op med at køre for tidligt, så man ikke kan komme hjem fra aftenvagter.',
    weDid: 'Fra næste køreplan kører bus 5 en gang i timen til kl. 23.30 på hverdage.',
    status: 'planned',
    statusReason: null,
    publishedAgo: 15,
    updates: [{ ago: 15, text: 'Ny køreplan er sendt til trafikselskabet.' }],
    inputs: [
      { ago: 48, kind: 'problem', locale: 'da', channel: 'web', text: 'Jeg har aftenvagt til kl. 22, men sidste bus 5 kører kl. 21.40.' },
      { ago: 39, kind: 'problem', locale: 'de', channel: 'email', text: 'Der letzte Bus 5 fährt zu früh für Pendler aus Flensburg.' },
    ],
  },
  {
    id: 'nordby-pool-hours',
    council: 'nordby',
    service: 'swimming-pool',
    locale: 'de',
    title: 'Frühschwimmen im Hallenbad',
    youSaid: 'Berufstätige wünschen sich, vor der Arbeit ab 6 Uhr schwimmen zu können.',
    weDid: null,
    status: 'listening',
    statusReason: null,
    updates: [],
    inputs: [{ ago: 3, kind: 'question', locale: 'de', channel: 'web', text: 'Könnte das Bad dienstags und donnerstags schon um 6 Uhr öffnen?' }],
  },
];

/** A valid, stable receipt for a seeded input (seeded inputs keep their receipts across re-seeds). */
function seedReceipt(id: string): string {
  const digest = createHash('sha256').update(`civicloop-seed:${id}`).digest();
  let out = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) out += RECEIPT_ALPHABET[digest[i]! % RECEIPT_ALPHABET.length];
  return out;
}

const ts = (ms: number) => ms / 1000;

/** Seeds the demo councils' themes, inputs, replies and timelines (councils and services must exist). */
export async function seedLoop(db: Database, now: number = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of THEMES) {
      const published = t.publishedAgo === undefined ? null : ts(now - t.publishedAgo * DAY);
      const created = ts(now - Math.max(t.publishedAgo ?? 0, ...t.updates.map((u) => u.ago), 1) * DAY - DAY);
      const updated = Math.max(published ?? created, ...t.updates.map((u) => ts(now - u.ago * DAY)));
      await tx.query(
        `INSERT INTO themes (id, council, title, you_said, we_did, status, status_reason, service, locale, created_at, updated_at, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10), to_timestamp($11), to_timestamp($12))
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, you_said = EXCLUDED.you_said, we_did = EXCLUDED.we_did, status = EXCLUDED.status,
           status_reason = EXCLUDED.status_reason, service = EXCLUDED.service, locale = EXCLUDED.locale`,
        [t.id, t.council, t.title, t.youSaid, t.weDid, t.status, t.statusReason, t.service, t.locale, created, updated, published],
      );
      for (const [i, u] of t.updates.entries()) {
        await tx.query('INSERT INTO theme_updates (id, theme_id, at, text, status) VALUES ($1, $2, to_timestamp($3), $4, $5) ON CONFLICT (id) DO NOTHING', [
          `${t.id}-update-${i + 1}`,
          t.id,
          ts(now - u.ago * DAY),
          u.text,
          u.status ?? null,
        ]);
      }
      for (const [i, input] of t.inputs.entries()) {
        const id = `${t.id}-input-${i + 1}`;
        const at = ts(now - input.ago * DAY);
        const replyAt = input.reply ? at + input.reply.after * 86_400 : null;
        const answeredAt = [replyAt, published].filter((x): x is number => x !== null).sort((a, b) => a - b)[0] ?? null;
        const { rowCount } = await tx.query(
          `INSERT INTO feedback (id, council, receipt, kind, text, service, locale, channel, source_url, status, created_at, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, to_timestamp($11), to_timestamp($12)) ON CONFLICT (id) DO NOTHING`,
          [id, t.council, seedReceipt(id), input.kind, input.text, t.service, input.locale, input.channel, input.sourceUrl ?? null, answeredAt ? 'answered' : 'received', at, answeredAt],
        );
        if (!rowCount) continue;
        await tx.query("INSERT INTO feedback_events (feedback_id, at, status) VALUES ($1, to_timestamp($2), 'received')", [id, at]);
        if (answeredAt) await tx.query("INSERT INTO feedback_events (feedback_id, at, status) VALUES ($1, to_timestamp($2), 'answered')", [id, answeredAt]);
        await tx.query('INSERT INTO theme_feedback (theme_id, feedback_id, linked_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT DO NOTHING', [t.id, id, at + 86_400]);
        if (input.reply && replyAt) {
          await tx.query("INSERT INTO replies (id, feedback_id, text, created_at, staff_token) VALUES ($1, $2, $3, to_timestamp($4), 'seed') ON CONFLICT (id) DO NOTHING", [
            `${id}-reply`,
            id,
            input.reply.text,
            replyAt,
          ]);
        }
      }
    }
  });
}

/** The seeded themes, for tests and the demo pages. */
export const SEEDED_THEMES: readonly Pick<ThemeSeed, 'id' | 'council' | 'locale' | 'status' | 'publishedAgo'>[] = THEMES;
