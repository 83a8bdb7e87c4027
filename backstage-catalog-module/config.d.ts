import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** ecr-kit Amazon ECR settings (credentials in `aws.*`, client settings shared with the ECR backend plugin). */
  ecr?: {
    /**
     * The catalog's ECR entity provider: every repository of these accounts and Regions as a
     * `Resource` entity of type `ecr-repository`. Unset: the module adds no entities.
     */
    entityProvider?: {
      /** Accounts and Regions to discover; each account needs credentials in `aws.accounts`. */
      targets: Array<{
        /** 12-digit AWS account id. */
        accountId: string;
        /** Regions of that account, e.g. `[eu-west-1, us-east-1]`. */
        regions: string[];
      }>;
      /** How often discovery runs. Default: every 30 minutes, timeout 10 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Repository tag keys read for each entity. */
      tagKeys?: {
        /**
         * Tag naming the owning catalog entity (`component:default/payments`): becomes
         * `spec.dependencyOf`. Default `backstage.io/entity-ref`, the tag the Pulumi component
         * and the scaffolder action write.
         */
        entityRef?: string;
        /** Tag naming the owning group or user: becomes `spec.owner`. Default `owner`. */
        owner?: string;
        /** Tag naming the system: becomes `spec.system`. Default `system`. */
        system?: string;
      };
      /** `spec.owner` of repositories without an owner tag. Default `unowned`. */
      defaultOwner?: string;
      /** Namespace of the emitted entities. Default `default`. */
      namespace?: string;
    };
  };
}
