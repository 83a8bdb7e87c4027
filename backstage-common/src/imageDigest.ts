/**
 * An image digest as the API takes it: `sha256:` followed by 64 lowercase hex digits (ECR
 * names every manifest by its SHA-256 digest).
 *
 * @public
 */
export const IMAGE_DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
