// Council settings, for the console's admins. A module of its own, so a bundle of the public
// elements never carries these operations.
import type { CouncilSettings, CouncilSettingsPatch, Service, ServiceSave } from '@civicloop/contract';
import {
  getCouncilSettings as getCouncilSettingsEndpoint,
  saveService as saveServiceEndpoint,
  updateCouncilSettings as updateCouncilSettingsEndpoint,
} from '@civicloop/contract/endpoints';
import type { StaffCallOptions, Transport } from '../transport.js';

/** Staff: the council's settings (editors read them; only admins change them). */
export async function getCouncilSettings(t: Transport, options: StaffCallOptions = {}): Promise<CouncilSettings> {
  return (await t.call<CouncilSettings>('getCouncilSettings', getCouncilSettingsEndpoint, { ...options })).data;
}

/** Admin: change the settings given; anything absent stays as it is. */
export async function updateCouncilSettings(t: Transport, body: CouncilSettingsPatch, options: StaffCallOptions = {}): Promise<CouncilSettings> {
  return (await t.call<CouncilSettings>('updateCouncilSettings', updateCouncilSettingsEndpoint, { ...options, body })).data;
}

/** Admin: create the service with this ID, or change its name and category. */
export async function saveService(t: Transport, id: string, body: ServiceSave, options: StaffCallOptions = {}): Promise<Service> {
  return (await t.call<Service>('saveService', saveServiceEndpoint, { ...options, params: { service: id }, body })).data;
}
