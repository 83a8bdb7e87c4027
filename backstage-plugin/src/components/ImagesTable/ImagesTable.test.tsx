import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  EcrImage,
  EcrRepositorySummary,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  annotatedEntityRef,
  compliantRepository,
  digestOf,
  fresh,
  images,
  latestImage,
  laxRepository,
  multiArchIndex,
} from '../../__fixtures__/ecrData';
import {
  backendError,
  captureClipboard,
  ecrApiStub,
  listItemTexts,
  renderWithEntity,
} from '../../__testUtils__';
import { ImagesTable } from './ImagesTable';

const findingsLink = (digest: string) => `?image=${digest}`;

function renderTable(
  api = ecrApiStub(),
  options: {
    repository?: EcrRepositorySummary;
    config?: Parameters<typeof renderWithEntity>[1]['config'];
  } = {},
) {
  return renderWithEntity(
    <ImagesTable
      entityRef={annotatedEntityRef}
      repository={options.repository ?? compliantRepository}
      findingsLink={findingsLink}
    />,
    { api, config: options.config },
  );
}

/** The stub answering with these images (one page). */
function showing(list: EcrImage[]) {
  const api = ecrApiStub();
  api.getImages.mockImplementation(async (_e, arn) => ({
    repository: { arn, uri: compliantRepository.uri },
    images: list,
    page: 1,
    pageSize: 10,
    totalCount: list.length,
    freshness: fresh,
  }));
  return api;
}

function emptyRepository() {
  const api = ecrApiStub();
  api.getImages.mockImplementation(async (_e, arn) => ({
    repository: { arn, uri: compliantRepository.uri },
    images: [],
    page: 1,
    pageSize: 10,
    totalCount: 0,
    freshness: fresh,
  }));
  return api;
}

async function rowOf(text: string) {
  const cell = await screen.findByText(text);
  return cell.closest('tr')!;
}

async function choose(
  user: ReturnType<typeof userEvent.setup>,
  field: string,
  option: string,
) {
  await user.click(screen.getByRole('combobox', { name: field }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('ImagesTable', () => {
  it('is a real table with a header per column and one row per top-level image', async () => {
    await renderTable();
    const table = await screen.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    // Few columns, each holding what belongs together, so that the table fits at 1024 px.
    expect(headers).toEqual([
      'Image',
      'Pushed',
      'Size',
      'Vulnerabilities',
      'Actions',
    ]);
    // Referrers and platforms are not rows of their own.
    expect(within(table).getAllByRole('row')).toHaveLength(1 + images.length);
    expect(screen.getByText('Images (4)')).toBeInTheDocument();
  });

  it('gives material-table an id per row (it warns in an adopter app, in development)', async () => {
    const environment = process.env.NODE_ENV;
    // material-table checks the ids only in development.
    process.env.NODE_ENV = 'development';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await renderTable();
      expect(await screen.findAllByRole('row')).toHaveLength(1 + images.length);
      expect(warn).not.toHaveBeenCalledWith(
        expect.stringContaining('requires all rows to have an unique id'),
      );
    } finally {
      warn.mockRestore();
      process.env.NODE_ENV = environment;
    }
  });

  it('shows an image with chips for its tags, size, times, scan and coloured counts', async () => {
    await renderTable();
    const row = within(await rowOf('v1.4.2'));
    expect(row.getByText('latest')).toBeInTheDocument();
    // Five tags: two chips, the rest behind one chip that says how many.
    expect(row.queryByText('main-9f8e7d6')).not.toBeInTheDocument();
    expect(
      row.getByLabelText(
        '3 more tags: main-9f8e7d6, release-2025-05, candidate',
      ),
    ).toBeInTheDocument();
    expect(row.getByText('aaaaaaaaaaaa')).toHaveAttribute(
      'title',
      latestImage.digest,
    );
    expect(row.getByText('83.6 MiB')).toBeInTheDocument();
    const times = row.getAllByRole('time');
    expect(times[0]).toHaveAttribute('title', '2025-05-30 10:00 UTC');
    expect(times[1]).toHaveAttribute('dateTime', '2025-05-31T08:00:00.000Z');
    expect(row.getByText(/^pulled/)).toBeInTheDocument();
    // The scan's age next to its counts.
    expect(times[2]).toHaveAttribute('dateTime', '2025-05-30T10:05:00.000Z');
    expect(row.getByText(/^scanned/)).toBeInTheDocument();
    const counts = row.getByRole('list', {
      name: 'Vulnerabilities of v1.4.2: Critical 1, High 3, Medium 5, Low 2, Other 4',
    });
    expect(listItemTexts(counts)).toEqual(['C 1', 'H 3', 'M 5', 'L 2', 'O 4']);
  });

  it('shows signatures and SBOMs with the image they refer to', async () => {
    await renderTable();
    const row = within(await rowOf('v1.4.2'));
    const referrers = row.getByRole('list', {
      name: 'Artifacts referring to v1.4.2',
    });
    expect(listItemTexts(referrers)).toEqual(['Signature', 'SBOM']);
  });

  it('expands a multi-architecture index to its platforms', async () => {
    const user = userEvent.setup();
    await renderTable();
    const row = within(await rowOf('v1.4.1'));
    expect(row.getByText('Multi-arch index')).toBeInTheDocument();
    const toggle = row.getByRole('button', { name: '2 platforms' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const platforms = row.getByRole('list', { name: 'Platforms of v1.4.1' });
    expect(within(platforms).getByText('linux/amd64')).toBeInTheDocument();
    expect(within(platforms).getByText('linux/arm64')).toBeInTheDocument();
    expect(
      within(platforms).getByRole('link', {
        name: 'View findings of linux/arm64',
      }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining(`image=${digestOf('d')}`),
    );
    // The index's state is its platforms'; findings are per platform.
    expect(row.getByText('Scanning')).toBeInTheDocument();
    expect(row.getByText('Findings per platform')).toBeInTheDocument();
    expect(
      row.queryByRole('link', { name: 'View findings of v1.4.1' }),
    ).not.toBeInTheDocument();
  });

  it('shows an index with the worst counts over its platforms, and each platform with its own', async () => {
    const user = userEvent.setup();
    const [amd64, arm64] = multiArchIndex.children;
    await renderTable(
      showing([
        {
          ...multiArchIndex,
          scan: {
            state: 'COMPLETE',
            completedAt: '2025-05-20T10:10:00.000Z',
            description: 'Highest counts over 2 platforms',
            counts: { HIGH: 2, LOW: 1 },
          },
          children: [
            {
              ...amd64,
              scan: { state: 'COMPLETE', counts: { HIGH: 2 } },
            },
            {
              ...arm64,
              scan: { state: 'COMPLETE', counts: { HIGH: 1, LOW: 1 } },
            },
          ],
        },
      ]),
    );
    const row = within(await rowOf('v1.4.1'));
    expect(
      row.getByRole('list', {
        name: 'Vulnerabilities of v1.4.1: Critical 0, High 2, Medium 0, Low 1, Other 0',
      }),
    ).toBeInTheDocument();
    expect(row.getByText(/^Worst of 2 platforms, scanned/)).toBeInTheDocument();
    await user.click(row.getByRole('button', { name: '2 platforms' }));
    expect(
      row.getByRole('list', {
        name: 'Vulnerabilities of linux/arm64: Critical 0, High 1, Medium 0, Low 1, Other 0',
      }),
    ).toBeInTheDocument();
  });

  it('says an index whose platforms were never scanned is not scanned, and why', async () => {
    await renderTable(
      showing([
        {
          ...multiArchIndex,
          scan: {
            state: 'NOT_SCANNED',
            description: '2 of 2 platforms: not scanned',
          },
          children: multiArchIndex.children.map(child => ({
            ...child,
            scan: { state: 'NOT_SCANNED' as const },
          })),
        },
      ]),
    );
    const row = within(await rowOf('v1.4.1'));
    expect(row.getByText('Platforms not scanned')).toBeInTheDocument();
    expect(row.getByText('2 of 2 platforms: not scanned')).toBeVisible();
    expect(
      row.queryByRole('list', { name: /^Vulnerabilities/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the worst counts of the platforms that were scanned, and says what the others are', async () => {
    const [amd64, arm64] = multiArchIndex.children;
    await renderTable(
      showing([
        {
          ...multiArchIndex,
          scan: {
            state: 'NOT_SCANNED',
            description: '1 of 2 platforms: not scanned',
          },
          children: [
            { ...amd64, scan: { state: 'COMPLETE', counts: { CRITICAL: 1 } } },
            { ...arm64, scan: { state: 'NOT_SCANNED' } },
          ],
        },
      ]),
    );
    const row = within(await rowOf('v1.4.1'));
    expect(
      row.getByRole('list', {
        name: 'Vulnerabilities of v1.4.1: Critical 1, High 0, Medium 0, Low 0, Other 0',
      }),
    ).toBeInTheDocument();
    expect(row.getByText('Worst of 1 of 2 platforms')).toBeVisible();
    // Not "Platforms not scanned": one of them was.
    expect(row.getByText('Not scanned')).toBeInTheDocument();
    expect(row.getByText('1 of 2 platforms: not scanned')).toBeVisible();
  });

  it('says in the row, with the backend’s reason, when a scan could not be read', async () => {
    const reason =
      'Access denied in account 111122223333 (eu-west-1) while trying to read scan results: allow ecr:DescribeImageScanFindings';
    await renderTable(
      showing([
        {
          ...latestImage,
          scan: { state: 'UNAVAILABLE', unavailableReason: reason },
        },
      ]),
    );
    const row = within(await rowOf('v1.4.2'));
    expect(row.getByText('Scan unavailable')).toBeInTheDocument();
    // Visible text, not only a tooltip.
    expect(row.getByText(reason)).toBeVisible();
    expect(
      row.queryByRole('list', { name: /Vulnerabilities/ }),
    ).not.toBeInTheDocument();
  });

  it('marks archived images and says plainly when a scan failed or is unsupported', async () => {
    await renderTable();
    const archived = within(await rowOf('Archived'));
    expect(archived.getByText('untagged')).toBeInTheDocument();
    expect(archived.getByText('Scan failed')).toBeInTheDocument();
    expect(
      archived.getByText('UnsupportedImageError: no layers'),
    ).toBeVisible();
    const chart = within(await rowOf('chart-0.3.0'));
    expect(chart.getByText('Helm chart')).toBeInTheDocument();
    expect(chart.getByText('Not scannable')).toBeInTheDocument();
    expect(chart.getByText('Helm charts are not scanned')).toBeVisible();
  });

  it('copies docker pull commands by tag and by digest, and the digest', async () => {
    const user = userEvent.setup();
    const clipboard = captureClipboard();
    try {
      await renderTable();
      const row = within(await rowOf('v1.4.2'));
      await user.click(
        row.getByRole('button', {
          name: 'Copy docker pull command for tag v1.4.2',
        }),
      );
      await user.click(
        row.getByRole('button', {
          name: 'Copy docker pull command by digest for v1.4.2',
        }),
      );
      await user.click(
        row.getByRole('button', { name: 'Copy digest of v1.4.2' }),
      );
      expect(clipboard.copied).toEqual([
        `docker pull ${compliantRepository.uri}:v1.4.2`,
        `docker pull ${compliantRepository.uri}@${latestImage.digest}`,
        latestImage.digest,
      ]);
    } finally {
      clipboard.restore();
    }
  });

  it('links each image to its findings', async () => {
    await renderTable();
    const row = within(await rowOf('v1.4.2'));
    expect(
      row.getByRole('link', { name: 'View findings of v1.4.2' }),
    ).toHaveAttribute('href', `/?image=${latestImage.digest}`);
  });

  it('links each image to its page in the AWS console, in a new window', async () => {
    await renderTable();
    const row = within(await rowOf('v1.4.2'));
    const link = row.getByRole('link', { name: /^Console page of v1.4.2/ });
    expect(link).toHaveAttribute('href', latestImage.consoleUrl);
    expect(link).toHaveAttribute('target', '_blank');
    // No console link where the backend gives none (a partition without a console).
    const chart = within(await rowOf('chart-0.3.0'));
    expect(
      chart.queryByRole('link', { name: /^Console page/ }),
    ).not.toBeInTheDocument();
  });

  it('goes to the console through the IAM Identity Center portal with aws.sso.subdomain', async () => {
    await renderTable(undefined, {
      config: { aws: { sso: { subdomain: 'acme', roleName: 'ReadOnly' } } },
    });
    const row = within(await rowOf('v1.4.2'));
    expect(
      row.getByRole('link', { name: /^Console page of v1.4.2/ }),
    ).toHaveAttribute(
      'href',
      `https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnly&destination=${encodeURIComponent(
        latestImage.consoleUrl!,
      )}`,
    );
  });

  it('asks the backend for the next page and for another page size', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    api.getImages.mockImplementation(async (_e, arn, query = {}) => ({
      repository: { arn, uri: compliantRepository.uri },
      images: query.page === 2 ? [latestImage] : images,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 25,
      totalCount: 30,
      freshness: fresh,
    }));
    await renderTable(api);
    await screen.findByText('Images (30)');
    expect(api.getImages).toHaveBeenLastCalledWith(
      annotatedEntityRef,
      compliantRepository.arn,
      {
        sort: 'pushedAt',
        order: 'desc',
        tagStatus: 'ANY',
        page: 1,
        pageSize: 10,
      },
    );

    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() =>
      expect(api.getImages).toHaveBeenLastCalledWith(
        annotatedEntityRef,
        compliantRepository.arn,
        expect.objectContaining({ page: 2, pageSize: 10 }),
      ),
    );
    expect(await screen.findByText('11–20 of 30')).toBeInTheDocument();

    await choose(user, 'Rows per page:', '50');
    await waitFor(() =>
      expect(api.getImages).toHaveBeenLastCalledWith(
        annotatedEntityRef,
        compliantRepository.arn,
        expect.objectContaining({ page: 1, pageSize: 50 }),
      ),
    );
  });

  it('sorts and filters on the server, starting again from page 1', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    await renderTable(api);
    await screen.findByRole('table');

    await choose(user, 'Sort by', 'Largest first');
    await choose(user, 'Tag status', 'Tagged');
    await choose(user, 'Minimum severity', 'HIGH');
    await choose(user, 'Artifact kind', 'Helm chart');
    await user.type(
      screen.getByRole('searchbox', { name: 'Search tags' }),
      'v1',
    );

    await waitFor(() =>
      expect(api.getImages).toHaveBeenLastCalledWith(
        annotatedEntityRef,
        compliantRepository.arn,
        {
          sort: 'size',
          order: 'desc',
          tagStatus: 'TAGGED',
          minSeverity: 'HIGH',
          kind: 'helm-chart',
          tag: 'v1',
          page: 1,
          pageSize: 10,
        },
      ),
    );
    // The search is debounced: one request for "v1", none for "v".
    expect(
      api.getImages.mock.calls.filter(([, , q]) => q?.tag === 'v'),
    ).toHaveLength(0);
  });

  it('says how many images could not be evaluated for the severity filter', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    api.getImages.mockImplementation(async (_e, arn, query = {}) => ({
      repository: { arn, uri: compliantRepository.uri },
      images: query.minSeverity ? [latestImage] : images,
      page: 1,
      pageSize: 25,
      totalCount: query.minSeverity ? 1 : images.length,
      freshness: fresh,
      ...(query.minSeverity
        ? { severityFilter: { evaluated: 3, unknown: 2 } }
        : {}),
    }));
    await renderTable(api);
    await screen.findByRole('table');
    expect(screen.queryByText(/not yet evaluated/)).not.toBeInTheDocument();
    await choose(user, 'Minimum severity', 'CRITICAL');
    expect(
      await screen.findByText(/2 images not yet evaluated/),
    ).toBeInTheDocument();
  });

  it('tells filtered-out from empty', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    api.getImages.mockImplementation(async (_e, arn, query = {}) => ({
      repository: { arn, uri: compliantRepository.uri },
      images: query.kind ? [] : images,
      page: 1,
      pageSize: 25,
      totalCount: query.kind ? 0 : images.length,
      freshness: fresh,
    }));
    await renderTable(api);
    await screen.findByRole('table');
    await choose(user, 'Artifact kind', 'SBOM');
    expect(
      await screen.findByText('No images match these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No images in/)).not.toBeInTheDocument();
  });

  it('tells how to push a first image with a commit-SHA tag when tags are immutable', async () => {
    const user = userEvent.setup();
    const clipboard = captureClipboard();
    try {
      await renderTable(emptyRepository());
      expect(
        await screen.findByText('No images in payments/api yet'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/Tags are immutable in this repository/),
      ).toBeInTheDocument();
      await user.click(
        screen.getByRole('button', { name: 'Copy push commands' }),
      );
      const commands = clipboard.copied[0].split('\n');
      expect(commands[0]).toBe(
        'aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com',
      );
      expect(commands).toContain(
        `docker push "${compliantRepository.uri}:$TAG"`,
      );
      // A second push of `latest` would fail on an immutable repository.
      expect(clipboard.copied[0]).not.toMatch(/latest/);
    } finally {
      clipboard.restore();
    }
  });

  it('tells how to push a first image as latest when tags are mutable', async () => {
    const user = userEvent.setup();
    const clipboard = captureClipboard();
    try {
      await renderTable(emptyRepository(), { repository: laxRepository });
      await screen.findByText('No images in payments/worker yet');
      expect(screen.queryByText(/immutable/)).not.toBeInTheDocument();
      await user.click(
        screen.getByRole('button', { name: 'Copy push commands' }),
      );
      expect(clipboard.copied[0]).toContain(
        `docker push ${laxRepository.uri}:latest`,
      );
    } finally {
      clipboard.restore();
    }
  });

  it('shows stale data with when it is from and why AWS was unavailable', async () => {
    const api = ecrApiStub();
    api.getImages.mockResolvedValue({
      repository: {
        arn: compliantRepository.arn,
        uri: compliantRepository.uri,
      },
      images,
      page: 1,
      pageSize: 25,
      totalCount: images.length,
      freshness: {
        fetchedAt: '2025-06-01T11:00:00.000Z',
        stale: true,
        staleReason: 'ThrottlingException: Rate exceeded',
      },
    });
    await renderTable(api);
    expect(
      await screen.findByText(
        /Data from 2025-06-01 11:00 UTC \(.+ ago\), AWS unavailable: ThrottlingException: Rate exceeded/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
  });

  it('shows the backend error message and keeps the filters to correct the request', async () => {
    const user = userEvent.setup();
    const api = ecrApiStub();
    const rejection = await backendError(
      400,
      'InputError',
      'Invalid tag: String must contain at most 128 character(s)',
    );
    const answer = api.getImages.getMockImplementation()!;
    api.getImages.mockImplementation(async (entity, arn, query) => {
      if (query?.tag) throw rejection;
      return answer(entity, arn, query);
    });
    await renderTable(api);
    await screen.findByRole('table');
    await user.type(
      screen.getByRole('searchbox', { name: 'Search tags' }),
      'x',
    );
    expect(
      (await screen.findAllByText(/String must contain at most 128/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('searchbox', { name: 'Search tags' })).toHaveValue(
      'x',
    );
  });

  it('shows the backend error when the first page cannot be loaded', async () => {
    const api = ecrApiStub();
    api.getImages.mockRejectedValue(
      await backendError(503, 'ServiceUnavailableError', 'ECR is throttling'),
    );
    await renderTable(api);
    expect(
      (await screen.findAllByText(/ECR is throttling/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
