import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  annotatedEntityRef,
  compliantRepository,
  latestImage,
  laxRepository,
  plainEntity,
} from '../../__fixtures__/ecrData';
import {
  backendError,
  captureClipboard,
  ecrApiStub,
  ecrApiWithRepositories,
  listItemTexts,
  renderWithEntity,
} from '../../__testUtils__';
import { EcrContent } from './EcrContent';

function twoRepositories() {
  return ecrApiWithRepositories([compliantRepository, laxRepository]);
}

describe('EcrContent', () => {
  it('explains both annotations with a catalog-info.yaml example when the entity has none', async () => {
    const api = ecrApiStub();
    await renderWithEntity(<EcrContent />, { api, entity: plainEntity });
    expect(
      screen.getByText('No ECR repositories linked to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('aws.amazon.com/amazon-ecr-arn').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('aws.amazon.com/amazon-ecr-tags').length,
    ).toBeGreaterThan(0);
    expect(await screen.findByText(/catalog-info.yaml$/)).toBeInTheDocument();
    expect(await screen.findByText(/service=payments-api/)).toBeInTheDocument();
    expect(api.getRepositories).not.toHaveBeenCalled();
  });

  it('shows progress while the repositories load', async () => {
    const api = ecrApiStub({
      getRepositories: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderWithEntity(<EcrContent />, { api });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(api.getRepositories).toHaveBeenCalledWith(annotatedEntityRef);
  });

  it('shows the repository with its URI, copy button and compliance badges', async () => {
    const user = userEvent.setup();
    const clipboard = captureClipboard();
    try {
      await renderWithEntity(<EcrContent />, { api: ecrApiStub() });
      expect(
        await screen.findByText(compliantRepository.uri),
      ).toBeInTheDocument();
      // The tab is a named region, a landmark to jump to.
      expect(
        screen.getByRole('region', { name: 'Amazon ECR images of payments' }),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Account 111122223333 · eu-west-1 · 3 images'),
      ).toBeInTheDocument();
      const badges = screen.getByRole('list', { name: 'Repository settings' });
      expect(listItemTexts(badges)).toEqual([
        'Immutable tags',
        'Enhanced scanning',
        'Encryption: KMS',
        'Lifecycle policy (1 rule)',
        'Repository policy',
      ]);
      await user.click(
        screen.getByRole('button', { name: 'Copy repository URI' }),
      );
      expect(clipboard.copied).toEqual([compliantRepository.uri]);
      const consoleLink = screen.getByRole('link', {
        name: /^Open in the AWS console/,
      });
      expect(consoleLink).toHaveAttribute(
        'href',
        compliantRepository.consoleUrl,
      );
      expect(consoleLink).toHaveAttribute('target', '_blank');
      // No picker for a single repository.
      expect(
        screen.queryByRole('combobox', { name: 'Repository' }),
      ).not.toBeInTheDocument();
    } finally {
      clipboard.restore();
    }
  });

  it('picks between several repositories, naming account and region, and loads the chosen one', async () => {
    const user = userEvent.setup();
    const api = twoRepositories();
    await renderWithEntity(<EcrContent />, { api });
    await screen.findByRole('table');
    expect(api.getImages).toHaveBeenLastCalledWith(
      annotatedEntityRef,
      compliantRepository.arn,
      expect.anything(),
    );

    await user.click(screen.getByRole('combobox', { name: 'Repository' }));
    expect(
      screen.getByRole('option', {
        name: 'payments/api — account 111122223333, eu-west-1',
      }),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('option', {
        name: 'payments/worker — account 444455556666, us-east-1',
      }),
    );
    await waitFor(() =>
      expect(api.getImages).toHaveBeenLastCalledWith(
        annotatedEntityRef,
        laxRepository.arn,
        expect.anything(),
      ),
    );
    const badges = screen.getByRole('list', { name: 'Repository settings' });
    expect(listItemTexts(badges)).toEqual([
      'Immutable tags: off',
      'Scan on push: off',
      'Encryption: AES256',
      'Lifecycle policy: none',
      'Repository policy: none',
    ]);
  });

  it('opens the repository named in the URL', async () => {
    const api = twoRepositories();
    await renderWithEntity(<EcrContent />, {
      api,
      route: `/?repository=${encodeURIComponent(laxRepository.arn)}`,
    });
    expect(await screen.findByText(laxRepository.uri)).toBeInTheDocument();
  });

  it.each([
    [
      'a repository the entity does not have',
      '/?repository=arn:aws:ecr:eu-west-1:999999999999:repository/other',
      /arn:aws:ecr:eu-west-1:999999999999:repository\/other is not one of this entity's repositories; showing payments\/api/,
    ],
    [
      'an image that is not a digest',
      '/?image=latest',
      /names image "latest", which is not an image digest/,
    ],
  ])(
    'explains a link that names %s, and shows the images',
    async (_, route, notice) => {
      await renderWithEntity(<EcrContent />, { api: ecrApiStub(), route });
      expect(await screen.findByText(notice)).toBeInTheDocument();
      expect(await screen.findByRole('table')).toBeInTheDocument();
    },
  );

  it('opens the findings of the image named in a shared link', async () => {
    const api = ecrApiStub();
    await renderWithEntity(<EcrContent />, {
      api,
      route: `/?repository=${encodeURIComponent(compliantRepository.arn)}&image=${latestImage.digest}`,
    });
    expect(await screen.findByText('CVE-2024-0001')).toBeInTheDocument();
    expect(api.getFindings).toHaveBeenCalledWith(
      annotatedEntityRef,
      expect.objectContaining({
        repositoryArn: compliantRepository.arn,
        digest: latestImage.digest,
      }),
    );
    expect(api.getImages).not.toHaveBeenCalled();
  });

  it('goes from the images table to the findings and back', async () => {
    const user = userEvent.setup();
    await renderWithEntity(<EcrContent />, { api: ecrApiStub() });
    await user.click(
      await screen.findByRole('link', { name: 'View findings of v1.4.2' }),
    );
    expect(await screen.findByText('CVE-2024-0001')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '← Back to images' }));
    expect(await screen.findByText('Images (4)')).toBeInTheDocument();
  });

  it('lists repositories that could not be read next to the ones that could', async () => {
    const api = ecrApiWithRepositories(
      [compliantRepository],
      [
        {
          arn: 'arn:aws:ecr:us-east-1:444455556666:repository/legacy',
          message:
            'AccessDenied: not authorized to perform ecr:DescribeRepositories',
        },
      ],
    );
    await renderWithEntity(<EcrContent />, { api });
    expect(
      await screen.findByText(/1 repository could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /AccessDenied: not authorized to perform ecr:DescribeRepositories/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(compliantRepository.uri),
    ).toBeInTheDocument();
  });

  it('says when the annotation matches no repository', async () => {
    const api = ecrApiWithRepositories([]);
    await renderWithEntity(<EcrContent />, { api });
    expect(
      await screen.findByText('No ECR repositories found for this entity'),
    ).toBeInTheDocument();
  });

  it('shows stale repository data with its time and the reason', async () => {
    const api = ecrApiStub({
      getRepositories: jest.fn(async () => ({
        repositories: [compliantRepository],
        errors: [],
        freshness: {
          fetchedAt: '2025-06-01T09:30:00.000Z',
          stale: true,
          staleReason: 'connect ETIMEDOUT',
        },
      })),
    });
    await renderWithEntity(<EcrContent />, { api });
    expect(
      await screen.findByText(
        /Data from 2025-06-01 09:30 UTC \(.+ ago\), AWS unavailable: connect ETIMEDOUT/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error with its actionable message', async () => {
    const api = ecrApiStub({
      getRepositories: jest.fn(async () => {
        throw await backendError(
          400,
          'InputError',
          'Invalid annotation aws.amazon.com/amazon-ecr-arn: "nope" is not a repository ARN',
        );
      }),
    });
    await renderWithEntity(<EcrContent />, { api });
    expect(
      (await screen.findAllByText(/"nope" is not a repository ARN/)).length,
    ).toBeGreaterThan(0);
  });
});
