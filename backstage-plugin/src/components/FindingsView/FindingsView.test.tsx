import type { EcrScanSummary } from '@ecr-kit/backstage-plugin-ecr-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  compliantRepository,
  findings,
  fresh,
  latestImage,
} from '../../__fixtures__/ecrData';
import {
  backendError,
  ecrApiStub,
  renderWithEntity,
} from '../../__testUtils__';
import { FindingsView } from './FindingsView';
import { sortFindings } from './sortFindings';

const entityRef = { kind: 'Component', namespace: 'default', name: 'payments' };

function renderFindings(api = ecrApiStub()) {
  return renderWithEntity(
    <FindingsView
      entityRef={entityRef}
      repository={compliantRepository}
      digest={latestImage.digest}
      backLink={`?repository=${compliantRepository.arn}`}
    />,
    { api },
  );
}

function withScan(scan: EcrScanSummary, list = findings) {
  return ecrApiStub({
    getFindings: jest.fn(async () => ({
      digest: latestImage.digest,
      scan,
      findings: list,
      freshness: fresh,
    })),
  });
}

describe('FindingsView', () => {
  it('summarizes the counts and lists findings most severe first, linked to their reference', async () => {
    await renderFindings();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const ids = rows.map(r => within(r).getAllByRole('cell')[0].firstChild);
    expect(ids.map(id => id?.firstChild?.textContent)).toEqual([
      'CVE-2024-0001',
      'CVE-2024-0003',
      'CVE-2024-0002',
    ]);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      'CVE-2024-0001, Opens in a new window',
      'CRITICAL',
      'openssl',
      '3.0.1',
      '3.0.8',
      '9.8',
      'Yes',
    ]);
    expect(within(rows[2]).getAllByRole('cell')[4]).toHaveTextContent('no fix');
    expect(
      screen.getByRole('link', { name: /^CVE-2024-0001/ }),
    ).toHaveAttribute('href', 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001');
    const summary = screen.getByRole('list', { name: 'Findings by severity' });
    expect(within(summary).getByText('Critical 1')).toBeInTheDocument();
    expect(screen.getByText('Scanned')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '← Back to images' }),
    ).toHaveAttribute('href', `/?repository=${compliantRepository.arn}`);
  });

  it('asks the backend for the minimum severity and fixable-only filters', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    await renderFindings(api);
    await screen.findByRole('table');
    expect(api.getFindings).toHaveBeenLastCalledWith(entityRef, {
      repositoryArn: compliantRepository.arn,
      digest: latestImage.digest,
      minSeverity: undefined,
      fixableOnly: false,
    });

    await user.click(
      screen.getByRole('combobox', { name: 'Minimum severity' }),
    );
    await user.click(await screen.findByRole('option', { name: 'HIGH' }));
    await user.click(screen.getByRole('checkbox', { name: 'Fixable only' }));

    await waitFor(() =>
      expect(api.getFindings).toHaveBeenLastCalledWith(entityRef, {
        repositoryArn: compliantRepository.arn,
        digest: latestImage.digest,
        minSeverity: 'HIGH',
        fixableOnly: true,
      }),
    );
  });

  it('says when no finding matches the filters', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    api.getFindings.mockImplementation(async (_entity, request) => ({
      digest: request.digest,
      scan: latestImage.scan!,
      findings: request.fixableOnly ? [] : findings,
      freshness: fresh,
    }));
    await renderFindings(api);
    await screen.findByRole('table');
    await user.click(screen.getByRole('checkbox', { name: 'Fixable only' }));
    expect(
      await screen.findByText('No findings match these filters.'),
    ).toBeInTheDocument();
  });

  it('shows basic-scanning findings, which have no CVSS or exploit data', async () => {
    await renderFindings(
      withScan({ state: 'COMPLETE', counts: { HIGH: 1 } }, [
        {
          id: 'CVE-2023-1111',
          severity: 'HIGH',
          packageName: 'curl',
          installedVersion: '7.0',
          fixAvailable: false,
        },
      ]),
    );
    const row = (await screen.findByText('CVE-2023-1111')).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['CVE-2023-1111', 'HIGH', 'curl', '7.0', 'no fix', '—', '—']);
  });

  it.each([
    [{ state: 'IN_PROGRESS' } as const, /still in progress/],
    [{ state: 'PENDING' } as const, /still in progress/],
    [
      {
        state: 'FAILED',
        description: 'UnsupportedImageError: bad layer',
      } as const,
      /scan of this image failed. UnsupportedImageError: bad layer/,
    ],
    [
      {
        state: 'UNSUPPORTED',
        description: 'Helm charts are not scanned',
      } as const,
      /cannot be scanned. Helm charts are not scanned/,
    ],
    [{ state: 'NOT_SCANNED' } as const, /has not been scanned/],
  ])('explains a %p scan instead of spinning', async (scan, message) => {
    await renderFindings(withScan(scan, []));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('checks again on request while a scan is in progress', async () => {
    const user = userEvent.setup();
    const api = withScan({ state: 'IN_PROGRESS' }, []);
    await renderFindings(api);
    await user.click(
      await screen.findByRole('button', { name: 'Check again' }),
    );
    await waitFor(() => expect(api.getFindings).toHaveBeenCalledTimes(2));
  });

  it('shows the backend error message', async () => {
    const api = ecrApiStub();
    api.getFindings.mockRejectedValue(
      await backendError(
        404,
        'NotFoundError',
        'Image sha256:aaaa not found in payments/api',
      ),
    );
    await renderFindings(api);
    expect(
      (
        await screen.findAllByText(
          /Image sha256:aaaa not found in payments\/api/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});

describe('sortFindings', () => {
  it('orders by severity, then CVSS, then id', () => {
    const sorted = sortFindings([
      { id: 'b', severity: 'LOW', fixAvailable: false },
      { id: 'c', severity: 'HIGH', fixAvailable: false, cvssScore: 7 },
      { id: 'a', severity: 'UNDEFINED', fixAvailable: false },
      { id: 'd', severity: 'HIGH', fixAvailable: false, cvssScore: 8.1 },
      { id: 'e', severity: 'HIGH', fixAvailable: false },
    ]);
    expect(sorted.map(f => f.id)).toEqual(['d', 'c', 'e', 'b', 'a']);
  });
});
