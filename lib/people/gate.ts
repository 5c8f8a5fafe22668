/*
 * What other workflows may take from people: giving someone a set-password
 * link (recruitment does, for an appointed candidate with no account yet).
 */
export { issuePasswordLink } from '@/lib/people/invitations';
