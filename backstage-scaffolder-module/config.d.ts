export interface Config {
  /**
   * Amazon ECR settings shared with the ecr-kit ECR backend plugin. AWS credentials come
   * from `aws.*` (`@backstage/integration-aws-node`).
   */
  ecr?: {
    /**
     * Endpoint override for the ECR client of the `ecr:repository:create` action, e.g. a
     * local ECR API (`http://127.0.0.1:4566`) or LocalStack. Unset: the AWS endpoints.
     */
    endpoint?: string;
    /** SDK attempts per AWS call (standard retry mode, handles throttling). Default 5. */
    maxAttempts?: number;
  };
}
