import type { EcrScanSummary } from '@ecr-kit/backstage-plugin-ecr-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  annotatedEntityRef,
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

function renderFindings(
  api = ecrApiStub(),
  config?: Parameters<typeof renderWithEntity>[1]['config'],
) {
  return renderWithEntity(
    <FindingsView
      entityRef={annotatedEntityRef}
      repository={compliantRepository}
      digest={latestImage.digest}
      backLink={`?repository=${compliantRepository.arn}`}
    />,
    { api, config },
  );
}

const consoleUrl = latestImage.consoleUrl!;

/** The latest image's findings, with the link to them in the AWS console. */
function withConsoleLink() {
  const api = ecrApiStub();
  api.getFindings.mockImplementation(async (_entity, request) => ({
    digest: request.digest,
    consoleUrl,
    scan: latestImage.scan!,
    findings,
    freshness: fresh,
  }));
  return api;
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
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Vulnerability',
      'Severity',
      'Package',
      'Installed',
      'Fixed in',
      'CVSS',
      'Exploit available',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getByRole('button').getAttribute('aria-label')),
    ).toEqual([
      'Details of CVE-2024-0001',
      'Details of CVE-2024-0003',
      'Details of CVE-2024-0002',
    ]);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .slice(1)
        .map(c => c.textContent),
    ).toEqual(['CRITICAL', 'openssl', '3.0.1', '3.0.8', '9.8', 'Yes']);
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
    expect(api.getFindings).toHaveBeenLastCalledWith(annotatedEntityRef, {
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
      expect(api.getFindings).toHaveBeenLastCalledWith(annotatedEntityRef, {
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
        .slice(1)
        .map(c => c.textContent),
    ).toEqual(['HIGH', 'curl', '7.0', 'no fix', '—', '—']);
  });

  it('expands a finding to its description, CVSS vector, remediation, observed times, packages and references', async () => {
    const user = userEvent.setup();
    await renderFindings();
    const toggle = await screen.findByRole('button', {
      name: 'Details of CVE-2024-0001',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('group', { name: 'Details of CVE-2024-0001' }),
    ).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = screen.getByRole('group', {
      name: 'Details of CVE-2024-0001',
    });
    expect(toggle).toHaveAttribute('aria-controls', details.closest('td')!.id);
    const fields = Object.fromEntries(
      within(details)
        .getAllByRole('term')
        .map(term => [
          term.textContent,
          (term.nextElementSibling as HTMLElement).textContent,
        ]),
    );
    expect(fields).toEqual({
      Title: 'CVE-2024-0001 - openssl',
      Description: 'A buffer overread in X.509 certificate verification.',
      CVSS: '9.8 (CVSS 3.1, scored by NVD) CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      Remediation: 'Upgrade openssl to 3.0.8.',
      'First observed': expect.stringMatching(/^2025-05-30 10:05 UTC \(.+\)$/),
      'Last observed': expect.stringMatching(/^2025-06-01 08:00 UTC \(.+\)$/),
      Package: 'openssl 3.0.1, fixed in 3.0.8 (OS, X86_64)',
      References: expect.stringContaining(
        'https://www.openssl.org/news/secadv/20250101.txt',
      ),
    });
    expect(
      within(details).getByRole('link', {
        name: /^https:\/\/www.openssl.org\/news\/secadv\/20250101.txt/,
      }),
    ).toHaveAttribute(
      'href',
      'https://www.openssl.org/news/secadv/20250101.txt',
    );
    // Collapsing hides them again.
    await user.click(toggle);
    expect(
      screen.queryByRole('group', { name: 'Details of CVE-2024-0001' }),
    ).not.toBeInTheDocument();
  });

  it('expands and collapses a finding from the keyboard', async () => {
    const user = userEvent.setup();
    await renderFindings();
    const toggle = await screen.findByRole('button', {
      name: 'Details of CVE-2024-0003',
    });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // A finding with nothing more than its columns says so.
    expect(
      screen.getByText(
        'The scanner reports no further detail for this finding.',
      ),
    ).toBeInTheDocument();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('pages long lists of findings, 50 at a time', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 120 }, (_, i) => ({
      id: `CVE-2024-${String(1000 + i)}`,
      severity: 'LOW' as const,
      fixAvailable: false,
    }));
    await renderFindings(
      withScan({ state: 'COMPLETE', counts: { LOW: 120 } }, many),
    );
    expect(await screen.findByText('Findings (120)')).toBeInTheDocument();
    expect(screen.getByText('1–50 of 120')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Details of/ })).toHaveLength(
      50,
    );
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(screen.getByText('51–100 of 120')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Details of CVE-2024-1050' }),
    ).toBeInTheDocument();
  });

  it('links to the image’s findings in the AWS console', async () => {
    const api = withConsoleLink();
    await renderFindings(api);
    const link = await screen.findByRole('link', {
      name: /^Findings in the AWS console/,
    });
    expect(link).toHaveAttribute('href', consoleUrl);
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('goes through the IAM Identity Center portal with aws.sso.subdomain', async () => {
    const api = withConsoleLink();
    await renderFindings(api, { aws: { sso: { subdomain: 'acme' } } });
    expect(
      await screen.findByRole('link', { name: /^Findings in the AWS console/ }),
    ).toHaveAttribute(
      'href',
      `https://acme.awsapps.com/start/#/console?account_id=111122223333&destination=${encodeURIComponent(consoleUrl)}`,
    );
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
    [
      {
        state: 'UNAVAILABLE',
        unavailableReason:
          'Amazon ECR did not answer in time in account 111122223333 (eu-west-1) while trying to read scan results',
      } as const,
      /could not be read: Amazon ECR did not answer in time in account 111122223333/,
    ],
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
