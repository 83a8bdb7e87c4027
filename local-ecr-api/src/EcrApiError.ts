/**
 * An error the way ECR reports it: `{"__type": "...Exception", "message": ...}` with a status.
 *
 * @public
 */
export class EcrApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error shape (e.g. `kmsError`), sent beside `message`. */
    readonly fields: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = type;
  }
}

export function invalidParameter(message: string): EcrApiError {
  return new EcrApiError('InvalidParameterException', message);
}

/** ECR's wording for a semantic check on one parameter. */
export function invalidParameterAt(
  parameter: string,
  constraint: string,
): EcrApiError {
  return invalidParameter(
    `Invalid parameter at '${parameter}' failed to satisfy constraint: '${constraint}'`,
  );
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
