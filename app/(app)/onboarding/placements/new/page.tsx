import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StartPlacementForm } from '@/components/onboarding/placement-form';
import { BackLink } from '@/components/ui/back-link';
import { InsetText } from '@/components/ui/inset-text';
import { SummaryList } from '@/components/ui/summary-list';
import { loadStartPlacementForm } from '@/lib/onboarding/load';
import { placementPath } from '@/lib/onboarding/paths';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Start a placement' };

/** A team's manager starts a peer worker's placement: from someone recruitment handed on (?appointmentId=), or directly on an agreed role. */
export default async function StartPlacementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const { form } = await loadStartPlacementForm(searchParam(query, 'appointmentId'), searchParam(query, 'roleId'));
  if (!form) notFound();
  if (form.kind === 'PLACED') {
    // The form was just posted without JavaScript, or the link is old: the placement exists.
    return (
      <>
        <BackLink href="/onboarding">Back to onboarding</BackLink>
        <h1>{form.name}’s placement has started</h1>
        {form.placementId ? (
          <p>
            <Link href={placementPath(form.placementId)}>Go to the placement and its plan</Link>
          </p>
        ) : null}
      </>
    );
  }
  const { appointment } = form;
  return (
    <>
      <BackLink href="/onboarding">Back to onboarding</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Start a placement</h1>
          <p>Starting the placement makes the peer worker’s onboarding plan from the template, with due dates counted from the start date. Everyone who owes a task is told by email.</p>
          {appointment ? (
            <SummaryList
              rows={[
                { key: 'Peer worker', value: `${appointment.name} (${appointment.email})` },
                { key: 'Team', value: appointment.teamName },
                { key: 'Role', value: `${appointment.roleTitle}, agreed version ${appointment.versionNumber}` },
                { key: 'Recruited through', value: appointment.vacancyTitle },
              ]}
            />
          ) : null}
          {form.templates.length === 0 ? (
            <InsetText>
              <p>There is no onboarding template to make the plan from. An administrator keeps the templates: ask them to add one.</p>
            </InsetText>
          ) : !appointment && form.roles.length === 0 ? (
            <InsetText>
              <p>
                None of your teams has an agreed role yet. A peer worker is placed on a role the team has agreed: <Link href="/teams">agree a role first</Link>.
              </p>
            </InsetText>
          ) : (
            <>
              {form.roles.length > 1 ? (
                <details className="nhsuk-details">
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">Fill in the arrangements from a role</span>
                  </summary>
                  <div className="nhsuk-details__text">
                    <p>Choose the role first and the form fills in what its agreed version says about contract, band, hours and days.</p>
                    <ul>
                      {form.roles.map((role) => (
                        <li key={role.id}>
                          <Link href={`/onboarding/placements/new?roleId=${role.id}`}>
                            {role.title}, {role.teamName}
                          </Link>
                          {role.id === form.selectedRoleId ? ' (filled in now)' : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                </details>
              ) : null}
              <StartPlacementForm
                appointmentId={appointment?.id ?? null}
                roles={form.roles}
                selectedRoleId={form.selectedRoleId}
                templates={form.templates}
                defaults={{ startDate: null, ...form.defaults, lineManagerEmail: '', peerSupervisorEmail: '' }}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
