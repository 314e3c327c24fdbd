import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import type { InstallationRecords, Logger } from '../../src/index.js';
import { SlackAdapterError } from './slack-error.js';

/** The key of an installation: an org-wide install by its enterprise, else by its workspace. */
export function installationKey(query: { isEnterpriseInstall?: boolean | undefined; enterpriseId?: string | undefined; teamId?: string | undefined }): string {
  if (query.isEnterpriseInstall === true && query.enterpriseId) return `slack:enterprise:${query.enterpriseId}`;
  if (query.teamId) return `slack:team:${query.teamId}`;
  throw new SlackAdapterError('slack_auth_failed', 'an installation needs a team id, or an enterprise id for an org-wide install');
}

/** What a stored installation must hold to answer a team: a bot token. The rest is kept as Bolt wrote it. */
const StoredInstallationSchema = z.looseObject({
  bot: z.looseObject({ token: z.string().startsWith('xoxb-'), userId: z.string(), id: z.string().optional() }),
});

/**
 * Bolt's `installationStore` over the shared installation records (PostgreSQL's
 * `slack_installations`, or a SQLite file without it): a workspace installed through one replica
 * is served by every replica on the same store. Tokens are never logged.
 */
export function createInstallationStore(records: InstallationRecords, logger: Logger): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = installationKey({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      await records.put(key, installation);
      logger.info({ event: 'slack_installed', platform: 'slack', team: installation.team?.id, enterprise: installation.enterprise?.id }, `installed in ${key}`);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const record = await records.get(key);
      if (record === null) throw new SlackAdapterError('slack_auth_failed', `Briefbot is not installed in ${key}: install it through /slack/install`);
      const parsed = StoredInstallationSchema.safeParse(record);
      if (!parsed.success) {
        logger.error({ event: 'slack_installation_unreadable', platform: 'slack', key }, 'a stored installation has no usable bot token; install again through /slack/install');
        throw new SlackAdapterError('slack_auth_failed', `the installation of ${key} is unreadable`);
      }
      return parsed.data as unknown as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await records.delete(installationKey(query));
    },
  };
}
