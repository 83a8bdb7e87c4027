/** An error the way ECR reports it: `{"__type": "...Exception", "message": ...}` with a status. */
export class EcrApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export function invalidParameter(message: string): EcrApiError {
  return new EcrApiError('InvalidParameterException', message);
}

export function repositoryNotFound(
  name: string,
  registryId: string,
): EcrApiError {
  return new EcrApiError(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
  );
}
