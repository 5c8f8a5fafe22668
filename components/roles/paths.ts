/** The role pages' addresses live with the roles workflow (lib/roles/paths.ts): emails link to them too. */
export * from '@/lib/roles/paths';
