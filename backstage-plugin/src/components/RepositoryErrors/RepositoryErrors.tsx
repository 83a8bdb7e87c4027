import { WarningPanel } from '@backstage/core-components';
import type { EcrRepositoriesResponse } from '@ecr-kit/backstage-plugin-ecr-common';

/** Repositories the entity names that the backend could not read, each with why. */
export function RepositoryErrors(props: {
  errors: EcrRepositoriesResponse['errors'];
}) {
  const { errors } = props;
  if (errors.length === 0) return null;
  return (
    <WarningPanel
      severity="error"
      defaultExpanded
      title={
        errors.length === 1
          ? '1 repository could not be read'
          : `${errors.length} repositories could not be read`
      }
    >
      <ul>
        {errors.map(error => (
          <li key={error.arn}>
            <code>{error.arn}</code>: {error.message}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
