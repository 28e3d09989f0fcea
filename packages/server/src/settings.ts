import type { CouncilSettings, Service, ValidationIssue } from '@civicloop/contract';
import { audit, changed } from './audit.js';
import type { Handlers } from './context.js';
import { antiAbuseOf, normaliseOrigin, pageOrigins, toCouncilConfig, updateCouncil, type CouncilChanges, type CouncilRow } from './councils.js';
import { problems } from './problems.js';
import { createService } from './services.js';

/** Every setting an admin may read and change (nothing secret is among them). */
export function toCouncilSettings(row: CouncilRow, ownOrigins: readonly string[] = []): CouncilSettings {
  // Single sign-on is set with the CLI (its secret never leaves the server): not among these settings.
  const { contactBank: _bank, sso: _sso, ...config } = toCouncilConfig(row);
  return {
    ...config,
    antiAbuse: antiAbuseOf(row),
    origins: row.origins,
    pageOrigins: pageOrigins(row, ownOrigins),
    contactBank: row.contactBank,
    openLicence: row.openLicence,
    reachThreshold: row.reachThreshold,
  };
}

/** The settings as the audit log records them: only what an admin can change. */
const audited = ({ slug: _slug, limits: _limits, pageOrigins: _pageOrigins, ...s }: CouncilSettings) => s;

export const settingsHandlers: Pick<Handlers, 'getCouncilSettings' | 'updateCouncilSettings' | 'saveService'> = {
  async getCouncilSettings({ council, options }) {
    return { status: 200, body: toCouncilSettings(council, options.ownOrigins) };
  },

  async updateCouncilSettings(ctx) {
    const { db, council, body } = ctx;
    // Origins as the CORS check compares them; a path or query is a mistake worth naming.
    const issues: ValidationIssue[] = [];
    const origins = body.origins?.map((o, i) => {
      try {
        return normaliseOrigin(o);
      } catch {
        issues.push({ path: `/origins/${i}`, message: 'Give an origin only: https://, the host and an optional port, no path', code: 'invalid_origin' });
        return o;
      }
    });
    const locales = body.locales ? [...new Set(body.locales)] : undefined;
    if (body.defaultLocale && !(locales ?? council.locales).includes(body.defaultLocale)) {
      issues.push({ path: '/defaultLocale', message: 'The default language must be one of the council\'s languages', code: 'unknown_locale' });
    }
    if (issues.length) throw problems.validation(issues);

    const changes: CouncilChanges = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(locales ? { locales } : {}),
      ...(body.defaultLocale ? { defaultLocale: body.defaultLocale } : {}),
      ...(origins ? { origins } : {}),
      ...(body.texts?.inputUse ? { inputUse: body.texts.inputUse } : {}),
      ...(body.antiAbuse ? { antiAbuse: body.antiAbuse } : {}),
      ...(body.contactBank !== undefined ? { contactBank: body.contactBank } : {}),
      ...(body.openLicence ? { openLicence: body.openLicence } : {}),
      ...(body.reachThreshold !== undefined ? { reachThreshold: body.reachThreshold } : {}),
    };
    const before = toCouncilSettings(council);
    // In the request's transaction, with the row locked: two admins' changes apply one after the other.
    const row = await updateCouncil(db, council.slug, changes);
    const after = toCouncilSettings(row, ctx.options.ownOrigins);
    const diff = changed(audited(before), audited(after));
    if (diff) await audit(db, ctx.staff!, ctx.now(), 'council.update', { type: 'council', id: council.slug }, diff.before, diff.after);
    return { status: 200, body: after };
  },

  async saveService(ctx) {
    const { db, council, params, body } = ctx;
    // Every form and list falls back to the default language's name: without one, an English page
    // would list a service by its Polish name (or its id).
    const main = council.defaultLocale;
    if (!(body.name as Partial<Record<string, string>>)[main]?.trim()) {
      throw problems.validation([{ path: `/name/${main}`, message: `Name the service in ${main}, the council's default language: every form and list falls back to it`, code: 'default_name_missing' }]);
    }
    const { rows } = await db.query<Service>('SELECT id, name, category FROM services WHERE council = $1 AND id = $2 FOR UPDATE', [council.slug, params.service]);
    const before = rows[0] ? { name: rows[0].name, category: rows[0].category } : null;
    await createService(db, { council: council.slug, id: params.service, name: body.name, category: body.category });
    const after = { name: body.name, category: body.category };
    const diff = before ? changed(before, after) : { before: null, after };
    if (diff) await audit(db, ctx.staff!, ctx.now(), 'service.save', { type: 'service', id: params.service }, diff.before, diff.after);
    return { status: 200, body: { id: params.service, ...after } };
  },
};
