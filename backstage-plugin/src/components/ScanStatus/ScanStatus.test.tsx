import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ScanStatus } from './ScanStatus';

describe('ScanStatus', () => {
  it('says a scan could not be read, and why', async () => {
    await renderInTestApp(
      <ScanStatus
        scan={{
          state: 'UNAVAILABLE',
          unavailableReason:
            'Access denied in account 111122223333 (eu-west-1) while trying to read scan results',
        }}
      />,
    );
    const status = screen.getByText('Scan unavailable');
    expect(status.closest('[title]')).toHaveAttribute(
      'title',
      'Access denied in account 111122223333 (eu-west-1) while trying to read scan results',
    );
  });
});
