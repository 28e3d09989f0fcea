// The server's own words to residents: the emails of the loop, in every locale of the contract.
// `{name}` placeholders are filled by `format`; mail.test.ts checks every locale has every key
// with the same placeholders as English.
import { LOCALES, type Locale, type ThemeStatus } from '@civicloop/contract';

const EN = {
  replySubject: '{council} answered your message',
  replyIntro: '{council} has answered the message you sent (receipt {receipt}):',
  themeSubject: '{council} published what it did with your message',
  themeIntro: 'Your message (receipt {receipt}) is part of a theme that {council} has published: "{title}".',
  youSaid: 'You said',
  weDid: 'We did',
  weDidPending: 'The council has not said yet what it will do. You will see it when you follow your message.',
  status: 'Status',
  reason: 'Why',
  follow: 'Follow your message: {link}',
  footer:
    'You receive this email because you asked for a reply when you sent your message. Your address is used for this alone, and it is erased when you erase your message.',
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
    replySubject: '{council} odpowiada na Twoją wiadomość',
    replyIntro: '{council} odpowiada na wiadomość, którą wysłałeś/wysłałaś (potwierdzenie {receipt}):',
    themeSubject: '{council} opublikowało, co zrobiło z Twoją wiadomością',
    themeIntro: 'Twoja wiadomość (potwierdzenie {receipt}) należy do tematu, który {council} właśnie opublikowało: „{title}”.',
    youSaid: 'Mówiliście',
    weDid: 'Zrobiliśmy',
    weDidPending: 'Urząd nie napisał jeszcze, co zrobi. Zobaczysz to, śledząc swoją wiadomość.',
    status: 'Status',
    reason: 'Dlaczego',
    follow: 'Śledź swoją wiadomość: {link}',
    footer:
      'Otrzymujesz ten e-mail, ponieważ przy wysyłaniu swojej wiadomości poprosiłeś/poprosiłaś o odpowiedź. Twój adres służy tylko do tego i zostanie usunięty, gdy usuniesz swoją wiadomość.',
    'status.listening': 'zbieramy opinie',
    'status.considering': 'analizujemy',
    'status.planned': 'zaplanowane',
    'status.done': 'zrobione',
    'status.not-possible': 'niemożliwe',
  },
  sv: {
    replySubject: '{council} har svarat på ditt meddelande',
    replyIntro: '{council} har svarat på meddelandet du skickade (kvitto {receipt}):',
    themeSubject: '{council} har publicerat vad vi gjorde med ditt meddelande',
    themeIntro: 'Ditt meddelande (kvitto {receipt}) ingår i ett tema som {council} har publicerat: ”{title}”.',
    youSaid: 'Ni sa',
    weDid: 'Vi gjorde',
    weDidPending: 'Kommunen har ännu inte sagt vad den kommer att göra. Du ser det när du följer ditt meddelande.',
    status: 'Status',
    reason: 'Varför',
    follow: 'Följ ditt meddelande: {link}',
    footer:
      'Du får det här mejlet eftersom du bad om svar när du skickade ditt meddelande. Din adress används bara till detta och raderas när du raderar ditt meddelande.',
    'status.listening': 'vi lyssnar',
    'status.considering': 'vi överväger',
    'status.planned': 'planerad',
    'status.done': 'klar',
    'status.not-possible': 'inte möjlig',
  },
  da: {
    replySubject: '{council} har svaret på din henvendelse',
    replyIntro: '{council} har svaret på den henvendelse, du sendte (kvittering {receipt}):',
    themeSubject: '{council} har offentliggjort, hvad vi gjorde med din henvendelse',
    themeIntro: 'Din henvendelse (kvittering {receipt}) indgår i et tema, som {council} har offentliggjort: »{title}«.',
    youSaid: 'I sagde',
    weDid: 'Vi gjorde',
    weDidPending: 'Kommunen har endnu ikke sagt, hvad den vil gøre. Du kan se det, når du følger din henvendelse.',
    status: 'Status',
    reason: 'Hvorfor',
    follow: 'Følg din henvendelse: {link}',
    footer:
      'Du får denne e-mail, fordi du bad om et svar, da du sendte din henvendelse. Din adresse bruges kun til dette og slettes, når du sletter din henvendelse.',
    'status.listening': 'vi lytter',
    'status.considering': 'vi overvejer',
    'status.planned': 'planlagt',
    'status.done': 'gennemført',
    'status.not-possible': 'ikke muligt',
  },
  de: {
    replySubject: '{council} hat auf Ihre Nachricht geantwortet',
    replyIntro: '{council} hat auf die Nachricht geantwortet, die Sie gesendet haben (Beleg {receipt}):',
    themeSubject: '{council} hat veröffentlicht, was aus Ihrer Nachricht geworden ist',
    themeIntro: 'Ihre Nachricht (Beleg {receipt}) gehört zu einem Thema, das {council} veröffentlicht hat: „{title}“.',
    youSaid: 'Sie sagten',
    weDid: 'Wir haben',
    weDidPending: 'Die Verwaltung hat noch nicht gesagt, was sie tun wird. Sie sehen es, wenn Sie Ihre Nachricht verfolgen.',
    status: 'Stand',
    reason: 'Warum',
    follow: 'Ihre Nachricht verfolgen: {link}',
    footer:
      'Sie erhalten diese E-Mail, weil Sie beim Senden Ihrer Nachricht um eine Antwort gebeten haben. Ihre Adresse wird nur dafür verwendet und gelöscht, wenn Sie Ihre Nachricht löschen.',
    'status.listening': 'wir hören zu',
    'status.considering': 'in Prüfung',
    'status.planned': 'geplant',
    'status.done': 'erledigt',
    'status.not-possible': 'nicht möglich',
  },
  fr: {
    replySubject: '{council} a répondu à votre message',
    replyIntro: '{council} a répondu au message que vous avez envoyé (reçu {receipt}) :',
    themeSubject: '{council} a publié ce qu’il a fait de votre message',
    themeIntro: 'Votre message (reçu {receipt}) fait partie d’un thème que {council} a publié : « {title} ».',
    youSaid: 'Vous avez dit',
    weDid: 'Nous avons fait',
    weDidPending: 'La collectivité n’a pas encore dit ce qu’elle fera. Vous le verrez en suivant votre message.',
    status: 'État',
    reason: 'Pourquoi',
    follow: 'Suivre votre message : {link}',
    footer:
      'Vous recevez ce courriel parce que vous avez demandé une réponse en envoyant votre message. Votre adresse ne sert qu’à cela et elle est effacée quand vous effacez votre message.',
    'status.listening': 'à l’écoute',
    'status.considering': 'à l’étude',
    'status.planned': 'prévu',
    'status.done': 'fait',
    'status.not-possible': 'pas possible',
  },
  pt: {
    replySubject: '{council} respondeu à sua mensagem',
    replyIntro: '{council} respondeu à mensagem que enviou (recibo {receipt}):',
    themeSubject: '{council} publicou o que fez com a sua mensagem',
    themeIntro: 'A sua mensagem (recibo {receipt}) faz parte de um tema que {council} publicou: «{title}».',
    youSaid: 'Disseram',
    weDid: 'Fizemos',
    weDidPending: 'A autarquia ainda não disse o que vai fazer. Verá quando acompanhar a sua mensagem.',
    status: 'Estado',
    reason: 'Porquê',
    follow: 'Acompanhe a sua mensagem: {link}',
    footer:
      'Recebe este e-mail porque pediu uma resposta quando enviou a sua mensagem. O seu endereço serve apenas para isto e é apagado quando apagar a sua mensagem.',
    'status.listening': 'a ouvir',
    'status.considering': 'em análise',
    'status.planned': 'planeado',
    'status.done': 'feito',
    'status.not-possible': 'não é possível',
  },
  ro: {
    replySubject: '{council} a răspuns la mesajul dumneavoastră',
    replyIntro: '{council} a răspuns la mesajul pe care l-ați trimis (confirmare {receipt}):',
    themeSubject: '{council} a publicat ce a făcut cu mesajul dumneavoastră',
    themeIntro: 'Mesajul dumneavoastră (confirmare {receipt}) face parte dintr-o temă publicată de {council}: „{title}”.',
    youSaid: 'Ați spus',
    weDid: 'Am făcut',
    weDidPending: 'Primăria nu a spus încă ce va face. Veți vedea când urmăriți mesajul dumneavoastră.',
    status: 'Stadiu',
    reason: 'De ce',
    follow: 'Urmăriți mesajul dumneavoastră: {link}',
    footer:
      'Primiți acest e-mail pentru că ați cerut un răspuns când ați trimis mesajul. Adresa dumneavoastră este folosită doar pentru aceasta și este ștearsă când ștergeți mesajul.',
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

/**
 * The follow link: where the resident follows the input (the form's `followUrl`), else the page
 * they wrote from, with the receipt in the fragment (never the query). Only a page on one of the
 * council's origins (`pageOrigins`): a council's email never links elsewhere, whatever a client sent.
 */
export function followLink(pages: { follow_url: string | null; page_url: string | null }, receipt: string, origins: readonly string[]): string | undefined {
  for (const page of [pages.follow_url, pages.page_url]) {
    if (!page) continue;
    try {
      const url = new URL(page);
      if (!origins.includes(url.origin)) continue;
      url.hash = `receipt=${receipt}`;
      return url.href;
    } catch {
      // Stored before the contract checked it: not a link.
    }
  }
  return undefined;
}
