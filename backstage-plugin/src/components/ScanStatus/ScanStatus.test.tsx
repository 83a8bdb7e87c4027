import type { EcrScanSummary } from '@ecr-kit/backstage-plugin-ecr-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { multiArchIndex } from '../../__fixtures__/ecrData';
import { platformScans, worstOf } from './platformScans';
import { ScanStatus } from './ScanStatus';

const unavailable: EcrScanSummary = {
  state: 'UNAVAILABLE',
  unavailableReason:
    'Access denied in account 111122223333 (eu-west-1) while trying to read scan results',
};

describe('ScanStatus', () => {
  it('says a scan could not be read, and why, on hover', async () => {
    await renderInTestApp(<ScanStatus scan={unavailable} />);
    const status = screen.getByText('Scan unavailable');
    expect(status.closest('[title]')).toHaveAttribute(
      'title',
      unavailable.unavailableReason,
    );
  });

  it('shows why as text with showReason', async () => {
    await renderInTestApp(<ScanStatus scan={unavailable} showReason />);
    expect(screen.getByText(unavailable.unavailableReason!)).toBeVisible();
  });

  it.each([
    [{ state: 'COMPLETE' }, undefined, 'Scanned'],
    [{ state: 'IN_PROGRESS' }, undefined, 'Scanning'],
    [{ state: 'PENDING' }, undefined, 'Scan pending'],
    [{ state: 'FAILED' }, undefined, 'Scan failed'],
    [{ state: 'UNSUPPORTED' }, undefined, 'Not scannable'],
    [{ state: 'NOT_SCANNED' }, undefined, 'Not scanned'],
    [
      { state: 'NOT_SCANNED' },
      'Platforms not scanned',
      'Platforms not scanned',
    ],
    [{ state: 'UNKNOWN' }, undefined, 'Scan status unknown'],
    [undefined, undefined, 'Scan status unknown'],
  ] as const)('%p (label: %p) is "%s"', async (scan, label, text) => {
    await renderInTestApp(
      <ScanStatus scan={scan as EcrScanSummary} label={label} />,
    );
    expect(screen.getByText(text)).toBeInTheDocument();
  });
});

describe('platformScans', () => {
  const [amd64, arm64] = multiArchIndex.children;
  const withScans = (...scans: (EcrScanSummary | undefined)[]) => ({
    ...multiArchIndex,
    children: [
      { ...amd64, scan: scans[0] },
      { ...arm64, scan: scans[1] },
    ],
  });

  it.each([
    [
      'both scanned: the highest count per severity',
      withScans(
        { state: 'COMPLETE', counts: { HIGH: 2, LOW: 1 } },
        { state: 'COMPLETE', counts: { HIGH: 1, CRITICAL: 1 } },
      ),
      {
        total: 2,
        scanned: 2,
        worst: { HIGH: 2, LOW: 1, CRITICAL: 1 },
        noneScanned: false,
      },
      'Worst of 2 platforms',
    ],
    [
      'one scanned: its counts, and how many that is',
      withScans(
        { state: 'COMPLETE', counts: { MEDIUM: 3 } },
        { state: 'NOT_SCANNED' },
      ),
      { total: 2, scanned: 1, worst: { MEDIUM: 3 }, noneScanned: false },
      'Worst of 1 of 2 platforms',
    ],
    [
      'none scanned',
      withScans({ state: 'NOT_SCANNED' }, { state: 'NOT_SCANNED' }),
      { total: 2, scanned: 0, worst: undefined, noneScanned: true },
      'Worst of 0 of 2 platforms',
    ],
  ])('%s', (_case, image, expected, words) => {
    const scans = platformScans(image)!;
    expect(scans).toEqual(expected);
    expect(worstOf(scans)).toBe(words);
  });

  it('is nothing for an image that is not an index', () => {
    expect(
      platformScans({ ...multiArchIndex, kind: 'image', children: [] }),
    ).toBeUndefined();
  });
});
