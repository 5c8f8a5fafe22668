import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every page under app/ is in the HTTP benchmark's list (bench/pages.json), as
 * every action is in the authorization matrix: a new page that is not measured
 * fails here. Routes are written as their folders read, route groups left out.
 */
const root = path.resolve(__dirname, '../..');

function pageFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return entry.name === 'page.tsx' ? [path.relative(root, full)] : [];
  });
}

function routeOf(file: string): string {
  const segments = file.split(path.sep).slice(1, -1).filter((segment) => !/^\(.*\)$/u.test(segment));
  return `/${segments.join('/')}`;
}

const listed = JSON.parse(readFileSync(path.join(root, 'bench/pages.json'), 'utf8')) as { pages: Array<{ route: string; as: string | null; path: string }> };
const SIGN_INS = ['admin', 'hr', 'manager', 'staff', 'peer', 'rep'];

describe('the HTTP benchmark’s page list', () => {
  const routes = pageFiles(path.join(root, 'app')).map(routeOf).sort();

  it('finds the pages under app/', () => {
    expect(routes).toEqual(expect.arrayContaining(['/', '/sign-in', '/teams/[teamId]/roles/[roleId]/versions/[number]/agree']));
  });

  it.each(routes)('measures %s', (route) => {
    expect(listed.pages.map((page) => page.route)).toContain(route);
  });

  it('lists only pages that exist, each signed in as a demo person (or no one) at an address that fits its route', () => {
    for (const page of listed.pages) {
      expect(routes).toContain(page.route);
      expect([null, ...SIGN_INS]).toContain(page.as);
      const pattern = new RegExp(`^${page.route.replace(/\[\w+\]/gu, '[^/]+').replace(/\//gu, '\\/')}(\\?.*)?$`, 'u');
      expect(page.path.replace(/\{\w+\}/gu, 'x')).toMatch(pattern);
    }
  });

  it('covers every kind of person', () => {
    expect(new Set(listed.pages.map((page) => page.as))).toEqual(new Set([null, ...SIGN_INS]));
  });
});
