import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { AwsClients } from '@ecr-kit/backstage-plugin-ecr-node';
import { discoverRepositories } from './discoverRepositories';
import { repositoryEntity } from './repositoryEntity';
import type { EcrEntityProviderSettings } from './settings';

/**
 * The provider's name: stable, since the catalog ties the emitted entities to it.
 *
 * @public
 */
export const ECR_ENTITY_PROVIDER_NAME = 'ecr-kit-ecr-repositories';

/**
 * What one discovery run did.
 *
 * @public
 */
export interface EcrDiscoveryResult {
  /** Entities emitted; `undefined` when the run failed and the catalog was left as it was. */
  readonly entities?: number;
  /** Account/Region pairs that failed, with why. */
  readonly errors: { target: string; message: string }[];
  /** AWS requests sent (retries included). */
  readonly calls: number;
  readonly durationMs: number;
}

/**
 * Emits every ECR repository of the configured accounts and Regions as a catalog
 * `Resource`, as a full mutation: a deleted repository's entity goes away at the next run.
 * A run in which any account or Region fails changes nothing — a full mutation without
 * that account's repositories would delete their entities.
 *
 * @public
 */
export class EcrEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  static create(options: {
    clients: AwsClients;
    settings: EcrEntityProviderSettings;
    logger: LoggerService;
    taskRunner?: SchedulerServiceTaskRunner;
  }): EcrEntityProvider {
    return new EcrEntityProvider(
      options.clients,
      options.settings,
      options.logger,
      options.taskRunner,
    );
  }

  private constructor(
    private readonly clients: AwsClients,
    private readonly settings: EcrEntityProviderSettings,
    private readonly logger: LoggerService,
    private readonly taskRunner?: SchedulerServiceTaskRunner,
  ) {}

  getProviderName(): string {
    return ECR_ENTITY_PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner?.run({
      id: `${ECR_ENTITY_PROVIDER_NAME}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** Discovers every target and applies the result (also what the schedule runs). */
  async refresh(): Promise<EcrDiscoveryResult> {
    const connection = this.connection;
    if (!connection) {
      throw new Error(`${ECR_ENTITY_PROVIDER_NAME} is not connected yet`);
    }
    const started = Date.now();
    const callsBefore = this.clients.requestsSent();
    const pairs = this.settings.targets.flatMap(({ accountId, regions }) =>
      regions.map(region => ({ accountId, region })),
    );
    const results = await Promise.allSettled(
      pairs.map(target => discoverRepositories(this.clients, target)),
    );
    const errors = results.flatMap((result, i) =>
      result.status === 'rejected'
        ? [
            {
              target: `${pairs[i].accountId}/${pairs[i].region}`,
              message: (result.reason as Error).message,
            },
          ]
        : [],
    );
    const finish = (entities?: number): EcrDiscoveryResult => ({
      entities,
      errors,
      calls: this.clients.requestsSent() - callsBefore,
      durationMs: Date.now() - started,
    });
    if (errors.length > 0) {
      for (const error of errors) {
        this.logger.error(
          `ECR discovery of ${error.target} failed, catalog left unchanged: ${error.message}`,
        );
      }
      return finish(undefined);
    }
    const entities = results.flatMap(result =>
      result.status === 'fulfilled'
        ? result.value.map(discovered => {
            const { entity, invalidTags } = repositoryEntity(
              discovered,
              this.settings,
              ECR_ENTITY_PROVIDER_NAME,
            );
            if (invalidTags.length > 0) {
              this.logger.warn(
                `Repository ${discovered.repository.repositoryArn}: tags ${invalidTags.join(', ')} hold no entity reference; ignored`,
              );
            }
            return entity;
          })
        : [],
    );
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: ECR_ENTITY_PROVIDER_NAME,
      })),
    });
    const result = finish(entities.length);
    this.logger.info(
      `ECR discovery emitted ${entities.length} repositories from ${pairs.length} account/Region pairs in ${result.durationMs} ms (${result.calls} AWS calls)`,
    );
    return result;
  }
}
