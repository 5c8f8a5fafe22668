import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AgreementRecord } from '@/components/agreement/agreement-record';
import { STAKEHOLDER_GROUP_SINGULAR } from '@/components/roles/labels';
import { loadVersion } from '@/lib/agreement/load';
import { versionPath } from '@/components/roles/paths';
import { PrintButton } from '@/components/ui/print-button';
import styles from '@/components/ui/print-view.module.css';
import { RoleDescription } from '@/components/roles/role-content';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';

type Params = Promise<{ teamId: string; roleId: string; number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, number } = await params;
  const { access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) return { title: 'Page not found' };
  const state = version.status === 'AGREED' ? 'agreed' : 'not agreed';
  return { title: `${access.role.title}, version ${version.number} (${state}) – ${access.role.team.name}` };
}

/**
 * A role version fit to hand to a candidate or a panel: the description and
 * who agreed it. Only the agreed version says "Agreed"; anything else is
 * marked as a draft for discussion, on screen and on paper.
 */
export default async function PrintVersionPage({ params }: { params: Params }) {
  const { teamId, roleId, number } = await params;
  const { access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) notFound();
  const { role } = access;
  const agreed = version.status === 'AGREED' && version.agreedAt !== null;

  return (
    <div className={styles.printView}>
      <div className={styles.screenOnly}>
        <BackLink href={versionPath(teamId, roleId, version.number)}>Back to version {version.number}</BackLink>
      </div>

      <h1>
        <span className="nhsuk-caption-l">
          {role.team.name}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        {role.title}
        <span className={`${styles.status} nhsuk-heading-m`}>
          <span className="nhsuk-u-visually-hidden">: </span>
          {agreed && version.agreedAt ? (
            <>
              Agreed – version {version.number}, agreed on <DateTime value={version.agreedAt} dateOnly />
            </>
          ) : version.status === 'SUPERSEDED' && version.agreedAt ? (
            <>Not the agreed version – version {version.number} was replaced by a later agreed version</>
          ) : (
            <>Not agreed – draft for discussion (version {version.number})</>
          )}
        </span>
      </h1>

      <div className={styles.screenOnly}>
        <PrintButton />
      </div>

      <RoleDescription content={version.content} />

      <section aria-labelledby="agreement-record">
        <h2 id="agreement-record">{agreed ? 'Agreement record' : 'Agreements so far'}</h2>
        {agreed ? <p>This description was agreed by the people below, for the stakeholder groups the team&apos;s agreement policy requires.</p> : null}
        <AgreementRecord agreements={version.agreements} caption={agreed ? 'Agreement record' : 'Agreements so far'} />
        {!agreed && version.reviewers.some((reviewer) => !version.agreements.some((agreement) => agreement.userId === reviewer.userId)) ? (
          <p>
            Not yet agreed by:{' '}
            {version.reviewers
              .filter((reviewer) => !version.agreements.some((agreement) => agreement.userId === reviewer.userId))
              .map((reviewer) => `${reviewer.user.name} (${STAKEHOLDER_GROUP_SINGULAR[reviewer.group]})`)
              .join(', ')}
          </p>
        ) : null}
      </section>

      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Version {version.number}, submitted by {version.submittedBy.name} on <DateTime value={version.submittedAt} dateOnly />.
      </p>
    </div>
  );
}
