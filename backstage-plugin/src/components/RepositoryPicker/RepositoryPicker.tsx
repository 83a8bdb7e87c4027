import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** Chooses one of the entity's repositories; each option names its account and region. */
export function RepositoryPicker(props: {
  repositories: EcrRepositorySummary[];
  selectedArn: string;
  onChange: (arn: string) => void;
}) {
  const { repositories, selectedArn, onChange } = props;
  return (
    <TextField
      select
      label="Repository"
      size="small"
      value={selectedArn}
      onChange={event => onChange(event.target.value)}
      sx={{ minWidth: 360 }}
    >
      {repositories.map(repository => (
        <MenuItem key={repository.arn} value={repository.arn}>
          {repository.name} — account {repository.accountId},{' '}
          {repository.region}
        </MenuItem>
      ))}
    </TextField>
  );
}
