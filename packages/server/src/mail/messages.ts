// The server's own words to residents: the emails of the loop, in every locale of the contract.
// `{name}` placeholders are filled by `format`; mail.test.ts checks every locale has every key
// with the same placeholders as English.
import { LOCALES, type Locale, type ThemeStatus } from '@civicloop/contract';

const EN = {
  replySubject: '{council} answered your input',
  replyIntro: '{council} has answered the input you sent (receipt {receipt}):',
  themeSubject: '{council} published what it did with your input',
  themeIntro: 'Your input (receipt {receipt}) is part of a theme that {council} has published: "{title}".',
  youSaid: 'You said',
  weDid: 'We did',
  weDidPending: 'The council has not said yet what it will do. You will see it when you follow your input.',
  status: 'Status',
  reason: 'Why',
  follow: 'Follow your input: {link}',
  footer:
    'You receive this email because you asked for a reply when you sent your input. Your address is used for this alone, and it is erased when you erase your input.',
  'status.listening': 'listening',
  'status.considering': 'considering',
  'status.planned': 'planned',
  'status.done': 'done',
  'status.not-possible': 'not possible',
};

export type MessageKey = keyof typeof EN;

/** Every locale has every key: a missing one does not compile (and mail.test.ts checks placeholders). */
export const MESSAGES: { readonly [L in Locale]: { readonly [K in MessageKey]: string } } = {
  en: EN,
  pl: {
    replySubject: '{council} odpowiada na Twoją opinię',
    replyIntro: '{council} odpowiada na opinię, którą wysłałeś/wysłałaś (potwierdzenie {receipt}):',
    themeSubject: '{council} opublikowało, co zrobiło z Twoją opinią',
    themeIntro: 'Twoja opinia (potwierdzenie {receipt}) należy do tematu, który {council} właśnie opublikowało: „{title}”.',
    youSaid: 'Mówiliście',
    weDid: 'Zrobiliśmy',
    weDidPending: 'Urząd nie napisał jeszcze, co zrobi. Zobaczysz to, śledząc swoją opinię.',
    status: 'Status',
    reason: 'Dlaczego',
    follow: 'Śledź swoją opinię: {link}',
    footer:
      'Otrzymujesz tę wiadomość, ponieważ przy wysyłaniu opinii poprosiłeś/poprosiłaś o odpowiedź. Twój adres służy tylko do tego i zostanie usunięty, gdy usuniesz swoją opinię.',
    'status.listening': 'zbieramy opinie',
    'status.considering': 'analizujemy',
    'status.planned': 'zaplanowane',
    'status.done': 'zrobione',
    'status.not-possible': 'niemożliwe',
  },
  sv: {
    replySubject: '{council} har svarat på din synpunkt',
    replyIntro: '{council} har svarat på synpunkten du skickade (kvitto {receipt}):',
    themeSubject: '{council} har publicerat vad vi gjorde med din synpunkt',
    themeIntro: 'Din synpunkt (kvitto {receipt}) ingår i ett tema som {council} har publicerat: ”{title}”.',
    youSaid: 'Ni sa',
    weDid: 'Vi gjorde',
    weDidPending: 'Kommunen har ännu inte sagt vad den kommer att göra. Du ser det när du följer din synpunkt.',
    status: 'Status',
    reason: 'Varför',
    follow: 'Följ din synpunkt: {link}',
    footer:
      'Du får det här mejlet eftersom du bad om svar när du skickade din synpunkt. Din adress används bara till detta och raderas när du raderar din synpunkt.',
    'status.listening': 'vi lyssnar',
    'status.considering': 'vi överväger',
    'status.planned': 'planerad',
    'status.done': 'klar',
    'status.not-possible': 'inte möjlig',
  },
  da: {
    replySubject: '{council} har svaret på dit input',
    replyIntro: '{council} har svaret på det input, du sendte (kvittering {receipt}):',
    themeSubject: '{council} har offentliggjort, hvad vi gjorde med dit input',
    themeIntro: 'Dit input (kvittering {receipt}) indgår i et tema, som {council} har offentliggjort: »{title}«.',
    youSaid: 'I sagde',
    weDid: 'Vi gjorde',
    weDidPending: 'Kommunen har endnu ikke sagt, hvad den vil gøre. Du kan se det, når du følger dit input.',
    status: 'Status',
    reason: 'Hvorfor',
    follow: 'Følg dit input: {link}',
    footer:
      'Du får denne e-mail, fordi du bad om et svar, da du sendte dit input. Din adresse bruges kun til dette og slettes, når du sletter dit input.',
    'status.listening': 'vi lytter',
    'status.considering': 'vi overvejer',
    'status.planned': 'planlagt',
    'status.done': 'gennemført',
    'status.not-possible': 'ikke muligt',
  },
  de: {
    replySubject: '{council} hat auf Ihre Rückmeldung geantwortet',
    replyIntro: '{council} hat auf die Rückmeldung geantwortet, die Sie gesendet haben (Beleg {receipt}):',
    themeSubject: '{council} hat veröffentlicht, was aus Ihrer Rückmeldung geworden ist',
    themeIntro: 'Ihre Rückmeldung (Beleg {receipt}) gehört zu einem Thema, das {council} veröffentlicht hat: „{title}“.',
    youSaid: 'Sie sagten',
    weDid: 'Wir haben',
    weDidPending: 'Die Verwaltung hat noch nicht gesagt, was sie tun wird. Sie sehen es, wenn Sie Ihre Rückmeldung verfolgen.',
    status: 'Stand',
    reason: 'Warum',
    follow: 'Ihre Rückmeldung verfolgen: {link}',
    footer:
      'Sie erhalten diese E-Mail, weil Sie beim Senden Ihrer Rückmeldung um eine Antwort gebeten haben. Ihre Adresse wird nur dafür verwendet und gelöscht, wenn Sie Ihre Rückmeldung löschen.',
    'status.listening': 'wir hören zu',
    'status.considering': 'in Prüfung',
    'status.planned': 'geplant',
    'status.done': 'erledigt',
    'status.not-possible': 'nicht möglich',
  },
  fr: {
    replySubject: '{council} a répondu à votre contribution',
    replyIntro: '{council} a répondu à la contribution que vous avez envoyée (reçu {receipt}) :',
    themeSubject: '{council} a publié ce qu’il a fait de votre contribution',
    themeIntro: 'Votre contribution (reçu {receipt}) fait partie d’un thème que {council} a publié : « {title} ».',
    youSaid: 'Vous avez dit',
    weDid: 'Nous avons fait',
    weDidPending: 'La collectivité n’a pas encore dit ce qu’elle fera. Vous le verrez en suivant votre contribution.',
    status: 'État',
    reason: 'Pourquoi',
    follow: 'Suivre votre contribution : {link}',
    footer:
      'Vous recevez ce courriel parce que vous avez demandé une réponse en envoyant votre contribution. Votre adresse ne sert qu’à cela et elle est effacée quand vous effacez votre contribution.',
    'status.listening': 'à l’écoute',
    'status.considering': 'à l’étude',
    'status.planned': 'prévu',
    'status.done': 'fait',
    'status.not-possible': 'pas possible',
  },
  pt: {
    replySubject: '{council} respondeu ao seu contributo',
    replyIntro: '{council} respondeu ao contributo que enviou (recibo {receipt}):',
    themeSubject: '{council} publicou o que fez com o seu contributo',
    themeIntro: 'O seu contributo (recibo {receipt}) faz parte de um tema que {council} publicou: «{title}».',
    youSaid: 'Disseram',
    weDid: 'Fizemos',
    weDidPending: 'A autarquia ainda não disse o que vai fazer. Verá quando acompanhar o seu contributo.',
    status: 'Estado',
    reason: 'Porquê',
    follow: 'Acompanhe o seu contributo: {link}',
    footer:
      'Recebe este e-mail porque pediu uma resposta quando enviou o seu contributo. O seu endereço serve apenas para isto e é apagado quando apagar o seu contributo.',
    'status.listening': 'a ouvir',
    'status.considering': 'em análise',
    'status.planned': 'planeado',
    'status.done': 'feito',
    'status.not-possible': 'não é possível',
  },
  ro: {
    replySubject: '{council} a răspuns la contribuția dumneavoastră',
    replyIntro: '{council} a răspuns la contribuția pe care ați trimis-o (confirmare {receipt}):',
    themeSubject: '{council} a publicat ce a făcut cu contribuția dumneavoastră',
    themeIntro: 'Contribuția dumneavoastră (confirmare {receipt}) face parte dintr-o temă publicată de {council}: „{title}”.',
    youSaid: 'Ați spus',
    weDid: 'Am făcut',
    weDidPending: 'Primăria nu a spus încă ce va face. Veți vedea când urmăriți contribuția dumneavoastră.',
    status: 'Stadiu',
    reason: 'De ce',
    follow: 'Urmăriți contribuția: {link}',
    footer:
      'Primiți acest e-mail pentru că ați cerut un răspuns când ați trimis contribuția. Adresa dumneavoastră este folosită doar pentru aceasta și este ștearsă când ștergeți contribuția.',
    'status.listening': 'ascultăm',
    'status.considering': 'analizăm',
    'status.planned': 'planificat',
    'status.done': 'realizat',
    'status.not-possible': 'nu este posibil',
  },
};

/** The placeholders of a message, e.g. `['council', 'receipt']`. */
export const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

function format(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The messages of a resident's locale, the council's default when they gave none. */
export function messagesFor(locale: string | null, fallback: Locale): (key: MessageKey, values?: Record<string, string>) => string {
  const l: Locale = (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : fallback;
  return (key, values = {}) => format(MESSAGES[l][key], values);
}

export interface FollowTarget {
  council: string;
  receipt: string;
  locale: string | null;
  /** Where to follow the input: the page the resident wrote from, with `#receipt=`, or undefined. */
  link: string | undefined;
}

function closing(t: ReturnType<typeof messagesFor>, link: string | undefined): string {
  return [link ? t('follow', { link }) : '', '--', t('footer')].filter(Boolean).join('\n\n');
}

/** The email of a personal reply. */
export function replyMail(target: FollowTarget, fallback: Locale, reply: string): { subject: string; text: string } {
  const t = messagesFor(target.locale, fallback);
  return {
    subject: t('replySubject', { council: target.council }),
    text: [t('replyIntro', { council: target.council, receipt: target.receipt }), reply, closing(t, target.link)].join('\n\n') + '\n',
  };
}

/** The email of a published theme that answers the resident's input. */
export function themeMail(
  target: FollowTarget,
  fallback: Locale,
  theme: { title: string; youSaid: string; weDid: string | null; status: ThemeStatus; statusReason: string | null },
): { subject: string; text: string } {
  const t = messagesFor(target.locale, fallback);
  const status = `${t('status')}: ${t(`status.${theme.status}`)}` + (theme.statusReason ? `\n${t('reason')}: ${theme.statusReason}` : '');
  return {
    subject: t('themeSubject', { council: target.council }),
    text:
      [
        t('themeIntro', { council: target.council, receipt: target.receipt, title: theme.title }),
        `${t('youSaid')}:\n${theme.youSaid}`,
        `${t('weDid')}:\n${theme.weDid ?? t('weDidPending')}`,
        status,
        closing(t, target.link),
      ].join('\n\n') + '\n',
  };
}

/** The follow link: the page the resident wrote from with the receipt in the fragment (never the query). */
export function followLink(pageUrl: string | null, receipt: string): string | undefined {
  if (!pageUrl) return undefined;
  try {
    const url = new URL(pageUrl);
    url.hash = `receipt=${receipt}`;
    return url.href;
  } catch {
    return undefined;
  }
}
