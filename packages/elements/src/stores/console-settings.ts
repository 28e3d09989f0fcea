// The console's council settings, for admins: read them, change what was edited, create or rename
// services. Editors may read them, and the API refuses their changes (403), said in place.
//
//   settings: loading -> ready | failed
//   save:     idle -> saving -> done | invalid (the API named fields) | failed
import type { CouncilSettings, CouncilSettingsPatch, Service, ServiceSave } from '@civicloop/contract';
import { PAGE_LIMIT_MAX } from '@civicloop/contract/rules';
import { getCouncilSettings, isApiError, listServices, saveService, updateCouncilSettings, type Transport } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { staffFailed, type StaffAccess, type StaffFailure } from './staff-access.js';

export type SettingsState = { status: 'loading' } | { status: 'ready'; settings: CouncilSettings; services: Service[] } | { status: 'failed'; reason: StaffFailure };
export type SaveWhat = 'settings' | 'service';
export type SaveState =
  | { state: 'idle' }
  | { state: 'saving'; what: SaveWhat }
  | { state: 'done'; what: SaveWhat }
  | { state: 'invalid'; what: SaveWhat; fields: { path: string; message: string }[] }
  | { state: 'failed'; what: SaveWhat; reason: StaffFailure };

/** The council's services as they are now (past the browser's cache), a whole page: councils have a few dozen. */
const freshServices = async (t: Transport) => (await listServices(t, { limit: PAGE_LIMIT_MAX }, { cache: 'no-cache' })).items;

export function createConsoleSettings(options: { access: StaffAccess }) {
  const $settings = atom<SettingsState>({ status: 'loading' });
  const $save = atom<SaveState>({ state: 'idle' });
  let serial = 0;

  const invalid = (error: unknown) =>
    isApiError(error) && error.status === 422 && Array.isArray(error.problem?.errors) ? (error.problem.errors as { path: string; message: string }[]).map((e) => ({ path: e.path, message: e.message })) : undefined;

  async function run(what: SaveWhat, call: (a: NonNullable<ReturnType<StaffAccess['staff']>>) => Promise<Partial<{ settings: CouncilSettings; services: Service[] }>>): Promise<void> {
    const a = options.access.staff();
    const current = $settings.get();
    if (!a || current.status !== 'ready' || $save.get().state === 'saving') return;
    $save.set({ state: 'saving', what });
    try {
      const changed = await call(a);
      $settings.set({ ...current, ...changed });
      $save.set({ state: 'done', what });
    } catch (error) {
      const fields = invalid(error);
      if (fields) return $save.set({ state: 'invalid', what, fields });
      const reason = staffFailed(options.access, error);
      $save.set(reason ? { state: 'failed', what, reason } : { state: 'idle' });
    }
  }

  return {
    $settings: $settings as ReadableAtom<SettingsState>,
    $save: $save as ReadableAtom<SaveState>,

    async load(): Promise<void> {
      const mine = ++serial;
      const a = options.access.staff();
      if (!a) return;
      $settings.set({ status: 'loading' });
      $save.set({ state: 'idle' });
      try {
        const [settings, services] = await Promise.all([getCouncilSettings(a.t, { token: a.token }), freshServices(a.t)]);
        if (mine === serial) $settings.set({ status: 'ready', settings, services });
      } catch (error) {
        const reason = staffFailed(options.access, error);
        if (mine === serial && reason) $settings.set({ status: 'failed', reason });
      }
    },

    /** Sends what changed; anything absent stays as it is. */
    save(patch: CouncilSettingsPatch): Promise<void> {
      return run('settings', async (a) => ({ settings: await updateCouncilSettings(a.t, patch, { token: a.token }) }));
    },

    /** Creates the service `id`, or renames it; the council's service list is read again. */
    saveService(id: string, body: ServiceSave): Promise<void> {
      return run('service', async (a) => {
        await saveService(a.t, id, body, { token: a.token });
        return { services: await freshServices(a.t) };
      });
    },

    reset(): void {
      serial++;
      $settings.set({ status: 'loading' });
      $save.set({ state: 'idle' });
    },
  };
}

export type ConsoleSettings = ReturnType<typeof createConsoleSettings>;
