import { version as nhsukVersion } from 'nhsuk-frontend/package.json';

/**
 * nhsuk-frontend's compiled CSS and assets, copied into public/nhsuk/ by
 * scripts/copy-nhsuk-assets.mjs (Turbopack cannot parse the CSS). The version
 * in the query string makes browsers fetch the new file after an upgrade.
 */
export const NHSUK_STYLESHEET = `/nhsuk/nhsuk-frontend.min.css?v=${nhsukVersion}`;
export const NHSUK_IMAGES = '/nhsuk/assets/images';
export const NHS_BLUE = '#005eb8';
