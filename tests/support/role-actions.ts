/** The actions of the three role workflows (drafting, expectations, agreement) under one name, for tests that walk a role through all three. */
export * from '@/lib/roles/actions';
export * from '@/lib/expectations/actions';
export * from '@/lib/agreement/actions';
