import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  compliantRepository,
  digestOf,
  fresh,
  images,
  latestImage,
} from '../../__fixtures__/ecrData';
import {
  backendError,
  captureClipboard,
  ecrApiStub,
  renderWithEntity,
} from '../../__testUtils__';
import { ImagesTable } from './ImagesTable';

const entityRef = { kind: 'Component', namespace: 'default', name: 'payments' };
const findingsLink = (digest: string) => `?image=${digest}`;

function renderTable(api = ecrApiStub()) {
  return renderWithEntity(
    <ImagesTable
      entityRef={entityRef}
      repository={compliantRepository}
      findingsLink={findingsLink}
    />,
    { api },
  );
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
    expect(headers).toEqual([
      'Tags',
      'Digest',
      'Pushed',
      'Last pulled',
      'Size',
      'Kind',
      'Scan',
      'Vulnerabilities',
      'Actions',
    ]);
    // Referrers and platforms are not rows of their own.
    expect(within(table).getAllByRole('row')).toHaveLength(1 + images.length);
    expect(screen.getByText('Images (4)')).toBeInTheDocument();
  });

  it('shows an image with chips for its tags, size, times, scan and coloured counts', async () => {
    await renderTable();
    const row = within(await rowOf('v1.4.2'));
    expect(row.getByText('latest')).toBeInTheDocument();
    // Five tags: three chips, the rest behind one overflow chip.
    expect(row.queryByText('release-2025-05')).not.toBeInTheDocument();
    expect(
      row.getByLabelText('2 more tags: release-2025-05, candidate'),
    ).toBeInTheDocument();
    expect(row.getByText('aaaaaaaaaaaa')).toHaveAttribute(
      'title',
      latestImage.digest,
    );
    expect(row.getByText('83.6 MiB')).toBeInTheDocument();
    const times = row.getAllByRole('time');
    expect(times[0]).toHaveAttribute('title', '2025-05-30 10:00 UTC');
    expect(times[1]).toHaveAttribute('dateTime', '2025-05-31T08:00:00.000Z');
    expect(row.getByText('Scanned')).toBeInTheDocument();
    const counts = row.getByRole('list', {
      name: 'Vulnerabilities of v1.4.2: Critical 1, High 3, Medium 5, Low 2, Other 4',
    });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(['C 1', 'H 3', 'M 5', 'L 2', 'O 4']);
  });

  it('shows signatures and SBOMs with the image they refer to', async () => {
    await renderTable();
    const row = within(await rowOf('v1.4.2'));
    const referrers = row.getByRole('list', {
      name: 'Artifacts referring to v1.4.2',
    });
    expect(
      within(referrers)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(['Signature', 'SBOM']);
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
    expect(row.getByText('Scanning')).toBeInTheDocument();
  });

  it('marks archived images and says plainly when a scan failed or is unsupported', async () => {
    await renderTable();
    const archived = within(await rowOf('Archived'));
    expect(archived.getByText('untagged')).toBeInTheDocument();
    expect(archived.getByText('Failed')).toBeInTheDocument();
    const chart = within(await rowOf('chart-0.3.0'));
    expect(chart.getByText('Helm chart')).toBeInTheDocument();
    expect(chart.getByText('Unsupported')).toBeInTheDocument();
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
      entityRef,
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
        entityRef,
        compliantRepository.arn,
        expect.objectContaining({ page: 2, pageSize: 10 }),
      ),
    );
    expect(await screen.findByText('11–20 of 30')).toBeInTheDocument();

    await choose(user, 'Rows per page:', '50');
    await waitFor(() =>
      expect(api.getImages).toHaveBeenLastCalledWith(
        entityRef,
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
        entityRef,
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

  it('shows the push commands for an empty repository', async () => {
    const user = userEvent.setup();
    const clipboard = captureClipboard();
    const api = ecrApiStub();
    api.getImages.mockResolvedValue({
      repository: {
        arn: compliantRepository.arn,
        uri: compliantRepository.uri,
      },
      images: [],
      page: 1,
      pageSize: 25,
      totalCount: 0,
      freshness: fresh,
    });
    try {
      await renderTable(api);
      expect(
        await screen.findByText('No images in payments/api yet'),
      ).toBeInTheDocument();
      await user.click(
        screen.getByRole('button', { name: 'Copy push commands' }),
      );
      expect(clipboard.copied[0]).toContain(
        'aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com',
      );
      expect(clipboard.copied[0]).toContain(
        `docker push ${compliantRepository.uri}:latest`,
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
        /Data from 2025-06-01 11:00 UTC, AWS unavailable: ThrottlingException: Rate exceeded/,
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
